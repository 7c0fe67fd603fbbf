/** The directory's identifier rules (BIN, KATO, UUID), in platform/validation's RuleResult style. */
export { bin, binCheckDigit, binProblem, isValidBin, BIN_PROBLEM_MESSAGES, type BinProblem } from './bin.rule';
export { isValidKato, katoCode, katoProblem, katoRegion, KATO_PROBLEM_MESSAGES, type KatoProblem } from './kato.rule';
export { uuid } from './uuid.rule';
export { conflictOnDuplicate } from './conflict-on-duplicate';
