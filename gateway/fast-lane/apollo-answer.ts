import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import {
  ensureGraphQLError,
  isBadUserInputGraphQLError,
  normalizeAndFormatErrors,
  UserInputError,
  type ApolloInternals,
  type HttpHead,
} from './apollo-server-internals';

/** An answer before the plugins' last word: status and headers the errors ask for, the body, the raw errors. */
export interface PipelineAnswer {
  head: HttpHead;
  body: string;
  /** What Apollo's plugins see as `requestContext.errors` (before formatting); undefined when there were none. */
  errors?: readonly GraphQLError[];
}

/**
 * What Apollo Server's request pipeline (requestPipeline.js, `processGraphQLRequest` after `execute`) makes of a
 * gateway executor's result: variable errors without a code become BAD_USER_INPUT, errors are formatted (with the
 * server's `formatError` and stack-trace setting) and may set the status and headers, errors without data are 400,
 * and the body is `{ errors, data, extensions }` in that order, stringified as the server does.
 */
export async function resultAnswer(internals: ApolloInternals, result: ExecutionResult): Promise<PipelineAnswer> {
  const errors = result.errors?.map((e) => (isBadUserInputGraphQLError(e) && e.extensions?.code == null ? new UserInputError(e) : e));
  let formatted: GraphQLFormattedError[] | undefined;
  let head: HttpHead = { headers: new Map() };
  if (errors) ({ formattedErrors: formatted, httpFromErrors: head } = format(internals, errors));
  if (internals.status400ForVariableCoercionErrors && errors?.length && result.data === undefined && !head.status) head.status = 400;
  const body = await internals.stringifyResult({ errors: formatted, data: result.data, extensions: result.extensions });
  return { head, body, errors };
}

/** The pipeline's answer when execution throws (its `sendErrorResponse`): the error alone, 500 unless it says. */
export async function thrownAnswer(internals: ApolloInternals, thrown: unknown): Promise<PipelineAnswer> {
  const errors = [ensureGraphQLError(thrown)];
  const { formattedErrors, httpFromErrors: head } = format(internals, errors);
  head.status ||= 500;
  return { head, body: await internals.stringifyResult({ errors: formattedErrors, data: undefined, extensions: undefined }), errors };
}

function format(internals: ApolloInternals, errors: readonly GraphQLError[]) {
  return normalizeAndFormatErrors(errors, {
    formatError: internals.formatError,
    includeStacktraceInErrorResponses: internals.includeStacktraceInErrorResponses,
  });
}
