import { buildOperationContext } from '@apollo/gateway';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import { computeResponse } from '@apollo/gateway/dist/resultShaping';
import { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge';
import { operationFromDocument, type Operation, type Schema } from '@apollo/federation-internals';
import { Kind, type DocumentNode, type GraphQLSchema } from 'graphql';

/**
 * The pieces of `@apollo/gateway` the engine runs on, behind types of our own. `ApolloGateway` is not used: it brings
 * its own planner, plan cache, fetchers and supergraph watcher; nor is its `executeQueryPlan`, which rebuilt the
 * operation on every request (plan-execution.ts runs the same algorithm on an operation prepared once per plan). Only
 * this file imports from `@apollo/gateway`'s `dist/` folders; apollo-internals.spec.ts pins what the engine relies on.
 */
export type OperationContext = ReturnType<typeof buildOperationContext>;

/** The operation to run (graphql-js AST), its fragments and the API schema, as Apollo's executor takes them. */
export function operationContext(apiSchema: GraphQLSchema, document: DocumentNode, operationName?: string | null): OperationContext {
  return buildOperationContext({ schema: apiSchema, operationDocument: document, operationName: operationName ?? undefined });
}

/**
 * The operation as the response is shaped to it: built as Apollo's executor builds it on each request (the chosen
 * operation and its fragments, not validated again), once per plan here.
 */
export function shapingOperation(apiSchema: Schema, context: OperationContext): Operation {
  const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [context.operation, ...Object.values(context.fragments)] };
  return operationFromDocument(apiSchema, document, { validate: false });
}

/** The `kind` of a fetch made for a client's operation (not a health check or schema load). */
export const INCOMING_OPERATION = GraphQLDataSourceRequestKind.INCOMING_OPERATION;

export { applyRewrites, computeResponse, deepMerge, isObjectOfType };
