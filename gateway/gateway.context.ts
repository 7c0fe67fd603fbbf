export interface GatewayContext {
  /** The caller's `Authorization` header, passed on to subgraphs as is. */
  authorization?: string;
}
