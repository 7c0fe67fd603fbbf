import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLError, type ValueNode } from 'graphql';

/**
 * Names the argument at fault in validation errors about literal values (`Expected value of type "Date!", found
 * "2025-02-30"`): `extensions.field` becomes e.g. `addWorkingDays.from` (or `fileComplaint.input.applicant.…` inside
 * an input object), as BAD_USER_INPUT errors name their field. Runs only when there are errors.
 */
export function nameArgumentFields(document: DocumentNode, errors: readonly GraphQLError[]): void {
  const pending = errors.filter((e) => e.nodes?.length && e.extensions?.field === undefined);
  if (pending.length === 0) return;
  const names = new Map<ASTNode, string>();
  const name = (value: ValueNode, path: string) => {
    names.set(value, path);
    if (value.kind === Kind.OBJECT) for (const f of value.fields) name(f.value, `${path}.${f.name.value}`);
    if (value.kind === Kind.LIST) value.values.forEach((v, i) => name(v, `${path}.${i}`));
  };
  visit(document, {
    Field(field) {
      for (const arg of field.arguments ?? []) name(arg.value, `${field.name.value}.${arg.name.value}`);
    },
  });
  for (const error of pending) {
    const field = names.get(error.nodes![0]);
    if (field) (error.extensions as Record<string, unknown>).field = field;
  }
}
