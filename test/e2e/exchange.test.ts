/**
 * Two embedded offices on one machine, each started as `npm start` is (own port, data directory,
 * id, name and keys), exchanging documents (liên thông): A issues and sends a signed document, B's
 * clerk sees it and registers it, A sees "registered" with B's số đến; a recall freezes B's copy,
 * and so does a replacement by a new version (linked both ways);
 * forged, replayed, malformed, oversized and Tối mật messages are refused and store nothing; B down
 * while A sends (A retries, delivers once B is back, no duplicate); A killed with SIGKILL with a
 * message in its outbox (delivered once after the restart).
 */
import { mkdtempSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startOffice, type Office } from '../support/e2e';
import { call, officeSeal, postMessage, strangerSeal, until } from '../support/exchange';
import { buildPackage, type PackageFacts } from '../../shared/exchange/index';

const A_ID = 'tu-hy';
const B_ID = 'hu-vl';
const B_NAME = 'Văn phòng Huyện ủy Văn Lâm';
// Quick retries, and enough of them to outlast a restart.
const EXCHANGE_ENV = { DAUMOI_EXCHANGE_BACKOFF_SECONDS: '1', DAUMOI_EXCHANGE_BACKOFF_MAX_SECONDS: '2', DAUMOI_EXCHANGE_MAX_ATTEMPTS: '60' };
const envA = { DAUMOI_OFFICE: A_ID, ...EXCHANGE_ENV };
const envB = { DAUMOI_OFFICE: B_ID, DAUMOI_OFFICE_NAME: B_NAME, ...EXCHANGE_ENV };

let A: Office;
let B: Office;
const dirs = { a: mkdtempSync('/tmp/exchange-e2e-a-'), b: mkdtempSync('/tmp/exchange-e2e-b-') };
const tok = {} as Record<'aAdmin' | 'aClerk' | 'bAdmin' | 'bClerk' | 'bClerkNone', string>;
let endpointB: string;

const outgoing = (over: Record<string, unknown>) => ({ typeCode: 'NQ', issuerCode: 'TU', subject: 'về đẩy mạnh chuyển đổi số', signer: 'Nguyễn Hữu Nghĩa', recipients: ['Các huyện ủy, thành ủy', 'Lưu VT'], secrecy: null, urgency: null, ...over });
async function issue(over: Record<string, unknown> = {}, token = tok.aClerk) {
  const r = await call(A.url, 'POST', '/v1/registers/outgoing/entries', token, outgoing(over));
  expect(r.status).toBe(201);
  return r.body as { id: string; numberSymbol: string };
}
const inbox = async (token = tok.bClerk) => (await call(B.url, 'GET', '/v1/exchange/inbox?limit=200', token)).body.items as any[];
async function deliveries(id: string, token = tok.aClerk): Promise<any[]> {
  const r = await call(A.url, 'GET', `/v1/registers/outgoing/entries/${id}/deliveries`, token);
  expect(r.status).toBe(200);
  return r.body.items;
}
const inboxOf = async (numberSymbol: string, token = tok.bClerk) => (await inbox(token)).filter((i) => i.numberSymbol === numberSymbol);
/** What B holds, to show that a refused message stored nothing. */
const bState = async () => ({ inbox: (await inbox()).length, audit: (await call(B.url, 'GET', '/v1/audit?limit=200', tok.bAdmin)).body.items.length });

async function startB(): Promise<Office> {
  return startOffice({ dataDir: dirs.b, env: envB, ...(B ? { port: B.port } : {}) });
}

beforeAll(async () => {
  [A, B] = await Promise.all([startOffice({ dataDir: dirs.a, env: envA }), startB()]);
  tok.aAdmin = A.token('admin');
  tok.bAdmin = B.token('admin');
  // A clerk of B without clearance: the inbox hides Mật documents from them.
  const put = await call(B.url, 'PUT', '/v1/users/chuyenvien2', tok.bAdmin, { roles: ['van-thu'], clearance: 'none', dept: null, reason: 'Văn thư tập sự, chưa được giao văn bản mật' });
  expect(put.status).toBe(200);
  tok.aClerk = A.token('vanthu');
  tok.bClerk = B.token('vanthu');
  tok.bClerkNone = B.token('chuyenvien2');
}, 180_000);

afterAll(async () => {
  await Promise.all([A?.stop(), B?.stop()]);
  removeDir(dirs.a);
  removeDir(dirs.b);
});

describe('two offices on one machine', () => {
  it('each has its own id, name, endpoint and certificate; each enters the other in its directory', async () => {
    const a = (await call(A.url, 'GET', '/v1/exchange/identity')).body;
    const b = (await call(B.url, 'GET', '/v1/exchange/identity')).body;
    expect(a.id).toBe(A_ID);
    expect(b).toMatchObject({ id: B_ID, name: B_NAME, endpoint: `${B.url}/v1/exchange/messages` });
    expect(a.endpoint).toBe(`${A.url}/v1/exchange/messages`);
    expect(a.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(a.certificate).not.toBe(b.certificate);
    endpointB = b.endpoint;
    // The A–B link is a cơ yếu encrypted channel; xa-tl is an ordinary one.
    expect((await call(A.url, 'POST', '/v1/exchange/partners', tok.aAdmin, { ...b, encryptedChannel: true })).status).toBe(201);
    expect((await call(A.url, 'POST', '/v1/exchange/partners', tok.aAdmin, { id: 'xa-tl', name: 'Đảng ủy xã Tân Lập', endpoint: 'http://127.0.0.1:9/v1/exchange/messages', certificate: b.certificate, encryptedChannel: false })).status).toBe(201);
    expect((await call(B.url, 'POST', '/v1/exchange/partners', tok.bAdmin, { ...a, encryptedChannel: true })).status).toBe(201);
    expect((await call(B.url, 'POST', '/v1/exchange/partners', tok.bAdmin, { ...a, encryptedChannel: true })).status).toBe(409);
    expect((await call(A.url, 'POST', '/v1/exchange/partners', tok.aClerk, { ...b, id: 'x' })).status).toBe(403);
    expect((await call(A.url, 'GET', '/v1/exchange/partners', tok.aAdmin)).body.items.map((p: { id: string }) => p.id)).toEqual([B_ID, 'xa-tl']);
  });

  it('the clerk’s send dialog reads the partners’ ids, names and channels only; the directory itself stays with admins', async () => {
    expect((await call(A.url, 'GET', '/v1/exchange/partners', tok.aClerk)).status).toBe(403);
    const r = await call(A.url, 'GET', '/v1/exchange/recipients', tok.aClerk);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ items: [{ id: B_ID, name: B_NAME, encryptedChannel: true }, { id: 'xa-tl', name: 'Đảng ủy xã Tân Lập', encryptedChannel: false }] });
    expect(JSON.stringify(r.body)).not.toMatch(/BEGIN CERTIFICATE|\/v1\/exchange\/messages/);
    expect((await call(A.url, 'GET', '/v1/exchange/recipients', tok.aAdmin)).status).toBe(403);
  });

  it('A sends a signed document; B’s clerk sees it with its signature verified and registers it; A sees “registered” with B’s số đến', async () => {
    const doc = await issue({ subject: 'về đẩy mạnh chuyển đổi số trong các cơ quan Đảng', urgency: 'khan' });
    const sent = await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/send`, tok.aClerk, { to: [B_ID] });
    expect(sent.status).toBe(202);
    expect(sent.body.deliveries).toEqual([expect.objectContaining({ partnerId: B_ID, status: 'queued' })]);
    const [item] = await until(() => inboxOf(doc.numberSymbol), (x) => x.length === 1, 30_000, 'the document in B’s inbox');
    expect(item).toMatchObject({ from: A_ID, numberSymbol: doc.numberSymbol, subject: 'về đẩy mạnh chuyển đổi số trong các cơ quan Đảng', urgency: 'khan', status: 'new', hasDocument: true });
    expect(item.signatures).toEqual([expect.objectContaining({ intact: true, chain: 'trusted', coversWholeDocument: true })]);
    const pdf = await fetch(`${B.url}/v1/exchange/inbox/${item.id}/document`, { headers: { authorization: `Bearer ${tok.bClerk}` } });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const reg = await call(B.url, 'POST', `/v1/exchange/inbox/${item.id}/register`, tok.bClerk, {});
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ numberSymbol: doc.numberSymbol, typeCode: 'NQ', urgency: 'khan', issuer: expect.stringContaining('Tỉnh ủy') });
    expect(reg.body.arrivalNumber).toBeGreaterThanOrEqual(1);
    const again = await call(B.url, 'POST', `/v1/exchange/inbox/${item.id}/register`, tok.bClerk, {});
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(reg.body.id);
    // Like any incoming letter: in B's register, with the next số đến.
    const year = reg.body.arrivalYear;
    const register = (await call(B.url, 'GET', `/v1/registers/incoming/entries?year=${year}`, tok.bClerk)).body.items as { id: string; arrivalNumber: number }[];
    expect(register.filter((e) => e.id === reg.body.id)).toHaveLength(1);
    expect(Math.max(...register.map((e) => e.arrivalNumber))).toBe(reg.body.arrivalNumber);

    const [d] = await until(() => deliveries(doc.id), (x) => x[0]?.status === 'registered', 30_000, 'A’s delivery registered');
    expect(d).toMatchObject({ partnerId: B_ID, status: 'registered', arrivalNumber: reg.body.arrivalNumber, acknowledgedSameDay: true });
    expect(Date.parse(d.receivedAt)).toBeGreaterThanOrEqual(Date.parse(d.sentAt));
    // Every change audited, at both ends.
    const aAudit = (await call(A.url, 'GET', `/v1/audit?entityId=${doc.id}`, tok.aAdmin)).body.items.map((e: { action: string }) => e.action);
    expect(aAudit).toEqual(expect.arrayContaining(['exchange.sent', 'exchange.delivery.sent', 'exchange.delivery.received', 'exchange.delivery.registered']));
    const bAudit = (await call(B.url, 'GET', `/v1/audit?entityId=${item.id}`, tok.bAdmin)).body.items.map((e: { action: string }) => e.action);
    expect(bAudit).toEqual(expect.arrayContaining(['exchange.received', 'exchange.registered']));

    // B handles it (assigned, then done): the “handled” notice goes back; A's delivery stays “registered” and shows when.
    expect(d.handledAt).toBeNull();
    const assigned = await call(B.url, 'PATCH', `/v1/registers/incoming/entries/${reg.body.id}`, tok.bClerk, { version: reg.body.version, handler: 'Nguyễn Văn Hùng', status: 'assigned' });
    expect(assigned.status).toBe(200);
    const done = await call(B.url, 'PATCH', `/v1/registers/incoming/entries/${reg.body.id}`, tok.bClerk, { version: assigned.body.version, status: 'done' });
    expect(done.status).toBe(200);
    const [h] = await until(() => deliveries(doc.id), (x) => !!x[0]?.handledAt, 30_000, 'A’s delivery handled');
    expect(h).toMatchObject({ partnerId: B_ID, status: 'registered', arrivalNumber: reg.body.arrivalNumber });
    expect(Date.parse(h.handledAt)).toBe(Date.parse(done.body.doneAt));
    expect((await call(A.url, 'GET', `/v1/audit?entityId=${doc.id}`, tok.aAdmin)).body.items.map((e: { action: string }) => e.action)).toContain('exchange.delivery.handled');
  });

  it('a returned document goes back with the reason; A sees “returned” and why', async () => {
    const doc = await issue({ subject: 'về tổ chức hội nghị sơ kết' });
    expect((await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/send`, tok.aClerk, { to: [B_ID] })).status).toBe(202);
    const [item] = await until(() => inboxOf(doc.numberSymbol), (x) => x.length === 1);
    const ret = await call(B.url, 'POST', `/v1/exchange/inbox/${item.id}/return`, tok.bClerk, { reason: 'Gửi nhầm nơi nhận' });
    expect(ret.status).toBe(200);
    expect(ret.body.status).toBe('returned');
    expect((await call(B.url, 'POST', `/v1/exchange/inbox/${item.id}/register`, tok.bClerk, {})).status).toBe(409);
    const [d] = await until(() => deliveries(doc.id), (x) => x[0]?.status === 'returned');
    expect(d.reason).toBe('Gửi nhầm nơi nhận');
  });

  it('A recalls a document: B’s copy is frozen and marked recalled, cannot be registered; A sees “recalled”', async () => {
    const doc = await issue({ subject: 'về kiểm tra công tác văn thư' });
    expect((await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/send`, tok.aClerk, { to: [B_ID] })).status).toBe(202);
    const [item] = await until(() => inboxOf(doc.numberSymbol), (x) => x.length === 1);
    const recall = await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/recall`, tok.aClerk, { reason: 'Văn bản có sai sót, sẽ ban hành văn bản thay thế' });
    expect(recall.status).toBe(202);
    const [frozen] = await until(() => inboxOf(doc.numberSymbol), (x) => x[0]?.status === 'recalled');
    expect(frozen.reason).toBe('Văn bản có sai sót, sẽ ban hành văn bản thay thế');
    const reg = await call(B.url, 'POST', `/v1/exchange/inbox/${item.id}/register`, tok.bClerk, {});
    expect(reg.status).toBe(409);
    expect(JSON.stringify(reg.body)).toMatch(/thu hồi/);
    await until(() => deliveries(doc.id), (x) => x[0]?.status === 'recalled', 30_000, 'A’s delivery recalled');
  });

  it('recalling a document already registered marks B’s entry', async () => {
    const doc = await issue({ subject: 'về công tác phát triển đảng viên' });
    await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/send`, tok.aClerk, { to: [B_ID] });
    const [item] = await until(() => inboxOf(doc.numberSymbol), (x) => x.length === 1);
    const reg = await call(B.url, 'POST', `/v1/exchange/inbox/${item.id}/register`, tok.bClerk, {});
    expect(reg.status).toBe(201);
    await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/recall`, tok.aClerk, { reason: 'Thu hồi để sửa thể thức' });
    const entry = await until(async () => (await call(B.url, 'GET', `/v1/registers/incoming/entries/${reg.body.id}`, tok.bClerk)).body, (e) => /thu hồi/.test(e.note ?? ''), 30_000, 'B’s entry marked');
    expect(entry.note).toMatch(/Thu hồi để sửa thể thức/);
  });

  it('A replaces a registered document with a new version: B’s old copy is frozen and points to the new one, which arrives linked to it; A’s deliveries show both', async () => {
    const doc = await issue({ subject: 'về tổ chức hội nghị sơ kết' });
    await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/send`, tok.aClerk, { to: [B_ID] });
    const [item] = await until(() => inboxOf(doc.numberSymbol), (x) => x.length === 1);
    const reg = await call(B.url, 'POST', `/v1/exchange/inbox/${item.id}/register`, tok.bClerk, {});
    expect(reg.status).toBe(201);
    const next = await issue({ subject: 'về tổ chức hội nghị sơ kết (thay thế)' });
    const replace = await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/replace`, tok.aClerk, { by: next.id, reason: 'Sửa thời gian tổ chức hội nghị' });
    expect(replace.status).toBe(202);
    expect(replace.body.deliveries.map((d: any) => d.partnerId)).toEqual([B_ID]);
    const [fresh] = await until(() => inboxOf(next.numberSymbol), (x) => x.length === 1, 30_000, 'the new version in B’s inbox');
    expect(fresh.replaces).toBe(item.id);
    const [old] = await until(() => inboxOf(doc.numberSymbol), (x) => x[0]?.status === 'recalled', 30_000, 'B’s old copy frozen');
    expect(old.replacedBy).toBe(fresh.id);
    const entry = await until(async () => (await call(B.url, 'GET', `/v1/registers/incoming/entries/${reg.body.id}`, tok.bClerk)).body, (e) => /thay thế/.test(e.note ?? ''), 30_000, 'B’s entry marked');
    expect(entry.note).toMatch(/văn bản mới/);
    const [was] = await until(() => deliveries(doc.id), (x) => x[0]?.status === 'recalled', 30_000, 'A’s old delivery recalled');
    expect(was.replacedBy).toBe(next.id);
    const [now] = await deliveries(next.id);
    expect(now.replaces).toBe(doc.id);
    // Once replaced, nothing is live there any more: a second replacement is refused with the reason.
    const again = await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/replace`, tok.aClerk, { by: (await issue()).id, reason: 'Lần nữa' });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toMatch(/không có gì để thay thế/);
  });

  it('secrecy: Tối mật never leaves A; Mật only when every link is encrypted; B’s clerk without clearance does not see a Mật one', async () => {
    // A's clerk may handle Tối mật for this test: the admin raises the clearance, with the reason.
    expect((await call(A.url, 'PUT', '/v1/users/vanthu', tok.aAdmin, { roles: ['van-thu'], clearance: 'toi-mat', dept: null, reason: 'Kiểm thử liên thông' })).status).toBe(200);
    const clerk = A.token('vanthu');
    const topSecret = await issue({ subject: 'về công tác bảo vệ chính trị nội bộ', secrecy: 'toi-mat' }, clerk);
    const before = await bState();
    const r = await call(A.url, 'POST', `/v1/registers/outgoing/entries/${topSecret.id}/send`, clerk, { to: [B_ID] });
    expect(r.status).toBe(409);
    expect(r.body.error.message).toMatch(/Tối mật/);
    expect(await deliveries(topSecret.id, clerk)).toEqual([]);

    const secret = await issue({ subject: 'về nhân sự dự kiến', secrecy: 'mat' }, clerk);
    const mixed = await call(A.url, 'POST', `/v1/registers/outgoing/entries/${secret.id}/send`, clerk, { to: [B_ID, 'xa-tl'] });
    expect(mixed.status).toBe(409);
    expect(mixed.body.error.message).toMatch(/xa-tl/);
    expect(await deliveries(secret.id, clerk)).toEqual([]);
    expect((await call(A.url, 'POST', `/v1/registers/outgoing/entries/${secret.id}/send`, clerk, { to: [B_ID] })).status).toBe(202);
    const [item] = await until(() => inboxOf(secret.numberSymbol), (x) => x.length === 1);
    expect(item).toMatchObject({ secrecy: 'mat', hasDocument: false });
    expect(await inboxOf(secret.numberSymbol, tok.bClerkNone)).toEqual([]);
    expect((await call(B.url, 'GET', `/v1/exchange/inbox/${item.id}`, tok.bClerkNone)).status).toBe(404);
    expect((await bState()).inbox).toBe(before.inbox + 1);
  });
});

describe('the partner-to-partner endpoint refuses, and stores nothing for', () => {
  const facts = (over: Partial<PackageFacts> = {}): PackageFacts => ({
    from: { id: A_ID, name: 'Văn phòng Tỉnh ủy' },
    to: { id: B_ID, name: B_NAME },
    documentId: '01JTEST00000000000000000000',
    codeNumber: '77',
    codeNotation: 'CV/TU',
    place: 'Hưng Yên',
    promulgationDate: new Date().toISOString().slice(0, 10),
    typeCode: 'CV',
    typeName: 'Công văn',
    subject: 'về việc thử nghiệm',
    signer: { position: null, fullName: 'Nguyễn Văn A' },
    dueDate: null,
    urgency: null,
    secrecy: null,
    steeringType: '0',
    toPlaces: [],
    trace: [],
    attachment: null,
    ...over,
  });
  const cases: [string, number, () => Promise<{ status: number }>][] = [
    ['a forged message (another key)', 401, async () => postMessage(endpointB, { from: A_ID, to: B_ID, kind: 'package', content: buildPackage(facts({ codeNumber: '78' })) }, await strangerSeal(A_ID))],
    ['an unsigned message', 401, async () => postMessage(endpointB, { from: A_ID, to: B_ID, kind: 'package', content: buildPackage(facts({ codeNumber: '79' })) }, officeSeal(A.dataDir, A_ID), { signature: null })],
    ['an unknown sender', 403, async () => postMessage(endpointB, { from: 'tinh-khac', to: B_ID, kind: 'package', content: buildPackage(facts({ from: { id: 'tinh-khac', name: 'X' } })) }, await strangerSeal('tinh-khac'))],
    ['a replay outside the time window', 401, async () => postMessage(endpointB, { from: A_ID, to: B_ID, kind: 'package', sentAt: new Date(Date.now() - 3_600_000).toISOString(), content: buildPackage(facts({ codeNumber: '80' })) }, officeSeal(A.dataDir, A_ID))],
    ['a Tối mật package', 409, async () => postMessage(endpointB, { from: A_ID, to: B_ID, kind: 'package', content: buildPackage(facts({ codeNumber: '81', secrecy: 'toi-mat' })) }, officeSeal(A.dataDir, A_ID))],
    ['a malformed envelope', 400, async () => postMessage(endpointB, { from: A_ID, to: B_ID, kind: 'package', content: '<edXMLEnvelope><nope/></edXMLEnvelope>' }, officeSeal(A.dataDir, A_ID))],
    ['a body that is no message', 400, async () => postMessage(endpointB, { from: A_ID, to: B_ID, kind: 'package', content: '' }, officeSeal(A.dataDir, A_ID), { body: ['không phải thông điệp'] })],
    ['a message for another office', 400, async () => postMessage(endpointB, { from: A_ID, to: 'xa-tl', kind: 'package', content: buildPackage(facts({ codeNumber: '82' })) }, officeSeal(A.dataDir, A_ID))],
    ['an oversized message', 413, async () => postMessage(endpointB, { from: A_ID, to: B_ID, kind: 'package', content: 'x'.repeat(5_300_000) }, officeSeal(A.dataDir, A_ID))],
  ];
  it.each(cases)('%s → %i', async (_, status, send) => {
    const before = await bState();
    const r = await send();
    expect(r.status).toBe(status);
    expect(await bState()).toEqual(before);
  });

  it('the same message delivered twice is stored once and answered the same; its id with another content is refused', async () => {
    const seal = officeSeal(A.dataDir, A_ID);
    const m = { from: A_ID, to: B_ID, kind: 'package' as const, content: buildPackage(facts({ codeNumber: '83' })) };
    const first = await postMessage(endpointB, m, seal);
    expect(first.status).toBe(202);
    const second = await postMessage(endpointB, { ...m, messageId: first.messageId }, seal);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(await inboxOf('83-CV/TU')).toHaveLength(1);
    const before = await bState();
    const other = await postMessage(endpointB, { ...m, messageId: first.messageId, content: buildPackage(facts({ codeNumber: '84' })) }, seal);
    expect(other.status).toBe(409);
    expect(await bState()).toEqual(before);
  });
});

describe('delivery survives faults', () => {
  it('B down while A sends: A retries, delivers once B is back, and B holds it once', async () => {
    await B.stop();
    const doc = await issue({ subject: 'về lịch công tác tháng 12' });
    expect((await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/send`, tok.aClerk, { to: [B_ID] })).status).toBe(202);
    const [waiting] = await until(() => deliveries(doc.id), (x) => (x[0]?.attempts ?? 0) >= 2, 30_000, 'A retrying');
    expect(waiting.status).toBe('queued');
    B = await startB();
    await until(() => deliveries(doc.id), (x) => x[0]?.status === 'received', 60_000, 'delivered after B is back');
    expect(await inboxOf(doc.numberSymbol)).toHaveLength(1);
  });

  it('A killed with SIGKILL with the message still in its outbox: after the restart it is delivered, once', async () => {
    await B.stop();
    const doc = await issue({ subject: 'về chuẩn bị đại hội chi bộ' });
    expect((await call(A.url, 'POST', `/v1/registers/outgoing/entries/${doc.id}/send`, tok.aClerk, { to: [B_ID] })).status).toBe(202);
    await until(() => deliveries(doc.id), (x) => (x[0]?.attempts ?? 0) >= 1, 30_000, 'A trying');
    expect(await A.stop('SIGKILL')).toBeNull();
    [B, A] = await Promise.all([startB(), startOffice({ dataDir: dirs.a, env: envA, port: A.port })]);
    await until(() => deliveries(doc.id), (x) => x[0]?.status === 'received', 60_000, 'delivered after A restarted');
    expect(await inboxOf(doc.numberSymbol)).toHaveLength(1);
  });
});
