import type { EntityManager } from 'typeorm';
import { ApplicantMarkLock } from './applicant-mark-lock.entity';

/** Takes the applicant's mark lock for the rest of the transaction; call it right before inserting a mark. */
export async function lockApplicantMarks(em: EntityManager, applicantIin: string, at: Date): Promise<void> {
  await em
    .createQueryBuilder()
    .insert()
    .into(ApplicantMarkLock)
    .values({ applicantIin, lastMarkAt: at })
    .orUpdate(['lastMarkAt'], ['applicantIin'])
    .execute();
}
