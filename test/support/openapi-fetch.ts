/**
 * Setup file of the integration and e2e projects: every response `fetch` brings back from a path
 * of the API (a route of the table or the token endpoint) is checked against the OpenAPI
 * document (test/support/openapi-check.ts); one that does not match makes that fetch throw, so
 * the test that received it fails with the operation, the status and what does not match (after
 * the test too, in case a helper caught the error).
 * Responses from other hosts' paths (presigned S3 URLs, the embedded test hooks) pass untouched.
 */
import { afterEach } from 'vitest';
import { assertDeclared, takeMismatches } from './openapi-check';

const TEXT = /^(application\/([\w.+-]*json|x-www-form-urlencoded|xml)|text\/)/i;
const original = globalThis.fetch;

async function checkedFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const res = await original(input, init);
  const url = new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const contentType = res.headers.get('content-type') ?? '';
  const raw = Buffer.from(await res.clone().arrayBuffer());
  assertDeclared({
    method,
    path: url.pathname,
    status: res.status,
    headers: Object.fromEntries(res.headers.entries()),
    text: raw.length === 0 || TEXT.test(contentType) ? raw.toString('utf8') : undefined,
  });
  return res;
}

if (!(globalThis.fetch as { openApiChecked?: boolean }).openApiChecked) {
  globalThis.fetch = Object.assign(checkedFetch, { openApiChecked: true }) as typeof fetch;
}

// A mismatch a helper caught (a load loop counting failures, a poll retrying) still fails the test,
// whether it came through fetch or through invoke (test/support/integration.ts).
afterEach(() => {
  const seen = takeMismatches();
  if (seen.length) throw new Error(`${seen.length} response(s) did not match the OpenAPI document; the first: ${seen[0]}`);
});
