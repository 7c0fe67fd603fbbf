/** Status's input checks beyond pure rules, in platform/validation's one error shape. */
export { rejectInput } from './reject-input';
