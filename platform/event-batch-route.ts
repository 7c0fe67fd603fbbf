import type { TokenService } from './auth';
import type { EventBatch, EventBatchResult } from '../contracts/events';
import { sendJson, type RouteHandler } from './http-server';

/**
 * `POST /internal/events` of a service: only a `service` token may deliver, the body must be an `EventBatch`, and
 * `apply` answers the ids of the events it applied (now or earlier), which the relay may then forget.
 */
export function eventBatchRoute(tokens: TokenService, apply: (batch: EventBatch) => Promise<string[]>): RouteHandler {
  return async (req, res, body) => {
    const auth = await tokens.authenticate(req.headers.authorization);
    if (auth.principal?.role !== 'service') return sendJson(res, 401, { error: 'A service token is required' });
    let batch: EventBatch;
    try {
      batch = JSON.parse(body) as EventBatch;
      if (!Array.isArray(batch?.events)) throw new Error('events must be a list');
    } catch (err) {
      return sendJson(res, 400, { error: (err as Error).message });
    }
    const result: EventBatchResult = { accepted: await apply(batch) };
    sendJson(res, 200, result);
  };
}
