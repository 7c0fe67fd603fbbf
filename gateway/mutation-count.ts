import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * How many root fields an operation selects, through inline fragments and fragment spreads (each fragment measured
 * once; runs on validated documents, so there are no fragment cycles). `mutation { a: fileComplaint(…)
 * b: fileComplaint(…) }` is two mutations: the rate limit counts these, not requests.
 */
export function rootFieldCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, SelectionSetNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d.selectionSet);
  const measured = new Map<string, number>();
  const count = (set: SelectionSetNode): number => {
    let n = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) n += sel.name.value === '__typename' ? 0 : 1;
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet);
      else {
        const name = sel.name.value;
        if (!measured.has(name)) {
          measured.set(name, 0); // a cycle (never in a validated document) counts nothing
          const frag = fragments.get(name);
          measured.set(name, frag ? count(frag) : 0);
        }
        n += measured.get(name)!;
      }
    }
    return n;
  };
  return count(operation.selectionSet);
}
