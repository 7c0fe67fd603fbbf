import { AppError, BadUserInput } from '../../../platform/errors';
import type { DirectoryClient, JurisdictionAnswer } from '../clients';
import type { ValidComplaint } from '../validation';

/** Who handles the complaint, as the directory decides; an unknown provider or unit is the caller's input error, named by field. */
export async function jurisdictionFor(directory: DirectoryClient, v: ValidComplaint): Promise<JurisdictionAnswer> {
  try {
    const { addressee, serviceProviderId, katoCode, publicService, issueCategory, respondents } = v;
    return await directory.jurisdiction({ addressee, serviceProviderId, katoCode, publicService, issueCategory, respondents });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const { code, field, id } = err.extensions;
    if (code === 'BAD_USER_INPUT' && typeof field === 'string') {
      throw new BadUserInput(err.message, field.startsWith('input.') ? field : `input.${field}`);
    }
    if (code !== 'NOT_FOUND') throw err;
    if (id === v.serviceProviderId) {
      throw new BadUserInput(`No service provider ${v.serviceProviderId} is on record`, 'input.serviceProviderId');
    }
    if (v.katoCode && id === v.katoCode) {
      throw new BadUserInput(`No administrative unit ${v.katoCode} is on record`, 'input.katoCode');
    }
    throw err; // nobody competent on record: a directory gap, not the applicant's mistake
  }
}

/** The chosen official's body, as the directory says (directory/jurisdiction/review-body.ts). */
export function bodyIdOf(decision: JurisdictionAnswer): string | null {
  return decision.official.body?.id ?? null;
}
