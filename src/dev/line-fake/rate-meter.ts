/**
 * Per-endpoint request rates the fake has seen, for benchmarks that must stay inside LINE's limits (push 2,000
 * req/s, multicast 200 req/s with ≤ 500 recipients): requests counted per wall-clock second, the busiest second kept.
 * Every request is counted, whatever its answer (LINE counts those too).
 */
export interface EndpointRate {
  /** Requests received. */
  total: number;
  /** Most requests within one wall-clock second. */
  peakPerSecond: number;
  /** Start of that second (ISO). */
  peakAt: string | null;
  /** Most recipients in one request (push 1, multicast ≤ 500). */
  maxRecipients: number;
}

export class RateMeter {
  private readonly byEndpoint = new Map<string, EndpointRate & { second: number; inSecond: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  record(endpoint: string, recipients = 0): void {
    const second = Math.floor(this.clock() / 1000);
    const e = this.byEndpoint.get(endpoint) ?? { total: 0, peakPerSecond: 0, peakAt: null, maxRecipients: 0, second, inSecond: 0 };
    if (e.second !== second) {
      e.second = second;
      e.inSecond = 0;
    }
    e.total++;
    e.inSecond++;
    if (e.inSecond > e.peakPerSecond) {
      e.peakPerSecond = e.inSecond;
      e.peakAt = new Date(second * 1000).toISOString();
    }
    e.maxRecipients = Math.max(e.maxRecipients, recipients);
    this.byEndpoint.set(endpoint, e);
  }

  snapshot(): Record<string, EndpointRate> {
    return Object.fromEntries([...this.byEndpoint].map(([k, { total, peakPerSecond, peakAt, maxRecipients }]) => [k, { total, peakPerSecond, peakAt, maxRecipients }]));
  }

  reset(): void {
    this.byEndpoint.clear();
  }
}
