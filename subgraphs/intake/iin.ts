/** The IIN rules live in platform/iin.ts (the citizen token check uses them too). */
export { iinCheckDigit, iinProblem, isValidIin, type IinProblem } from '../../contracts/iin';
