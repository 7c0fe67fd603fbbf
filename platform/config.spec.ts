import { ConfigError, DEV_JWT_SECRET, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.gateway.port).toBe(4000);
    expect([c.intake.port, c.directory.port, c.status.port]).toEqual([4001, 4002, 4003]);
    expect(c.directory.url).toBe('http://127.0.0.1:4002/graphql');
    expect(c.database.kind).toBe('sqlite');
    expect(c.auth.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(c.redisUrl).toBeUndefined();
    expect(c.directoryCache.ttlMs).toBe(30000);
  });

  it('takes DIRECTORY_CACHE_TTL_MS, 0 disabling the cache, and refuses a negative one', () => {
    expect(loadConfig({ DIRECTORY_CACHE_TTL_MS: '0' }).directoryCache.ttlMs).toBe(0);
    expect(loadConfig({ DIRECTORY_CACHE_TTL_MS: '5000' }).directoryCache.ttlMs).toBe(5000);
    expect(() => loadConfig({ DIRECTORY_CACHE_TTL_MS: '-1' })).toThrow(/DIRECTORY_CACHE_TTL_MS/);
  });

  it('takes AUTH_MAX_TOKEN_TTL as seconds or with a unit, at least 15 minutes', () => {
    expect(loadConfig({}).auth.maxTokenTtlSeconds).toBe(86400);
    expect(loadConfig({ AUTH_MAX_TOKEN_TTL: '2h' }).auth.maxTokenTtlSeconds).toBe(7200);
    expect(loadConfig({ AUTH_MAX_TOKEN_TTL: '3600' }).auth.maxTokenTtlSeconds).toBe(3600);
    expect(() => loadConfig({ AUTH_MAX_TOKEN_TTL: '5m' })).toThrow(/AUTH_MAX_TOKEN_TTL/);
    expect(() => loadConfig({ AUTH_MAX_TOKEN_TTL: 'forever' })).toThrow(/AUTH_MAX_TOKEN_TTL/);
  });

  it('uses MySQL when DATABASE_URL is set', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://root@db:3306/shagym' }).database).toEqual({
      kind: 'mysql',
      url: 'mysql://root@db:3306/shagym',
    });
  });

  it('lists every bad value at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', STATUS_PORT: '70000', DATABASE_URL: 'postgres://x', REDIS_URL: 'http://r', NODE_ENV: 'prod' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const names = error!.problems.map((p) => p.split(':')[0]).sort();
    expect(names).toEqual(['DATABASE_URL', 'NODE_ENV', 'PORT', 'REDIS_URL', 'STATUS_PORT']);
    expect(error!.message).toContain('"eighty"');
  });

  it('refuses to start production without a real secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: DEV_JWT_SECRET })).toThrow(/AUTH_JWT_SECRET/);
    const c = loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40) });
    expect(c.seedDemoData).toBe(false);
  });
});
