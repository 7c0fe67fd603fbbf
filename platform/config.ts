import path from 'node:path';
import { z } from 'zod';

/** Documented development secret: good for local runs and tests, refused in production. */
export const DEV_JWT_SECRET = 'shagym-dev-secret-do-not-use-in-production';

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must start with ${protocols.join(' or ')}`,
    });
/** A duration: seconds, or a number with s, m, h or d (`24h`). */
const duration = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => /^\d+[smhd]?$/.test(v), { message: 'must be seconds or a number with s, m, h or d (e.g. 24h)' })
    .transform((v) => Number.parseInt(v, 10) * ({ s: 1, m: 60, h: 3600, d: 86400 }[v.slice(-1)] ?? 1));
/** At least the ten-minute life of the service tokens the gateway mints (platform/auth.ts, serviceTokenSource). */
const MIN_TOKEN_TTL_SECONDS = 15 * 60;
const optionalBool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .optional()
  .transform((v) => (v === undefined ? undefined : ['true', '1', 'yes'].includes(v)));

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: port(4000),
    INTAKE_PORT: port(4001),
    DIRECTORY_PORT: port(4002),
    STATUS_PORT: port(4003),
    INTAKE_URL: optionalUrl(['http://', 'https://']),
    DIRECTORY_URL: optionalUrl(['http://', 'https://']),
    STATUS_URL: optionalUrl(['http://', 'https://']),
    DATABASE_URL: optionalUrl(['mysql://', 'mariadb://']),
    DATA_DIR: z.string().min(1).default('./data'),
    REDIS_URL: optionalUrl(['redis://', 'rediss://']),
    AUTH_JWT_SECRET: z.string().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
    SEED_DEMO_DATA: z.string().optional(),
    WS_MAX_SUBSCRIPTIONS_PER_CONNECTION: count(20),
    WS_MAX_CONNECTIONS_PER_USER: count(10),
    WS_MAX_CONNECTIONS: count(20000),
    WS_QUEUE_CAPACITY: count(100),
    WS_KEEPALIVE_MS: count(12000),
    WS_INIT_TIMEOUT_MS: count(3000),
    WS_RESUME_ATTEMPTS: count(8),
    WS_SUBSCRIPTIONS_PER_UPSTREAM_SOCKET: count(500),
    QUERY_MAX_DEPTH: count(12),
    QUERY_MAX_FIELDS: count(1000),
    DIRECTORY_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30000),
    CORS_ORIGINS: z.string().optional(),
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http://', 'https://']),
    OTEL_SERVICE_NAME: z.string().optional(),
    TRUSTED_DOCUMENTS: z.string().optional(),
    QUERY_MAX_TOKENS: count(5000),
    HTTP_MAX_BODY_BYTES: count(1_000_000),
    PLAN_CACHE_MAX_BYTES: count(32 * 1024 * 1024),
    AUTH_MAX_TOKEN_TTL: duration('24h').refine((s) => s >= MIN_TOKEN_TTL_SECONDS, { message: 'must be at least 15m' }),
    RATE_LIMIT_MUTATIONS_PER_MINUTE: count(120),
    RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE: count(600),
    STATUS_MARK_POLL_MS: count(1000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    const secret = env.AUTH_JWT_SECRET;
    if (!secret || secret === DEV_JWT_SECRET || secret.length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUTH_JWT_SECRET'],
        message: 'production needs a real secret of at least 32 characters (the development default is refused)',
      });
    }
  });

/** Every environment variable the services read (docker-compose's test checks its env against this list). */
export const CONFIG_KEYS: readonly string[] = Object.keys(envSchema.shape);

export interface ServiceEndpoint {
  port: number;
  /** URL other services use to reach this service's /graphql; derived from the port when unset. */
  url: string;
}

export interface Config {
  env: 'development' | 'test' | 'production';
  host: string;
  gateway: { port: number };
  intake: ServiceEndpoint;
  directory: ServiceEndpoint;
  status: ServiceEndpoint;
  database: { kind: 'sqlite'; dataDir: string } | { kind: 'mysql'; url: string };
  redisUrl?: string;
  auth: {
    jwtSecret: string;
    /** Tokens must carry `exp`, at most this many seconds ahead (AUTH_MAX_TOKEN_TTL). */
    maxTokenTtlSeconds: number;
  };
  logLevel: string;
  seedDemoData: boolean;
  /** Gateway limits: WebSocket subscriptions and query size. */
  limits: {
    subscriptionsPerConnection: number;
    connectionsPerUser: number;
    connectionsTotal: number;
    queueCapacity: number;
    keepAliveMs: number;
    connectionInitWaitTimeoutMs: number;
    resumeAttempts: number;
    subscriptionsPerUpstreamSocket: number;
    queryMaxDepth: number;
    queryMaxFields: number;
    /** Lexical tokens of one document; the parser stops past it. */
    queryMaxTokens: number;
    /** An HTTP body or a WebSocket message, in bytes. */
    maxBodyBytes: number;
    /** The gateway's cache of query plans, in (estimated) bytes. */
    planCacheMaxBytes: number;
  };
  /** Per caller (user, or address when anonymous), per minute; Redis-shared when REDIS_URL is set. */
  rateLimits: { mutationsPerMinute: number; wsConnectionsPerMinute: number };
  /** Directory read cache: entries live this long; 0 disables it. */
  directoryCache: { ttlMs: number };
  /** Origins browser apps may call the gateway from; `'*'`: any (development default when `CORS_ORIGINS` is unset). */
  cors: { origins: string[] | '*' };
  /** OpenTelemetry: traces are exported over OTLP/HTTP only when `otlpEndpoint` is set. */
  telemetry: { otlpEndpoint?: string; serviceName?: string };
  /** Path of a persisted-documents manifest (sha256 → document); when set, the gateway runs only those. */
  trustedDocuments?: string;
  /** Status reads new marks from the database this often (per process), whatever happens to pub/sub notices. */
  statusMarkPollMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; reports every bad value at the same time. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const seed = optionalBool.safeParse(env.SEED_DEMO_DATA);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = issue.path.join('.');
      problems.push(`${name}: ${issue.message} (got ${JSON.stringify(env[name] ?? null)})`);
    }
  }
  if (!seed.success) problems.push(`SEED_DEMO_DATA: must be true or false (got ${JSON.stringify(env.SEED_DEMO_DATA)})`);
  if (!parsed.success || !seed.success) throw new ConfigError(problems);

  const e = parsed.data;
  const local = (p: number) => `http://127.0.0.1:${p}/graphql`;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    gateway: { port: e.PORT },
    intake: { port: e.INTAKE_PORT, url: e.INTAKE_URL ?? local(e.INTAKE_PORT) },
    directory: { port: e.DIRECTORY_PORT, url: e.DIRECTORY_URL ?? local(e.DIRECTORY_PORT) },
    status: { port: e.STATUS_PORT, url: e.STATUS_URL ?? local(e.STATUS_PORT) },
    database: e.DATABASE_URL
      ? { kind: 'mysql', url: e.DATABASE_URL }
      : { kind: 'sqlite', dataDir: path.resolve(e.DATA_DIR) },
    redisUrl: e.REDIS_URL,
    auth: { jwtSecret: e.AUTH_JWT_SECRET || DEV_JWT_SECRET, maxTokenTtlSeconds: e.AUTH_MAX_TOKEN_TTL },
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
    seedDemoData: seed.data ?? e.NODE_ENV !== 'production',
    limits: {
      subscriptionsPerConnection: e.WS_MAX_SUBSCRIPTIONS_PER_CONNECTION,
      connectionsPerUser: e.WS_MAX_CONNECTIONS_PER_USER,
      connectionsTotal: e.WS_MAX_CONNECTIONS,
      queueCapacity: e.WS_QUEUE_CAPACITY,
      keepAliveMs: e.WS_KEEPALIVE_MS,
      connectionInitWaitTimeoutMs: e.WS_INIT_TIMEOUT_MS,
      resumeAttempts: e.WS_RESUME_ATTEMPTS,
      subscriptionsPerUpstreamSocket: e.WS_SUBSCRIPTIONS_PER_UPSTREAM_SOCKET,
      queryMaxDepth: e.QUERY_MAX_DEPTH,
      queryMaxFields: e.QUERY_MAX_FIELDS,
      queryMaxTokens: e.QUERY_MAX_TOKENS,
      maxBodyBytes: e.HTTP_MAX_BODY_BYTES,
      planCacheMaxBytes: e.PLAN_CACHE_MAX_BYTES,
    },
    rateLimits: {
      mutationsPerMinute: e.RATE_LIMIT_MUTATIONS_PER_MINUTE,
      wsConnectionsPerMinute: e.RATE_LIMIT_WS_CONNECTIONS_PER_MINUTE,
    },
    directoryCache: { ttlMs: e.DIRECTORY_CACHE_TTL_MS },
    cors: { origins: corsOrigins(e.CORS_ORIGINS, e.NODE_ENV) },
    telemetry: { otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: e.OTEL_SERVICE_NAME || undefined },
    trustedDocuments: e.TRUSTED_DOCUMENTS?.trim() ? path.resolve(e.TRUSTED_DOCUMENTS.trim()) : undefined,
    statusMarkPollMs: e.STATUS_MARK_POLL_MS,
  };
}

/** `CORS_ORIGINS`: comma-separated origins, or `*`; unset means any origin in development and test, none in production. */
function corsOrigins(value: string | undefined, env: Config['env']): string[] | '*' {
  const list = (value ?? '')
    .split(',')
    .map((o) => o.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  if (list.includes('*')) return '*';
  if (list.length === 0) return env === 'production' ? [] : '*';
  return list;
}
