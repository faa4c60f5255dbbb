/** The harness check that every response the tests receive is what the OpenAPI document declares. */
import { describe, expect, it } from 'vitest';
import { assertDeclared, responseProblems, type SeenResponse } from '../support/openapi-check';

const json = { 'content-type': 'application/json; charset=utf-8' };
const err = (code = 'X') => JSON.stringify({ error: { code, message: 'm' } });
const health = (over: Partial<SeenResponse> = {}): SeenResponse => ({ method: 'GET', path: '/v1/health', status: 200, headers: json, text: JSON.stringify({ status: 'ok', version: '1' }), ...over });

describe('responses checked against the OpenAPI document', () => {
  const cases: { what: string; r: SeenResponse; problem: RegExp | null }[] = [
    { what: 'a declared body', r: health(), problem: null },
    { what: 'an undeclared property', r: health({ text: JSON.stringify({ status: 'ok', version: '1', secret: 1 }) }), problem: /additional properties.*secret/ },
    { what: 'a missing property', r: health({ text: JSON.stringify({ status: 'ok' }) }), problem: /required.*version/ },
    { what: 'an undeclared status', r: health({ status: 401, text: err() }), problem: /status 401 is not declared/ },
    { what: 'an undeclared content type', r: health({ headers: { 'content-type': 'text/plain' }, text: 'ok' }), problem: /content type "text\/plain" is not declared/ },
    { what: 'a body that is not JSON', r: health({ text: '{' }), problem: /not JSON/ },
    { what: '429 without Retry-After', r: health({ status: 429, text: err('TOO_MANY') }), problem: /Retry-After is required/ },
    { what: '429 with Retry-After', r: health({ status: 429, headers: { ...json, 'retry-after': '2' }, text: err('TOO_MANY') }), problem: null },
    { what: '429 with a Retry-After that is not seconds', r: health({ status: 429, headers: { ...json, 'retry-after': 'soon' }, text: err('TOO_MANY') }), problem: /header Retry-After/ },
    { what: '503 with the Error body', r: health({ status: 503, text: err('SERVICE_UNAVAILABLE') }), problem: null },
    { what: '503 with another body', r: health({ status: 503, text: JSON.stringify({ message: 'down' }) }), problem: /body/ },
    {
      what: 'a CSV export',
      r: { method: 'GET', path: '/v1/registers/incoming/export', status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="a.csv"' }, text: '\uFEFFSố đến\n' },
      problem: null,
    },
    {
      what: 'an XLSX export without its file name',
      r: { method: 'GET', path: '/v1/registers/incoming/export', status: 200, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, text: undefined },
      problem: /Content-Disposition is required/,
    },
    { what: 'an organisation without its ETag', r: { method: 'GET', path: '/v1/orgs/xa-a', status: 200, headers: json, text: JSON.stringify({ id: 'xa-a', name: 'A', parentId: null, active: true, createdAt: 't', updatedAt: 't', version: 1 }) }, problem: /ETag is required/ },
    { what: 'an organisation with its ETag', r: { method: 'GET', path: '/v1/orgs/xa-a', status: 200, headers: { ...json, etag: '"1"' }, text: JSON.stringify({ id: 'xa-a', name: 'A', parentId: null, active: true, createdAt: 't', updatedAt: 't', version: 1 }) }, problem: null },
    { what: 'an OAuth error of the token endpoint', r: { method: 'POST', path: '/oauth2/token', status: 401, headers: json, text: JSON.stringify({ error: 'invalid_client' }) }, problem: null },
  ];
  it.each(cases)('$what', ({ r, problem }) => {
    const found = responseProblems(r);
    expect(found).not.toBeNull();
    if (problem === null) expect(found!.problems).toEqual([]);
    else expect(found!.problems.join('\n')).toMatch(problem);
  });

  it('leaves paths outside the API alone (presigned storage URLs, test hooks)', () => {
    expect(responseProblems({ method: 'PUT', path: '/daumoi-scans/scans/01ABC', status: 403, headers: {}, text: '<Error/>' })).toBeNull();
    expect(responseProblems({ method: 'POST', path: '/_local/ocr/kill', status: 200, headers: {}, text: '' })).toBeNull();
  });

  it('fails with the operation, the status and what does not match', () => {
    expect(() => assertDeclared(health({ text: JSON.stringify({ status: 'ok', version: '1', secret: 1 }) }))).toThrow(/getHealth \(GET \/v1\/health\) answered 200[\s\S]*secret/);
  });
});
