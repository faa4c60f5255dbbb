/**
 * One small HTTP client for tests and benches that call an office over the network: a JSON body
 * in, the status, the parsed body (JSON, or the text when it is not: CSV, errors of the gateway)
 * and the raw text out. Responses are checked against the OpenAPI document by the fetch wrapper
 * the test projects install (test/support/openapi-fetch.ts).
 */
export interface JsonResponse {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

export type JsonCall = (method: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>) => Promise<JsonResponse>;

/** A client for the office at `baseUrl` (no trailing slash). */
export function jsonClient(baseUrl: string): JsonCall {
  return async (method, path, token, body, headers = {}) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: r.status, body: parsed, text, headers: r.headers };
  };
}
