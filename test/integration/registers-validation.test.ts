/**
 * Bad inputs: each gets a 4xx whose message says what is wrong, and neither register's count
 * (nor the entry being updated) changes. Decomposed Unicode is normalised to NFC on the way in.
 * Years used by this file: 2033.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { counterValue, incomingBody, outgoingBody, tokenWith, useServices, vnClock } from './registers-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const handler = await composed('registers');

const IN = '/v1/registers/incoming/entries';
const OUT = '/v1/registers/outgoing/entries';
const DAY = '2033-04-05';
const tokens: Record<string, string> = {};
let existing: { id: string; version: number };

beforeAll(async () => {
  useServices({ clock: vnClock('2033-04-06T10:00:00') });
  for (const u of ['vanthu', 'bithu', 'chuyenvien']) tokens[u] = await tokenFor(u);
  tokens.clerkToiMat = await tokenWith('vanthu-mat', ['van-thu'], 'toi-mat');
  const r = await invoke(handler, { method: 'POST', path: IN, token: tokens.vanthu, body: incomingBody(DAY, { numberSymbol: 'Số 12-NQ/TU', typeCode: 'NQ', issuer: 'Tỉnh ủy Hưng Yên' }) });
  expect(r.status).toBe(201);
  existing = r.body;
});
afterAll(() => useServices());

const counts = async () => {
  const get = async (register: string) => (await invoke(handler, { method: 'GET', path: `/v1/registers/${register}/counts`, token: tokens.bithu, query: { year: '2033' } })).body.total as number;
  return { incoming: await get('incoming'), outgoing: await get('outgoing'), counter: await counterValue('incoming/2033') };
};

interface Case {
  name: string;
  method?: 'POST' | 'PATCH';
  path?: string;
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  status: number;
  code?: string;
  message: RegExp;
}

const S = '\u0301'; // combining acute
const DEFAULT_CODE: Record<number, string> = { 400: 'VALIDATION_FAILED', 403: 'FORBIDDEN' };
const cases = (): Case[] => [
  { name: 'missing numberSymbol', body: { ...incomingBody(DAY), numberSymbol: undefined }, status: 400, message: /body\.numberSymbol: .*(required|expected string)/i },
  { name: 'missing secrecy (must be said, even when null)', body: { ...incomingBody(DAY), secrecy: undefined }, status: 400, message: /body\.secrecy/ },
  { name: 'no body at all', body: undefined, status: 400, message: /A JSON body is required/ },
  { name: 'not JSON', rawBody: '{"numberSymbol": ', headers: { 'content-type': 'application/json' }, status: 400, code: 'INVALID_JSON', message: /not valid JSON/ },
  { name: '31/02', body: incomingBody('2033-02-31'), status: 400, message: /documentDate: must be a real calendar date/ },
  { name: 'document date in the future', body: incomingBody('2033-04-07'), status: 400, message: /documentDate 2033-04-07 is in the future \(today is 2033-04-06/ },
  { name: 'unknown type', body: incomingBody(DAY, { typeCode: 'XYZ' }), status: 400, message: /unknown document type "XYZ"/ },
  { name: 'garbage number-symbol', body: incomingBody(DAY, { numberSymbol: '###-???' }), status: 400, message: /"###-\?\?\?" is not a number-symbol/ },
  { name: 'type contradicting the number-symbol', body: incomingBody(DAY, { numberSymbol: '77-NQ/TU', typeCode: 'CT' }), status: 400, message: /77-NQ\/TU is a NQ document, but typeCode is CT/ },
  { name: 'unknown secrecy', body: incomingBody(DAY, { secrecy: 'secret' }), status: 400, message: /body\.secrecy: must be null or one of mat, toi-mat, tuyet-mat/ },
  { name: 'unknown urgency', body: incomingBody(DAY, { urgency: 'gap' }), status: 400, message: /body\.urgency: must be null or one of khan, thuong-khan, hoa-toc/ },
  { name: '5,000-character subject', body: incomingBody(DAY, { subject: 'v'.repeat(5000) }), status: 400, message: /body\.subject: must be at most 2000 characters/ },
  { name: 'blank subject', body: incomingBody(DAY, { subject: '   ' }), status: 400, message: /body\.subject: must not be empty/ },
  { name: 'unknown field (an attachment the API does not take)', body: incomingBody(DAY, { attachment: 'x.pdf' }), status: 400, message: /Unrecognized key: "attachment"/ },
  { name: 'recipients not a list', body: incomingBody(DAY, { recipients: 'Ban Tổ chức' }), status: 400, message: /body\.recipients/ },
  { name: 'due date before arrival', body: incomingBody(DAY, { dueDate: '2033-04-01' }), status: 400, message: /dueDate 2033-04-01 is before the arrival date 2033-04-06/ },
  {
    name: 'decomposed Unicode: the same letter again (NFD "Số" normalised to NFC, so it is a duplicate)',
    body: incomingBody(DAY, { numberSymbol: 'Số 12-NQ/TU'.normalize('NFD'), typeCode: 'NQ', issuer: 'Tỉnh ủy Hưng Yên'.normalize('NFD') }),
    status: 409,
    code: 'DUPLICATE',
    message: /already in the incoming register as số đến 1\/2033/,
  },
  { name: 'decomposed Unicode in an enum value', body: incomingBody(DAY, { secrecy: `ma${S}t` }), status: 400, message: /body\.secrecy/ },
  { name: 'secrecy above the clerk’s clearance', body: incomingBody(DAY, { secrecy: 'toi-mat' }), status: 403, message: /clearance \(mat\) does not cover a Tối mật/ },
  { name: 'tối mật with a scan (metadata only)', token: 'clerkToiMat', body: incomingBody(DAY, { secrecy: 'toi-mat', scanId: 'scan-1' }), status: 400, message: /metadata only: remove scanId/ },
  { name: 'a role that may not register', token: 'chuyenvien', body: incomingBody(DAY), status: 403, message: /Needs one of the roles: van-thu/ },
  // Outgoing
  { name: 'a type the body may not issue (CT by the BCH)', path: OUT, body: outgoingBody({ typeCode: 'CT', issuerId: 'tu-bch' }), status: 400, code: 'NOT_AUTHORISED_TO_ISSUE', message: /không có thẩm quyền ban hành Chỉ thị \(CT\).*may not issue a Directive/ },
  { name: 'a type no body of the code may issue (TT by VPTU)', path: OUT, body: outgoingBody({ typeCode: 'TT', issuerCode: 'VPTU' }), status: 400, code: 'NOT_AUTHORISED_TO_ISSUE', message: /may not issue a Circular/ },
  { name: 'unknown issuer', path: OUT, body: outgoingBody({ issuerCode: 'XYZ' }), status: 400, code: 'UNKNOWN_ISSUER', message: /unknown issuing body/ },
  { name: 'issuerId contradicting issuerCode', path: OUT, body: outgoingBody({ issuerId: 'vptu' }), status: 400, message: /issuerId vptu prints the code VPTU, not TU/ },
  { name: 'outgoing unknown type', path: OUT, body: outgoingBody({ typeCode: 'ZZ' }), status: 400, message: /unknown document type "ZZ"/ },
  { name: 'outgoing date in the future', path: OUT, body: outgoingBody({ documentDate: '2034-01-01' }), status: 400, message: /documentDate 2034-01-01 is in the future/ },
  { name: 'outgoing missing signer', path: OUT, body: { ...outgoingBody(), signer: undefined }, status: 400, message: /body\.signer/ },
  { name: 'copies not a whole number', path: OUT, body: outgoingBody({ copies: 2.5 }), status: 400, message: /body\.copies/ },
  // Updates
  { name: 'stale version', method: 'PATCH', body: { version: 99, note: 'x' }, status: 409, code: 'STALE_VERSION', message: /Stale version 99: the entry is now at version 1/ },
  { name: 'stale If-Match', method: 'PATCH', body: { note: 'x' }, headers: { 'if-match': '"7"' }, status: 409, code: 'STALE_VERSION', message: /Stale version 7/ },
  { name: 'no version', method: 'PATCH', body: { note: 'x' }, status: 400, code: 'VERSION_REQUIRED', message: /version is required/ },
  { name: 'status move not allowed (registered → done)', method: 'PATCH', body: { version: 1, status: 'done' }, status: 409, code: 'INVALID_TRANSITION', message: /cannot go from registered to done; allowed: assigned/ },
  { name: 'assigned without a handler', method: 'PATCH', body: { version: 1, status: 'assigned' }, status: 400, message: /assigning needs a handler/ },
  { name: 'unknown status', method: 'PATCH', body: { version: 1, status: 'closed' }, status: 400, message: /body\.status: must be one of registered, assigned, in-progress, done/ },
  { name: 'nothing to change', method: 'PATCH', body: { version: 1 }, status: 400, message: /nothing to change/ },
];

describe('bad inputs', () => {
  it('the table has at least 15 cases', () => {
    expect(cases().length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases().map((c) => [c.name, c] as const))('%s → 4xx with a message; counts unchanged', async (_name, c) => {
    const before = await counts();
    const path = c.method === 'PATCH' ? `${IN}/${existing.id}` : (c.path ?? IN);
    const r = await invoke(handler, {
      method: c.method ?? 'POST',
      path,
      token: tokens[c.token ?? 'vanthu'],
      ...(c.body !== undefined ? { body: c.body } : {}),
      ...(c.rawBody !== undefined ? { rawBody: c.rawBody } : {}),
      ...(c.headers ? { headers: c.headers } : {}),
    });
    expect(r.status).toBe(c.status);
    expect(r.body.error.message).toMatch(c.message);
    expect(r.body.error.code).toBe(c.code ?? DEFAULT_CODE[c.status]);
    expect(await counts()).toEqual(before);
    const entry = await invoke(handler, { method: 'GET', path: `${IN}/${existing.id}`, token: tokens.vanthu });
    expect(entry.body.version).toBe(1);
  });
});

describe('decomposed Unicode', () => {
  it('is stored in NFC, and its NFC twin is recognised as the same letter', async () => {
    const nfd = incomingBody(DAY, { numberSymbol: 'Số 301-QĐ/BTCTU'.normalize('NFD'), typeCode: 'QĐ', issuer: 'Ban Tổ chức Tỉnh ủy'.normalize('NFD'), subject: 'về việc điều động cán bộ'.normalize('NFD') });
    expect(nfd.subject).not.toBe((nfd.subject as string).normalize('NFC'));
    const r = await invoke(handler, { method: 'POST', path: IN, token: tokens.vanthu, body: nfd });
    expect(r.status).toBe(201);
    expect(r.body.subject).toBe('về việc điều động cán bộ'.normalize('NFC'));
    expect(r.body.issuer).toBe('Ban Tổ chức Tỉnh ủy'.normalize('NFC'));
    expect(r.body.numberSymbol).toBe('Số 301-QĐ/BTCTU'.normalize('NFC'));
    const twin = await invoke(handler, { method: 'POST', path: IN, token: tokens.vanthu, body: { ...nfd, numberSymbol: '301-QĐ/BTCTU', subject: 'về việc điều động cán bộ' } });
    expect(twin.status).toBe(409);
    expect(twin.body.error.details[0]).toMatchObject({ existingId: r.body.id });
  });
});

describe('list queries', () => {
  it('a cursor only works with the list that returned it; bad query values are 400s', async () => {
    const page = await invoke(handler, { method: 'GET', path: IN, token: tokens.vanthu, query: { year: '2033', limit: '1' } });
    expect(page.status).toBe(200);
    expect(page.body.nextCursor).toEqual(expect.any(String));
    const other = await invoke(handler, { method: 'GET', path: IN, token: tokens.vanthu, query: { year: '2032', cursor: page.body.nextCursor } });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/cursor belongs to another list/);
    const outgoing = await invoke(handler, { method: 'GET', path: OUT, token: tokens.vanthu, query: { year: '2033', cursor: page.body.nextCursor } });
    expect(outgoing.status).toBe(400);
    const garbage = await invoke(handler, { method: 'GET', path: IN, token: tokens.vanthu, query: { cursor: 'not-a-cursor' } });
    expect(garbage.status).toBe(400);
    const badYear = await invoke(handler, { method: 'GET', path: IN, token: tokens.vanthu, query: { year: 'abc' } });
    expect(badYear.status).toBe(400);
    const badLimit = await invoke(handler, { method: 'GET', path: IN, token: tokens.vanthu, query: { limit: '500' } });
    expect(badLimit.status).toBe(400);
  });
});
