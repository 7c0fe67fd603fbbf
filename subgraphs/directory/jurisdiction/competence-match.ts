import { CompetenceKind } from '../competences/competence-kind';
import { normaliseMatchText } from '../competences/competence-match-key';

/** What a complaint is about, as far as competence goes. */
export interface ComplaintSubject {
  publicService?: string | null;
  issueCategory?: string | null;
}

export interface CompetenceLike {
  officialId: string;
  kind: CompetenceKind;
  code: string | null;
  name: string;
  active: boolean;
}

export function hasSubject(s: ComplaintSubject): boolean {
  return Boolean(s.publicService?.trim() || s.issueCategory?.trim());
}

function covers(c: CompetenceLike, kind: CompetenceKind, asked: string | null | undefined): boolean {
  if (!c.active || c.kind !== kind || !asked?.trim()) return false;
  const want = normaliseMatchText(asked);
  return normaliseMatchText(c.name) === want || (c.code !== null && normaliseMatchText(c.code) === want);
}

export interface CompetentMatch<O> {
  official: O;
  /** The competences that matched, public service first. */
  matched: CompetenceLike[];
}

/**
 * The official whose competence covers the complaint: one covering both the public service and the issue
 * category beats one covering the service, which beats one covering only the category. Ties go to the
 * earlier official in `officials` (the caller orders them). Null when nobody's competence covers it.
 */
export function pickCompetent<O extends { id: string }>(
  officials: O[],
  competences: CompetenceLike[],
  subject: ComplaintSubject,
): CompetentMatch<O> | null {
  let best: { match: CompetentMatch<O>; score: number } | null = null;
  for (const official of officials) {
    const own = competences.filter((c) => c.officialId === official.id);
    const service = own.find((c) => covers(c, CompetenceKind.PUBLIC_SERVICE, subject.publicService));
    const category = own.find((c) => covers(c, CompetenceKind.ISSUE_CATEGORY, subject.issueCategory));
    const score = (service ? 2 : 0) + (category ? 1 : 0);
    if (score > 0 && (!best || score > best.score)) {
      best = { match: { official, matched: [service, category].filter((c): c is CompetenceLike => !!c) }, score };
    }
  }
  return best?.match ?? null;
}
