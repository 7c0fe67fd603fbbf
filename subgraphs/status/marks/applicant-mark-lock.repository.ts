import type { EntityManager } from 'typeorm';
import { ApplicantMarkLock } from './applicant-mark-lock.entity';

/**
 * Takes the applicants' mark locks for the rest of the transaction; call it right before inserting their marks.
 * One statement for all of them, locking in sorted order, so two transactions sharing applicants cannot deadlock.
 */
export async function lockApplicantMarks(em: EntityManager, applicantIins: string | string[], at: Date): Promise<void> {
  const sorted = [...new Set(Array.isArray(applicantIins) ? applicantIins : [applicantIins])].sort();
  if (sorted.length === 0) return;
  await em
    .createQueryBuilder()
    .insert()
    .into(ApplicantMarkLock)
    .values(sorted.map((applicantIin) => ({ applicantIin, lastMarkAt: at })))
    .orUpdate(['lastMarkAt'], ['applicantIin'])
    .execute();
}
