import { postJson } from '../platform/json-post';

export interface GraphQLResult<T = any> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/**
 * The load generator's GraphQL call: node:http on keep-alive sockets, so the client shares the two cores with the
 * services at the least CPU it can (the built-in fetch cost the generator about a core's third under bench:intake).
 */
export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult<T>> {
  const res = await postJson<object>(url, { query, variables }, token ? { authorization: `Bearer ${token}` } : {}, { timeoutMs: 60_000 });
  return { status: res.status, ...res.body } as GraphQLResult<T>;
}
