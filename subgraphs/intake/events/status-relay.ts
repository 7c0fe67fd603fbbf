import type { DataSource } from 'typeorm';
import { eventsUrl, type EventBatchResult, type ServiceEvent } from '../../../contracts/events';
import { postJson } from '../../../platform/json-post';
import type { Logger } from '../../../platform/logger';
import { OutboxRelay } from '../../../platform/outbox/outbox-relay';

/**
 * Status starts a complaint's timeline from its event a few milliseconds later (the filing was acknowledged at its
 * COMMIT); in return, under load, each relay request and status transaction carries more filings.
 */
const LINGER_MS = 10;

/** Delivers intake's outbox (ComplaintFiled) to status's `/internal/events`, at least once. */
export function statusRelay(opts: {
  db: DataSource;
  logger: Logger;
  /** Read at each delivery: the system learns status's address after start. */
  statusUrl: () => string;
  serviceToken: () => Promise<string>;
}): OutboxRelay {
  return new OutboxRelay({
    db: opts.db,
    logger: opts.logger,
    lingerMs: LINGER_MS,
    send: async (events: ServiceEvent[]): Promise<EventBatchResult> => {
      const res = await postJson<EventBatchResult>(
        eventsUrl(opts.statusUrl()),
        { events },
        { authorization: `Bearer ${await opts.serviceToken()}` },
        { timeoutMs: 10_000, idempotent: true }, // status applies each event once
      );
      if (res.status !== 200) throw new Error(`status answered ${res.status}`);
      return res.body;
    },
  });
}
