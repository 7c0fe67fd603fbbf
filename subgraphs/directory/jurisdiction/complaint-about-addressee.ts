import { normaliseMatchText } from '../competences/competence-match-key';

/** An official the complaint is about, as the applicant named them (seed: position, surname and name). */
export interface Respondent {
  position: string;
  surname: string;
  name: string;
}

/** Whether one of the respondents is this official (surname and name, case and spacing aside). */
export function isAbout(respondents: Respondent[] | null | undefined, official: { surname: string; name: string } | null): boolean {
  if (!official || !respondents?.length) return false;
  const surname = normaliseMatchText(official.surname);
  const name = normaliseMatchText(official.name);
  return respondents.some((r) => normaliseMatchText(r.surname) === surname && normaliseMatchText(r.name) === name);
}

/**
 * Where a complaint about the addressee themself goes, in the words of the decision's `rule`. Nobody reviews a
 * complaint about their own actions: APPC Art. 91 sends a complaint to the body that reviews complaints (the body
 * above), filed through the body whose action is appealed; Law "On Public Services" Art. 25 gives the applicant the
 * authorised body for public-service quality control as the reviewer above a provider (15 working days).
 */
export const bodyAbove = {
  head: (head: { surname: string; name: string }) =>
    `the complaint is about the head (${head.surname} ${head.name}) themself, so it goes to the authorised body for ` +
    'public-service quality control (APPC Art. 91; Law "On Public Services" Art. 25(2))',
  akim: (akim: { surname: string; name: string }, above: string) =>
    `the complaint is about the akim (${akim.surname} ${akim.name}) themself, so it goes to the body above: ${above} (APPC Art. 91)`,
  akimToQuality: (akim: { surname: string; name: string }) =>
    `the complaint is about the akim (${akim.surname} ${akim.name}) themself and no akimat above is on record, so it goes ` +
    'to the authorised body for public-service quality control (APPC Art. 91; Law "On Public Services" Art. 25(2))',
};
