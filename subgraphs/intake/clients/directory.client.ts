import type { Addressee, ReviewBodyKind } from '../../../contracts/enums';
import type { ReadCache } from '../../../platform/read-cache';
import { callService } from '../../../platform/service-client';

export interface JurisdictionAnswer {
  /** `body` is the directory's answer for the body the official acts for (intake keeps no rule of its own). */
  official: { id: string; body: { id: string; kind: ReviewBodyKind } | null };
  rule: string;
  bodyKind: ReviewBodyKind;
}

const JURISDICTION = /* GraphQL */ `
  query Jurisdiction(
    $addressee: Addressee!
    $serviceProviderId: ID!
    $katoCode: String
    $publicService: String
    $issueCategory: String
    $respondents: [JurisdictionRespondentInput!]
  ) {
    jurisdictionDecision(
      addressee: $addressee
      serviceProviderId: $serviceProviderId
      katoCode: $katoCode
      publicService: $publicService
      issueCategory: $issueCategory
      respondents: $respondents
    ) {
      official { id body { id kind } }
      rule
      bodyKind
    }
  }
`;

const OFFICIAL_PROVIDER = /* GraphQL */ `
  query OfficialProvider($id: ID!) {
    official(id: $id) { serviceProvider { id } }
  }
`;

const OFFICIAL_BODY = /* GraphQL */ `
  query OfficialBody($id: ID!) {
    official(id: $id) { active serviceProvider { id } administrativeUnit { katoCode } }
  }
`;

/**
 * Asks the directory subgraph who handles a complaint, and where an official works. Answers are kept in a read
 * cache that the directory's change feed empties on every committed directory write (the TTL is a safety net), so
 * a filing usually needs no call to the directory at all. Refusals (unknown provider, nobody competent) are never
 * kept.
 */
export class DirectoryClient {
  constructor(
    private readonly url: string,
    private readonly serviceToken: () => Promise<string>,
    private readonly answers: ReadCache,
  ) {}

  async jurisdiction(q: {
    addressee: Addressee;
    serviceProviderId: string;
    katoCode?: string | null;
    publicService?: string | null;
    issueCategory?: string | null;
    /** Who the complaint is about: a complaint about the addressee themself goes above them. */
    respondents?: { position: string; surname: string; name: string }[];
  }): Promise<JurisdictionAnswer> {
    const key = JSON.stringify([
      'jurisdiction',
      q.addressee,
      q.serviceProviderId,
      q.katoCode ?? null,
      q.publicService ?? null,
      q.issueCategory ?? null,
      q.respondents ?? null,
    ]);
    return this.answers.getOrRead(key, async () => {
      const data = await callService<{ jurisdictionDecision: JurisdictionAnswer }>(
        this.url,
        JURISDICTION,
        q,
        `Bearer ${await this.serviceToken()}`,
      );
      return data.jurisdictionDecision;
    });
  }

  /**
   * The body an active official (or clerk) acts for, written as `handlerBodyId` is: the provider's id, else the
   * akimat's unit code (null when attached to neither); `undefined` when the official is unknown or inactive.
   */
  async officialBody(officialId: string): Promise<string | null | undefined> {
    return this.answers.getOrRead(JSON.stringify(['body of', officialId]), async () => {
      type Answer = { active: boolean; serviceProvider: { id: string } | null; administrativeUnit: { katoCode: string } | null };
      const data = await callService<{ official: Answer | null }>(
        this.url,
        OFFICIAL_BODY,
        { id: officialId },
        `Bearer ${await this.serviceToken()}`,
      );
      const o = data.official;
      return o && o.active ? (o.serviceProvider?.id ?? o.administrativeUnit?.katoCode ?? null) : undefined;
    });
  }

  /** The provider an official (or clerk) works for; null when unknown or not attached to a provider. */
  async officialProvider(officialId: string): Promise<string | null> {
    return this.answers.getOrRead(JSON.stringify(['provider of', officialId]), async () => {
      const data = await callService<{ official: { serviceProvider: { id: string } | null } | null }>(
        this.url,
        OFFICIAL_PROVIDER,
        { id: officialId },
        `Bearer ${await this.serviceToken()}`,
      );
      return data.official?.serviceProvider?.id ?? null;
    });
  }
}
