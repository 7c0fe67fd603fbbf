import {
  Kind,
  getNamedType,
  isObjectType,
  parse,
  print,
  type ArgumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

export const RESUME_VARIABLE = '__resumeAfter';
export const RESUME_CURSOR_ALIAS = '__resumeCursor';

export interface UpstreamOperation {
  /** The subgraph operation to send (rewritten when resumable). */
  query: string;
  operationName?: string;
  /** Variables for a first subscribe after `after` (a cursor or null). */
  variables(after: string | null): Record<string, unknown>;
  /** Where the client asked to start. */
  initialAfter: string | null;
  /** The cursor carried by an event, when resumable. */
  cursorOf(data: Record<string, any> | null | undefined): string | null;
  resumable: boolean;
}

/**
 * A subscription field is resumable when it takes `after: String` and its type has `cursor: String!` (our
 * contract for ordered streams). The primary fetch is rewritten to take `after` from a variable of ours and to
 * select the cursor under an alias, so the gateway can resubscribe from the last event it delivered.
 */
export function upstreamOperation(
  operation: string,
  operationName: string | undefined,
  baseVariables: Record<string, unknown>,
  apiSchema: GraphQLSchema,
): UpstreamOperation {
  const doc = parse(operation);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const root = op.selectionSet.selections[0] as FieldNode;
  const fieldDef = apiSchema.getSubscriptionType()?.getFields()[root.name.value];
  const type = fieldDef ? getNamedType(fieldDef.type) : undefined;
  const resumable =
    !!fieldDef?.args.some((a) => a.name === 'after') && isObjectType(type) && 'cursor' in type.getFields();

  if (!resumable) {
    return {
      query: operation,
      operationName,
      variables: () => baseVariables,
      initialAfter: null,
      cursorOf: () => null,
      resumable: false,
    };
  }

  const existing = root.arguments?.find((a) => a.name.value === 'after');
  let initialAfter: string | null = null;
  // A client variable for `after` is reused (its value replaced on resume); otherwise one of ours is added.
  const ownVariable = existing?.value.kind !== Kind.VARIABLE;
  const resumeVariable = existing?.value.kind === Kind.VARIABLE ? existing.value.name.value : RESUME_VARIABLE;
  if (existing?.value.kind === Kind.VARIABLE) initialAfter = (baseVariables[resumeVariable] as string) ?? null;
  else if (existing?.value.kind === Kind.STRING) initialAfter = existing.value.value;

  const afterArg: ArgumentNode = {
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: 'after' },
    value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: resumeVariable } },
  };
  const cursorField: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: RESUME_CURSOR_ALIAS },
    name: { kind: Kind.NAME, value: 'cursor' },
  };
  const rewrittenRoot: FieldNode = {
    ...root,
    arguments: [...(root.arguments ?? []).filter((a) => a.name.value !== 'after'), afterArg],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [...(root.selectionSet?.selections ?? []), cursorField],
    },
  };
  const rewritten: OperationDefinitionNode = {
    ...op,
    variableDefinitions: [
      ...(op.variableDefinitions ?? []),
      ...(ownVariable
        ? [
            {
              kind: Kind.VARIABLE_DEFINITION as const,
              variable: { kind: Kind.VARIABLE as const, name: { kind: Kind.NAME as const, value: RESUME_VARIABLE } },
              type: { kind: Kind.NAMED_TYPE as const, name: { kind: Kind.NAME as const, value: 'String' } },
            },
          ]
        : []),
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: [rewrittenRoot] },
  };
  const responseKey = root.alias?.value ?? root.name.value;
  return {
    query: print({ ...doc, definitions: [rewritten] }),
    operationName,
    variables: (after) => ({ ...baseVariables, [resumeVariable]: after }),
    initialAfter,
    cursorOf: (data) => (data?.[responseKey]?.[RESUME_CURSOR_ALIAS] as string | undefined) ?? null,
    resumable: true,
  };
}
