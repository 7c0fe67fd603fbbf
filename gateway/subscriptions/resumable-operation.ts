import { LRUCache } from 'lru-cache';
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

/** What resuming needs of a subgraph operation; the same for every subscription that sends it. */
interface ResumeRewrite {
  resumable: boolean;
  query: string;
  /** The variable that carries `after` (the client's own, or RESUME_VARIABLE). */
  resumeVariable: string;
  /** `after` given as a literal in the document. */
  literalAfter: string | null;
  /** The client passes `after` in a variable (resumeVariable). */
  afterIsVariable: boolean;
  responseKey: string;
}

/**
 * Rewrites by operation text, per API schema: 10,000 cabinets that send the same document share one rewrite
 * instead of parsing and printing it once each (the printed query alone cost 216 bytes a subscription).
 */
const rewrites = new WeakMap<GraphQLSchema, LRUCache<string, ResumeRewrite>>();

function cachedRewrite(operation: string, apiSchema: GraphQLSchema): ResumeRewrite {
  let cache = rewrites.get(apiSchema);
  if (!cache) rewrites.set(apiSchema, (cache = new LRUCache({ max: 1000 })));
  let rewrite = cache.get(operation);
  if (!rewrite) cache.set(operation, (rewrite = rewriteForResume(operation, apiSchema)));
  return rewrite;
}

/** One subscription's operation: the shared rewrite plus its own variables. */
class SubscriptionOperation implements UpstreamOperation {
  readonly initialAfter: string | null;

  constructor(
    private readonly rewrite: ResumeRewrite,
    readonly operationName: string | undefined,
    private readonly baseVariables: Record<string, unknown>,
  ) {
    this.initialAfter = !rewrite.resumable
      ? null
      : rewrite.afterIsVariable
        ? ((baseVariables[rewrite.resumeVariable] as string) ?? null)
        : rewrite.literalAfter;
  }

  get query(): string {
    return this.rewrite.query;
  }

  get resumable(): boolean {
    return this.rewrite.resumable;
  }

  variables(after: string | null): Record<string, unknown> {
    return this.rewrite.resumable ? { ...this.baseVariables, [this.rewrite.resumeVariable]: after } : this.baseVariables;
  }

  cursorOf(data: Record<string, any> | null | undefined): string | null {
    if (!this.rewrite.resumable) return null;
    return (data?.[this.rewrite.responseKey]?.[RESUME_CURSOR_ALIAS] as string | undefined) ?? null;
  }
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
  return new SubscriptionOperation(cachedRewrite(operation, apiSchema), operationName, baseVariables);
}

function rewriteForResume(operation: string, apiSchema: GraphQLSchema): ResumeRewrite {
  const doc = parse(operation);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const root = op.selectionSet.selections[0] as FieldNode;
  const fieldDef = apiSchema.getSubscriptionType()?.getFields()[root.name.value];
  const type = fieldDef ? getNamedType(fieldDef.type) : undefined;
  const resumable =
    !!fieldDef?.args.some((a) => a.name === 'after') && isObjectType(type) && 'cursor' in type.getFields();
  const responseKey = root.alias?.value ?? root.name.value;
  if (!resumable) {
    return { resumable: false, query: operation, resumeVariable: RESUME_VARIABLE, literalAfter: null, afterIsVariable: false, responseKey };
  }

  const existing = root.arguments?.find((a) => a.name.value === 'after');
  // A client variable for `after` is reused (its value replaced on resume); otherwise one of ours is added.
  const afterIsVariable = existing?.value.kind === Kind.VARIABLE;
  const resumeVariable = existing?.value.kind === Kind.VARIABLE ? existing.value.name.value : RESUME_VARIABLE;
  const literalAfter = existing?.value.kind === Kind.STRING ? existing.value.value : null;

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
      ...(!afterIsVariable
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
  return { resumable, query: print({ ...doc, definitions: [rewritten] }), resumeVariable, literalAfter, afterIsVariable, responseKey };
}
