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
  const { driver } = em.connection;
  const lastMarkAt = driver.preparePersistentValue(at, em.connection.getMetadata(ApplicantMarkLock).findColumnWithPropertyName('lastMarkAt')!);
  const parameters = sorted.flatMap((applicantIin) => [applicantIin, lastMarkAt, counts.get(applicantIin)!]);
  // Plain SQL (TypeORM's builder cost more CPU per mark than the statement); its upsert only overwrites columns,
  // and the count must add up. SQLite and MariaDB return the rows as the upsert left them.
  const type = em.connection.options.type;
  const rows = new Array(sorted.length).fill('(?, ?, ?)').join(', ');
  const sql =
    type === 'better-sqlite3'
      ? `INSERT INTO "applicant_mark_lock" ("applicantIin", "lastMarkAt", "markCount") VALUES ${rows} ON CONFLICT ("applicantIin") DO UPDATE SET "lastMarkAt" = EXCLUDED."lastMarkAt", "markCount" = "markCount" + EXCLUDED."markCount"`
      : `INSERT INTO \`applicant_mark_lock\` (\`applicantIin\`, \`lastMarkAt\`, \`markCount\`) VALUES ${rows} ON DUPLICATE KEY UPDATE \`lastMarkAt\` = VALUES(\`lastMarkAt\`), \`markCount\` = \`markCount\` + VALUES(\`markCount\`)`;
  const returning = type === 'better-sqlite3' ? ' RETURNING "applicantIin", "markCount"' : type === 'mariadb' ? ' RETURNING `applicantIin`, `markCount`' : '';
  const upserted: unknown = await em.query(sql + returning, parameters);
  const locks: Pick<ApplicantMarkLock, 'applicantIin' | 'markCount'>[] = returning
    ? (upserted as { applicantIin: string; markCount: number | string }[]).map((r) => ({ applicantIin: r.applicantIin, markCount: Number(r.markCount) }))
    : await em.find(ApplicantMarkLock, { select: { applicantIin: true, markCount: true }, where: { applicantIin: In(sorted) } });
  return new Map(locks.map((l) => [l.applicantIin, l.markCount - counts.get(l.applicantIin)! + 1]));
}
