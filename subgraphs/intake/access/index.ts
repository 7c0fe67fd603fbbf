/** Who may read a complaint and who may accept one on paper (the same rule as status's `access/`). */
export { ComplaintFormerHolder } from './complaint-holder.entity';
export { assertCanSee, canSee, currentHolder, scopeOf, type ViewerScope } from './complaint.visibility';
export { assertMayAcceptAtOffice, assertOfficeReceives } from './office-acceptance';
