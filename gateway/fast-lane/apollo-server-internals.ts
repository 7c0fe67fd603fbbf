import path from 'node:path';
import type { ApolloServer, BaseContext } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';

/**
 * The pieces of Apollo Server the fast lane answers with, so its answers are Apollo's own: error normalization and
 * formatting, the response media type, the server's configured internals. `@apollo/server`'s package `exports` hide
 * its `dist/` modules, so they are loaded by path; only this file does it, and apollo-server-internals.spec.ts pins
 * what the lane relies on (an upgrade that moves them fails there, not in production).
 */
const DIST = path.dirname(require.resolve('@apollo/server'));

/** The status and headers errors ask for (`extensions.http`), as Apollo merges them. */
export interface HttpHead {
  status?: number;
  headers: Map<string, string>;
}

interface ErrorNormalize {
  normalizeAndFormatErrors(
    errors: readonly unknown[],
    options: { formatError?: ApolloInternals['formatError']; includeStacktraceInErrorResponses?: boolean },
  ): { formattedErrors: GraphQLFormattedError[]; httpFromErrors: HttpHead };
  ensureGraphQLError(error: unknown): GraphQLError;
}
interface ApolloServerModule {
  chooseContentTypeForSingleResultResponse(head: { headers: { get(name: string): string | undefined } }): string | null;
}
interface ErrorClasses {
  UserInputError: new (error: GraphQLError) => GraphQLError;
}

const errorNormalize = require(path.join(DIST, 'errorNormalize.js')) as ErrorNormalize;
const apolloServerModule = require(path.join(DIST, 'ApolloServer.js')) as ApolloServerModule;
const errorClasses = require(path.join(DIST, 'internalErrorClasses.js')) as ErrorClasses;

export const { normalizeAndFormatErrors, ensureGraphQLError } = errorNormalize;
export const { UserInputError } = errorClasses;

/** The `content-type` Apollo answers a single result with for this Accept header; null: it answers 406. */
export function apolloContentType(accept: string | undefined): string | null {
  return apolloServerModule.chooseContentTypeForSingleResultResponse({ headers: { get: () => accept } });
}

/** What an ApolloServer was configured with, as its request pipeline reads it. */
export interface ApolloInternals {
  formatError?: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  includeStacktraceInErrorResponses: boolean;
  status400ForVariableCoercionErrors: boolean;
  stringifyResult: (value: unknown) => string | Promise<string>;
  state: { phase: string };
}

export function apolloInternals(server: ApolloServer<BaseContext>): ApolloInternals {
  return (server as unknown as { internals: ApolloInternals }).internals;
}

/**
 * The pipeline's test for a variable error graphql-js raised without a code (Apollo codes it BAD_USER_INPUT):
 * `isBadUserInputGraphQLError` of `@apollo/server`'s requestPipeline.js, which does not export it.
 */
export function isBadUserInputGraphQLError(error: GraphQLError): boolean {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (node?.kind !== 'VariableDefinition') return false;
  const name = node.variable.name.value;
  return VARIABLE_ERROR_TAILS.some((tail) => error.message.startsWith(`Variable "$${name}" ${tail}`));
}

const VARIABLE_ERROR_TAILS = ['has invalid value', 'got invalid value ', 'of required type ', 'of non-null type '];
