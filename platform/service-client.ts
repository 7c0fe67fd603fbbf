import { AppError, ServiceUnavailable, type ErrorCode } from './errors';
import { isMutation, postJson } from './json-post';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

const PASSED_THROUGH: ErrorCode[] = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT'];

/** One GraphQL call to another of our services; its client errors keep their codes, an outage becomes retryable. */
export async function callService<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  authorization: string,
  timeoutMs = 5000,
): Promise<T> {
  let body: GraphQLResponse<T>;
  try {
    ({ body } = await postJson<GraphQLResponse<T>>(url, { query, variables }, { authorization }, { timeoutMs, idempotent: !isMutation(query) }));
  } catch (err) {
    // A mutation whose request may have reached the service before the link failed may have been applied there.
    const refused = (err as { code?: string }).code === 'ECONNREFUSED';
    if (isMutation(query) && !refused) {
      throw new ServiceUnavailable(`${new URL(url).host} did not answer (${(err as Error).message}); the outcome is unknown`, 'UNKNOWN');
    }
    throw new ServiceUnavailable(`${new URL(url).host} did not answer (${(err as Error).message}); nothing was saved, try again`);
  }
  const error = body.errors?.[0];
  if (error) {
    const code = error.extensions?.code as ErrorCode | undefined;
    if (code && PASSED_THROUGH.includes(code)) {
      const { code: _c, ...rest } = error.extensions ?? {};
      throw new AppError(code, error.message, rest);
    }
    throw new ServiceUnavailable(`${new URL(url).host} failed: ${error.message}`);
  }
  if (!body.data) throw new ServiceUnavailable(`${new URL(url).host} returned no data`);
  return body.data;
}
