import { registerEnumType } from 'type-graphql';

/**
 * An ordinary service provider, or the authorised body for assessment and control of public-service quality,
 * whose complaints get a longer review term (Law "On Public Services" Art. 25; shared/domain.md, Terms).
 */
export enum ServiceProviderKind {
  SERVICE_PROVIDER = 'SERVICE_PROVIDER',
  QUALITY_CONTROL_BODY = 'QUALITY_CONTROL_BODY',
}

registerEnumType(ServiceProviderKind, {
  name: 'ServiceProviderKind',
  description: 'A provider of public services, or the authorised body for public-service quality control',
});
