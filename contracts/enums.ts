import { registerEnumType } from 'type-graphql';

/**
 * Enums of the public contract (../shared/api.md). Every subgraph that uses one registers this same
 * definition, so the composed supergraph sees identical values.
 */
export enum Channel {
  PORTAL = 'PORTAL',
  OFFICE = 'OFFICE',
}

export enum Addressee {
  SERVICE_PROVIDER_HEAD = 'SERVICE_PROVIDER_HEAD',
  AKIM = 'AKIM',
  PORTAL = 'PORTAL',
}

export enum StatusMarkKind {
  DELIVERED = 'DELIVERED',
  REGISTERED = 'REGISTERED',
  IN_EXECUTION = 'IN_EXECUTION',
  REVIEWED = 'REVIEWED',
  FORWARDED = 'FORWARDED',
  EXTENDED = 'EXTENDED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum ReviewResult {
  SATISFIED = 'SATISFIED',
  PARTIALLY_SATISFIED = 'PARTIALLY_SATISFIED',
  REJECTED = 'REJECTED',
  LEFT_WITHOUT_CONSIDERATION = 'LEFT_WITHOUT_CONSIDERATION',
}

/** Which kind of body reviews the complaint: it decides the review term (see subgraphs/status terms data). */
export enum ReviewBodyKind {
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
  LOCAL_EXECUTIVE_BODY = 'LOCAL_EXECUTIVE_BODY',
  QUALITY_CONTROL_BODY = 'QUALITY_CONTROL_BODY',
}

registerEnumType(Channel, { name: 'Channel', description: 'How the complaint was filed' });
registerEnumType(Addressee, { name: 'Addressee', description: 'Where the applicant directed the complaint' });
registerEnumType(StatusMarkKind, { name: 'StatusMarkKind', description: 'A mark on the complaint timeline' });
registerEnumType(ReviewResult, { name: 'ReviewResult', description: 'Outcome of the review' });
registerEnumType(ReviewBodyKind, { name: 'ReviewBodyKind', description: 'Kind of body reviewing a complaint' });
