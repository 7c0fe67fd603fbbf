/** Live counters of the WebSocket side, for tests, benchmarks and /health. */
export class GatewayStats {
  downstreamConnections = 0;
  activeSubscriptions = 0;
  upstreamSockets = 0;
  upstreamSubscriptions = 0;
  resumes = 0;

  snapshot() {
    return {
      downstreamConnections: this.downstreamConnections,
      activeSubscriptions: this.activeSubscriptions,
      upstreamSockets: this.upstreamSockets,
      upstreamSubscriptions: this.upstreamSubscriptions,
      resumes: this.resumes,
    };
  }
}
