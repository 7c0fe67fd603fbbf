/** The Redis the tests use, when `test/support/probe-redis.js` found one answering; else undefined. */
export const REDIS_URL = process.env.SHAGYM_TEST_REDIS_URL;

/** `describe` when Redis answers, `describe.skip` when it does not (a machine without Redis still runs green). */
export const describeWithRedis: jest.Describe = REDIS_URL ? describe : describe.skip;
