export interface GatewayContext {
  /** The caller's `Authorization` header, passed on to subgraphs as is. */
  authorization?: string;
  /** The caller's network address (rate limits of anonymous callers). */
  clientAddress?: string;
}
