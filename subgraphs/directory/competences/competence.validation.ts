import { invalid, optionalText, Problems, requiredText, valid, type RuleResult } from '../../../platform/validation';
import { CompetenceKind } from './competence-kind';
import type { CompetenceRecord } from './competence.entity';
import type { CreateCompetenceInput, UpdateCompetenceInput } from './competence.inputs';

/** A public service may have a register code; an issue category is only a name. */
function codeOfKind(kind: CompetenceKind, code: string | null): RuleResult<string | null> {
  return code && kind === CompetenceKind.ISSUE_CATEGORY ? invalid('An issue category has a name, not a code') : valid(code);
}

/** A new competence's name and code, checked. */
export function validateNewCompetence(input: CreateCompetenceInput): { name: string; code: string | null } {
  const p = new Problems();
  const name = p.check('input.name', requiredText(input.name, 'input.name', 300), '');
  const code = p.check('input.code', optionalText(input.code, 'input.code', 50), null);
  p.check('input.code', codeOfKind(input.kind, code), null);
  p.assertNone();
  return { name, code };
}

/** `competence` with the changes asked applied, checked (its kind decides whether it may have a code). */
export function withCompetenceChanges(competence: CompetenceRecord, input: UpdateCompetenceInput): CompetenceRecord {
  const p = new Problems();
  const changed = { ...competence };
  if (input.name != null) changed.name = p.check('input.name', requiredText(input.name, 'input.name', 300), competence.name);
  if (input.code !== undefined) changed.code = p.check('input.code', optionalText(input.code, 'input.code', 50), null);
  p.check('input.code', codeOfKind(changed.kind, changed.code), null);
  if (input.active != null) changed.active = input.active;
  p.assertNone();
  return changed;
}
