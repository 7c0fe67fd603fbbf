import { requireRole, type AuthState } from '../../../platform/auth';
import type { Clock } from '../../../platform/clock';
import { isUniqueViolation } from '../../../platform/database';
import { Channel } from '../../../contracts/enums';
import { Conflict } from '../../../platform/errors';
import { kzDate } from '../../../platform/scalars';
import { assertMayAcceptAtOffice, assertOfficeReceives } from '../access';
import type { DirectoryClient } from '../clients';
import { toComplaint, type Complaint, type ComplaintRecord, type FileComplaintInput, type OfficeComplaintInput } from '../complaints';
import { complaintFiledEvent } from '../events';
import { checkFilingTerm, validateComplaint, type ValidComplaint, type WorkingDayOnOrAfter } from '../validation';
import { contentHash } from './content-hash';
import { toComplaintRecord, type Filer } from './filing.mapper';
import type { FilingRepository } from './filing.repository';
import { bodyIdOf, jurisdictionFor } from './jurisdiction';

export interface FilingDeps {
  filings: FilingRepository;
  directory: DirectoryClient;
  /** The first working day on or after a date, from status's calendar (filing term, APPC Art. 92). */
  workingDayOnOrAfter: WorkingDayOnOrAfter;
  /** Called after a commit that queued events. */
  onEventsQueued: () => void;
  clock: Clock;
}

type TermInput = Pick<FileComplaintInput, 'violationLearnedOn' | 'lateFilingReason'>;

/** A random number colliding with an existing one is retried this many times. */
const NUMBER_ATTEMPTS = 3;

/**
 * Filing on both channels (seed: required content, addressee, jurisdiction, talon). Order: who may file, what was
 * filed, a retry answered from the earlier filing, and only then the calls a new filing needs (status's calendar
 * for the filing term, the directory's jurisdiction).
 */
export class ComplaintFilingService {
  constructor(
    private readonly deps: FilingDeps,
    private readonly auth: AuthState,
  ) {}

  async file(input: FileComplaintInput): Promise<Complaint> {
    const citizen = requireRole(this.auth, 'citizen');
    const submittedAt = this.deps.clock.now();
    const valid = validateComplaint(input, { signature: input.signature }, citizen.iin!);
    return this.store({ channel: Channel.PORTAL, actor: citizen, scope: `citizen:${citizen.iin}` }, valid, input, submittedAt);
  }

  async acceptAtOffice(input: OfficeComplaintInput): Promise<Complaint> {
    const clerk = requireRole(this.auth, 'clerk');
    const submittedAt = this.deps.clock.now();
    const valid = validateComplaint(input, { applicantIin: input.applicantIin, signedOnPaper: input.signedOnPaper });
    const clerkBody = await this.deps.directory.officialBody(clerk.officialId!);
    assertMayAcceptAtOffice(clerkBody, valid);
    const filer = { channel: Channel.OFFICE, actor: clerk, scope: `clerk:${clerk.officialId}` };
    return this.store(filer, valid, input, submittedAt, clerkBody);
  }

  private async store(filer: Filer, valid: ValidComplaint, input: TermInput, submittedAt: Date, clerkBody?: string): Promise<Complaint> {
    const filedOn = kzDate(submittedAt);
    const key = valid.idempotencyKey;
    if (key) {
      const earlier = await this.deps.filings.byIdempotencyKey(filer.scope, key);
      if (earlier) return this.replay(earlier, filer, valid, input, filedOn);
    }
    const filing = { ...valid, ...(await checkFilingTerm(input, filedOn, this.deps.workingDayOnOrAfter)) };
    const hash = key ? contentHash(filer.channel, filing) : null;
    const decision = await jurisdictionFor(this.deps.directory, valid);
    if (clerkBody !== undefined) assertOfficeReceives(clerkBody, valid, bodyIdOf(decision));
    for (let attempt = 1; ; attempt++) {
      const record = toComplaintRecord(filing, filer, decision, submittedAt, hash);
      try {
        await this.deps.filings.insertWithEvent({ record, event: complaintFiledEvent(record, clerkBody ?? null) });
        this.deps.onEventsQueued();
        return toComplaint(record, filer.actor);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        if (key) {
          // A concurrent retry with the same key committed first.
          const winner = await this.deps.filings.byIdempotencyKey(filer.scope, key);
          if (winner) return this.replay(winner, filer, valid, input, filedOn);
        }
        if (attempt >= NUMBER_ATTEMPTS) throw err;
      }
    }
  }

  /** A retry returns the earlier complaint when the content is the same, and is a conflict otherwise. */
  private async replay(earlier: ComplaintRecord, filer: Filer, valid: ValidComplaint, input: TermInput, filedOn: string): Promise<Complaint> {
    // For the same learned-on date the earlier filing's deadline stands: a retry does not ask status's calendar again.
    const known = earlier.violationLearnedOn === (input.violationLearnedOn ?? null) ? earlier.filingDeadline : null;
    const term = await checkFilingTerm(input, filedOn, known ? () => known : this.deps.workingDayOnOrAfter);
    if (earlier.contentHash !== contentHash(filer.channel, { ...valid, ...term })) {
      throw new Conflict('This idempotency key was already used for a different complaint', { complaintId: earlier.id });
    }
    return toComplaint(earlier, filer.actor);
  }
}
