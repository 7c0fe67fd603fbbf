'use strict';
/**
 * Jest globalSetup: probes Redis once. Workers inherit the environment, so tests that need Redis run when it
 * answers (CI, this machine) and are reported as skipped on a machine without it (a newcomer's).
 */
const Redis = require('ioredis');

module.exports = async function probeRedis() {
  const url = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    if ((await probe.ping()) === 'PONG') process.env.SHAGYM_TEST_REDIS_URL = url;
  } catch {
    console.warn(`\nRedis at ${url} is unreachable: the tests that need it are skipped`);
  } finally {
    probe.disconnect();
  }
};
