import type { IncomingMessage } from 'node:http';

export interface GatewayContext {
  /** The caller's `Authorization` header, passed on to subgraphs as is. */
  authorization?: string;
  /** The caller's network address (rate limits of anonymous callers). */
  clientAddress?: string;
}

/** One HTTP request's context (Apollo Server's and the fast lane's alike). */
export function gatewayContext(req: IncomingMessage): GatewayContext {
  return { authorization: req.headers.authorization, clientAddress: req.socket.remoteAddress };
}
