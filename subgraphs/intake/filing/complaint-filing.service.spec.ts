import { Addressee, ReviewBodyKind } from '../../../contracts/enums';
import type { AuthState, Principal } from '../../../platform/auth';
import { SettableClock } from '../../../platform/clock';
import type { DirectoryClient, JurisdictionAnswer } from '../clients';
import type { ComplaintRecord, FileComplaintInput, OfficeComplaintInput } from '../complaints';
import { ComplaintFilingService } from './complaint-filing.service';
import type { FilingRepository, NewFiling } from './filing.repository';

const IIN = '900101300027';
const PROVIDER = 'provider-1';

/** The service with fakes: an in-memory filing store, a directory that knows one clerk, a calendar that counts calls. */
function filingService(principal: Principal) {
  const stored: ComplaintRecord[] = [];
  const calendarAsked: string[] = [];
  const filings = {
    byIdempotencyKey: async (scope: string, key: string) =>
      stored.find((r) => r.idempotencyScope === scope && r.idempotencyKey === key) ?? null,
    insertWithEvent: async (f: NewFiling) => void stored.push(f.record),
  } as unknown as FilingRepository;
  const decision: JurisdictionAnswer = {
    official: { id: 'head-1', body: { id: PROVIDER, kind: ReviewBodyKind.SERVICE_PROVIDER } },
    rule: 'the head of the provider',
    bodyKind: ReviewBodyKind.SERVICE_PROVIDER,
  };
  const directory = {
    officialBody: async (id: string) => (id === 'clerk-home' ? PROVIDER : 'provider-elsewhere'),
    jurisdiction: async () => decision,
  } as unknown as DirectoryClient;
  const service = new ComplaintFilingService(
    {
      filings,
      directory,
      workingDayOnOrAfter: (date) => (calendarAsked.push(date), date),
      onEventsQueued: () => {},
      clock: new SettableClock('2026-03-10T06:00:00Z'),
    },
    { principal } as AuthState,
  );
  return { service, stored, calendarAsked };
}

const citizen: Principal = { sub: 'c', role: 'citizen', iin: IIN, authorization: '' };
const clerkOf = (officialId: string): Principal => ({ sub: officialId, role: 'clerk', officialId, authorization: '' });

function input(over: Partial<FileComplaintInput> = {}): FileComplaintInput {
  return {
    addressee: Addressee.SERVICE_PROVIDER_HEAD,
    serviceProviderId: PROVIDER,
    applicant: { surname: 'Ахметова', name: 'Дина', postalAddress: 'Астана, Мәңгілік Ел 8, 12', phones: [] },
    respondents: [{ position: 'специалист', surname: 'Серіков', name: 'Нұржан' }],
    reasons: 'Справка не выдана',
    demands: 'Выдать справку',
    signature: 'ЭЦП',
    violationLearnedOn: '2026-01-05',
    ...over,
  } as FileComplaintInput;
}

function officeInput(over: Partial<OfficeComplaintInput> = {}): OfficeComplaintInput {
  const { signature: _portalOnly, ...common } = input();
  return { ...common, applicantIin: IIN, signedOnPaper: true, ...over } as OfficeComplaintInput;
}

async function codeOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return (err as { extensions?: { code?: string } }).extensions?.code;
  }
  throw new Error('expected an error');
}

describe('ComplaintFilingService: access and retries before the calls a new filing needs', () => {
  it('refuses a clerk of another office before asking status for the filing deadline', async () => {
    const { service, stored, calendarAsked } = filingService(clerkOf('clerk-away'));
    expect(await codeOf(() => service.acceptAtOffice(officeInput()))).toBe('FORBIDDEN');
    expect(calendarAsked).toEqual([]);
    expect(stored).toEqual([]);
  });

  it("accepts at the clerk's own office, asking the calendar once", async () => {
    const { service, stored, calendarAsked } = filingService(clerkOf('clerk-home'));
    const complaint = await service.acceptAtOffice(officeInput());
    expect(complaint.talon?.acceptedBy.id).toBe('clerk-home');
    expect(stored).toHaveLength(1);
    expect(calendarAsked).toEqual(['2026-04-05']);
  });

  it('answers an office retry from the earlier filing without asking the calendar again', async () => {
    const { service, stored, calendarAsked } = filingService(clerkOf('clerk-home'));
    const first = await service.acceptAtOffice(officeInput({ idempotencyKey: 'retry-key-1' }));
    const again = await service.acceptAtOffice(officeInput({ idempotencyKey: 'retry-key-1' }));
    expect(again.id).toBe(first.id);
    expect(stored).toHaveLength(1);
    expect(calendarAsked).toHaveLength(1);
  });

  it('answers a portal retry from the earlier filing, and a reused key with other content is a conflict', async () => {
    const { service, stored, calendarAsked } = filingService(citizen);
    const first = await service.file(input({ idempotencyKey: 'retry-key-2' }));
    expect((await service.file(input({ idempotencyKey: 'retry-key-2' }))).id).toBe(first.id);
    expect(calendarAsked).toHaveLength(1);
    expect(await codeOf(() => service.file(input({ idempotencyKey: 'retry-key-2', demands: 'Другое требование' })))).toBe('CONFLICT');
    expect(stored).toHaveLength(1);
  });
});
