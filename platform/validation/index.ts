export { invalid, tidy, valid, type RuleResult } from './rule';
export { Problems, rejectInput, required, type InputProblem } from './problems';
export { optionalText, requiredText } from './text.rule';
