import type { DataSource } from 'typeorm';
import { eventsUrl, type EventBatchResult, type ServiceEvent } from '../../../contracts/events';
import { postJson } from '../../../platform/json-post';
import type { Logger } from '../../../platform/logger';
import { OutboxRelay } from '../../../platform/outbox/outbox-relay';

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
