/**
 * How a signed message reaches a partner: HTTPS to its endpoint today; the Party network's own
 * protocol can replace it here without touching the use cases.
 */
export interface TransportAnswer {
  status: number;
  body: string;
}

export interface Transport {
  /** Throws when the partner cannot be reached at all. */
  post(endpoint: string, body: string, headers: Record<string, string>): Promise<TransportAnswer>;
}
