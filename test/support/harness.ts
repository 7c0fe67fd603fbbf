import 'reflect-metadata';
import { TokenService, type Role } from '../../platform/auth';
import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import { startSubgraph, type RunningSubgraph } from '../../platform/subgraph-server';
import { startSystem, type RunningSystem } from '../../scripts/system';
import { statusSubgraph } from '../../subgraphs/status';
import { testConfig } from './test-config';

export interface GraphQLResult<T = any> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

export interface TestSystem {
  system: RunningSystem;
  config: Config;
  url: string;
  /** GraphQL through the gateway. */
  query<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResult<T>>;
  token(role: Role, claims?: { iin?: string; officialId?: string; sub?: string }, expiresIn?: string | number): Promise<string>;
  stop(): Promise<void>;
}

/** The whole system (three subgraphs and the gateway) on free loopback ports, on a database of its own. */
export async function startTestSystem(env: Record<string, string> = {}, options: { clock?: Clock } = {}): Promise<TestSystem> {
  const { config, cleanup } = testConfig(env);
  const system = await startSystem(config, options);
  const tokens = new TokenService(config.auth.jwtSecret);
  return {
    system,
    config,
    url: system.url,
    query: (q, v, t) => postGraphQL(system.url, q, v, t),
    token: (role, claims = {}, expiresIn) =>
      tokens.mint({ sub: claims.sub ?? claims.iin ?? claims.officialId ?? role, role, ...claims }, expiresIn),
    stop: async () => {
      await system.stop();
      await cleanup();
    },
  };
}

/** Another status instance on the test system's database (and Redis, if set), as behind a load balancer. */
export function startSecondStatus(t: TestSystem): Promise<RunningSubgraph> {
  const { directory } = t.system.subgraphs;
  return startSubgraph(statusSubgraph(), {
    ...t.config,
    status: { port: 0, url: '' },
    directory: { port: directory.port, url: directory.url },
  });
}

/** Retries `check` until it stops throwing (for effects that cross services asynchronously). */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
