import { ReviewBodyKind } from '../../../contracts/enums';
import { providerBodyKind, reviewBodyOf } from './review-body';
import { ServiceProviderKind } from '../service-providers/service-provider-kind';

describe('the reviewing body and its kind (Law "On Public Services" Art. 25)', () => {
  const provider = { id: 'p1', kind: ServiceProviderKind.SERVICE_PROVIDER };
  const quality = { id: 'q1', kind: ServiceProviderKind.QUALITY_CONTROL_BODY };

  it('Art. 25(3): an official of the quality-control body acts for a QUALITY_CONTROL_BODY (15 working days)', () => {
    expect(reviewBodyOf({ serviceProviderId: 'q1', katoCode: '710000000' }, quality)).toEqual({
      id: 'q1',
      kind: ReviewBodyKind.QUALITY_CONTROL_BODY,
    });
    expect(providerBodyKind(quality)).toBe(ReviewBodyKind.QUALITY_CONTROL_BODY);
  });

  it("Art. 25(2): a provider's official acts for the SERVICE_PROVIDER, even with a unit on record", () => {
    expect(reviewBodyOf({ serviceProviderId: 'p1', katoCode: '710000000' }, provider)).toEqual({
      id: 'p1',
      kind: ReviewBodyKind.SERVICE_PROVIDER,
    });
  });

  it('Art. 25(2): an akimat official (a unit, no provider) acts for the LOCAL_EXECUTIVE_BODY; nobody else has a body', () => {
    expect(reviewBodyOf({ serviceProviderId: null, katoCode: '351010000' }, null)).toEqual({
      id: '351010000',
      kind: ReviewBodyKind.LOCAL_EXECUTIVE_BODY,
    });
    expect(reviewBodyOf({ serviceProviderId: null, katoCode: null }, null)).toBeNull();
    expect(reviewBodyOf({ serviceProviderId: 'gone', katoCode: null }, null)).toBeNull();
  });
});
