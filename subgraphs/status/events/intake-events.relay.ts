import { serviceTokenSource } from '../../../platform/auth';
import { eventsUrl, type EventBatchResult, type ServiceEvent } from '../../../contracts/events';
import { postJson } from '../../../platform/json-post';
import { OutboxRelay } from '../../../platform/outbox/outbox-relay';
import type { SubgraphRuntime } from '../../../platform/subgraph-server';

/**
 * Intake's copy of a complaint's status and holder feeds its lists and access, where a few milliseconds do not
 * show; waiting that long lets the marks of that moment share one request and one delivered-UPDATE.
 */
const LINGER_MS = 20;

/** Delivers status's outbox (who holds a complaint now) to intake's `/internal/events`, at least once. */
export function intakeEventsRelay(rt: SubgraphRuntime): OutboxRelay {
  const token = serviceTokenSource(rt.tokens, 'status');
  return new OutboxRelay({
    db: rt.db,
    logger: rt.logger,
    lingerMs: LINGER_MS,
    send: async (events: ServiceEvent[]): Promise<EventBatchResult> => {
      const res = await postJson<EventBatchResult>(
        eventsUrl(rt.config.intake.url),
        { events },
        { authorization: `Bearer ${await token()}` },
        { timeoutMs: 10_000, idempotent: true }, // intake applies each event once (by version)
      );
      if (res.status !== 200) throw new Error(`intake answered ${res.status}`);
      return res.body;
    },
  });
}
