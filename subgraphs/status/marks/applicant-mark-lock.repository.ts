import { In, type EntityManager } from 'typeorm';
import { ApplicantMarkLock } from './applicant-mark-lock.entity';

/**
 * Takes the applicants' mark locks for the rest of the transaction and numbers their new marks; call it right before
 * inserting the marks. `applicantIins` names the applicant of each new mark (an applicant twice: two marks). One
 * statement locks them all, in sorted order, so two transactions sharing applicants cannot deadlock, and returns the
 * counts (MySQL, which has no RETURNING, reads them back). Returns each applicant's `applicantSeq` for their first
 * new mark (the next ones follow it).
 */
export async function lockApplicantMarks(em: EntityManager, applicantIins: string | string[], at: Date): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const iin of Array.isArray(applicantIins) ? applicantIins : [applicantIins]) counts.set(iin, (counts.get(iin) ?? 0) + 1);
  const sorted = [...counts.keys()].sort();
  if (sorted.length === 0) return new Map();
  const [sql, parameters] = em
    .createQueryBuilder()
    .insert()
    .into(ApplicantMarkLock)
    .values(sorted.map((applicantIin) => ({ applicantIin, lastMarkAt: at, markCount: counts.get(applicantIin)! })))
    .orUpdate(['lastMarkAt'], ['applicantIin'])
    .getQueryAndParameters();
  // TypeORM's upsert only overwrites columns; the count must add up, so the increment is appended to its clause.
  const type = em.connection.options.type;
  const increment = type === 'better-sqlite3' ? ', "markCount" = "markCount" + EXCLUDED."markCount"' : ', `markCount` = `markCount` + VALUES(`markCount`)';
  // SQLite and MariaDB return the rows as the upsert left them.
  const returning = type === 'better-sqlite3' ? ' RETURNING "applicantIin", "markCount"' : type === 'mariadb' ? ' RETURNING `applicantIin`, `markCount`' : '';
  const upserted: unknown = await em.query(`${sql.trimEnd()}${increment}${returning}`, parameters);
  const locks: Pick<ApplicantMarkLock, 'applicantIin' | 'markCount'>[] = returning
    ? (upserted as { applicantIin: string; markCount: number | string }[]).map((r) => ({ applicantIin: r.applicantIin, markCount: Number(r.markCount) }))
    : await em.find(ApplicantMarkLock, { select: { applicantIin: true, markCount: true }, where: { applicantIin: In(sorted) } });
  return new Map(locks.map((l) => [l.applicantIin, l.markCount - counts.get(l.applicantIin)! + 1]));
}
