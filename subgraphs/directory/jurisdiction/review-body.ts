import { Field, ID, ObjectType } from 'type-graphql';
import { ReviewBodyKind } from '../../../contracts/enums';
import type { OfficialRecord } from '../officials/official.entity';
import { ServiceProviderKind } from '../service-providers/service-provider-kind';
import type { ServiceProviderRecord } from '../service-providers/service-provider.entity';

/**
 * The one place that says what kind of body reviews a complaint (it decides the review term in status):
 * - a service provider's head or official → SERVICE_PROVIDER (Law "On Public Services" Art. 25(2): 5 working days);
 * - the authorised body for assessment and control of public-service quality → QUALITY_CONTROL_BODY
 *   (Art. 25(3): 15 working days);
 * - an akim and the akimat (local executive body, an official with a unit and no provider) → LOCAL_EXECUTIVE_BODY.
 * Jurisdiction, intake (through the jurisdiction decision) and status (through `Official.body`) all read it here.
 */
@ObjectType({ description: 'The body an official acts for, and its kind (which decides the review term)' })
export class ReviewBody {
  @Field(() => ID, { description: "The provider's id, or the akimat's KATO code" })
  id: string;

  @Field(() => ReviewBodyKind)
  kind: ReviewBodyKind;
}

export function providerBodyKind(provider: Pick<ServiceProviderRecord, 'kind'>): ReviewBodyKind {
  return provider.kind === ServiceProviderKind.QUALITY_CONTROL_BODY
    ? ReviewBodyKind.QUALITY_CONTROL_BODY
    : ReviewBodyKind.SERVICE_PROVIDER;
}

export const AKIMAT_BODY_KIND = ReviewBodyKind.LOCAL_EXECUTIVE_BODY;

/** The official's body: their provider, else the akimat of their unit, else none. */
export function reviewBodyOf(
  official: Pick<OfficialRecord, 'serviceProviderId' | 'katoCode'>,
  provider: Pick<ServiceProviderRecord, 'id' | 'kind'> | null,
): ReviewBody | null {
  if (official.serviceProviderId) {
    return provider ? { id: provider.id, kind: providerBodyKind(provider) } : null;
  }
  if (official.katoCode) return { id: official.katoCode, kind: AKIMAT_BODY_KIND };
  return null;
}
