/** HTTPS (or HTTP, embedded) to the partner's endpoint, with a timeout. */
import type { Transport, TransportAnswer } from '../ports/transport';

export class HttpTransport implements Transport {
  constructor(private readonly timeoutMs = 20_000) {}

  async post(endpoint: string, body: string, headers: Record<string, string>): Promise<TransportAnswer> {
    const r = await fetch(endpoint, { method: 'POST', body, headers, signal: AbortSignal.timeout(this.timeoutMs) });
    return { status: r.status, body: await r.text() };
  }
}
