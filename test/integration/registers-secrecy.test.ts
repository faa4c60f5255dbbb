/**
 * Secrecy: an entry above the caller's clearance does not exist for them — not in get, list,
 * counts, export, update or void, and not through a duplicate warning. Tối mật and tuyệt mật
 * are registered with metadata only. Years used by this file: 2035.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import type { Clearance } from '../../shared/platform/security';
import { incomingBody, outgoingBody, tokenWith, useServices, vnClock } from './registers-support';
import { readScan } from '../support/read-scan';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const handler = await composed('registers');
const exportsHandler = await composed('exports');
const auditHandler = await composed('audit');

const IN = '/v1/registers/incoming/entries';
const OUT = '/v1/registers/outgoing/entries';
const DAY = '2035-08-01';
const LEVELS = [null, 'mat', 'toi-mat', 'tuyet-mat'] as const;
type Level = (typeof LEVELS)[number];
const RANK = { none: 0, mat: 1, 'toi-mat': 2, 'tuyet-mat': 3 } as const;

/** Viewers of every clearance: chuyenvien2 (none), vanthu (mat), chanhvp (tối mật), bithu (tuyệt mật). */
const VIEWERS: [string, Clearance][] = [
  ['chuyenvien2', 'none'],
  ['vanthu', 'mat'],
  ['chanhvp', 'toi-mat'],
  ['bithu', 'tuyet-mat'],
];
const tokens: Record<string, string> = {};
const incoming = new Map<Level, { id: string; numberSymbol: string; arrivalNumber: number; book: string }>();
const outgoing = new Map<Level, { id: string; numberSymbol: string }>();
const nowhere = '01JAAAAAAAAAAAAAAAAAAAAAAA';

beforeAll(async () => {
  useServices({ clock: vnClock('2035-08-02T09:00:00') });
  for (const [u] of VIEWERS) tokens[u] = await tokenFor(u);
  tokens.clerk = await tokenWith('vanthu-tuyetmat', ['van-thu'], 'tuyet-mat');
  for (const secrecy of LEVELS) {
    const r = await invoke(handler, { method: 'POST', path: IN, token: tokens.clerk, body: incomingBody(DAY, { secrecy, subject: `thư ${secrecy ?? 'thường'}` }) });
    expect(r.status).toBe(201);
    incoming.set(secrecy, r.body);
    const o = await invoke(handler, { method: 'POST', path: OUT, token: tokens.clerk, body: outgoingBody({ secrecy, typeCode: 'BC', documentDate: DAY }) });
    expect(o.status).toBe(201);
    outgoing.set(secrecy, o.body);
  }
});
afterAll(() => useServices());

const visible = (viewer: Clearance) => LEVELS.filter((l) => RANK[l ?? 'none'] <= RANK[viewer]);
const hidden = (viewer: Clearance) => LEVELS.filter((l) => RANK[l ?? 'none'] > RANK[viewer]);

describe('secret documents go to the secret incoming register', () => {
  it('numbers the secret book apart from the normal one', () => {
    expect(incoming.get(null)!.book).toBe('normal');
    expect(['mat', 'toi-mat', 'tuyet-mat'].map((l) => incoming.get(l as Level)!.book)).toEqual(['secret', 'secret', 'secret']);
    expect(['mat', 'toi-mat', 'tuyet-mat'].map((l) => incoming.get(l as Level)!.arrivalNumber)).toEqual([1, 2, 3]);
  });
});

describe.each(VIEWERS)('a viewer %s (clearance %s)', (user, clearance) => {
  it('gets what the clearance covers and 404 — the same 404 as for nothing — for the rest', async () => {
    const missing = await invoke(handler, { method: 'GET', path: `${IN}/${nowhere}`, token: tokens[user] });
    expect(missing.status).toBe(404);
    for (const l of visible(clearance)) {
      expect((await invoke(handler, { method: 'GET', path: `${IN}/${incoming.get(l)!.id}`, token: tokens[user] })).status).toBe(200);
      expect((await invoke(handler, { method: 'GET', path: `${OUT}/${outgoing.get(l)!.id}`, token: tokens[user] })).status).toBe(200);
    }
    for (const l of hidden(clearance)) {
      const r = await invoke(handler, { method: 'GET', path: `${IN}/${incoming.get(l)!.id}`, token: tokens[user] });
      expect(r.status).toBe(404);
      expect(r.body.error.message.replace(incoming.get(l)!.id, nowhere)).toBe(missing.body.error.message);
      expect((await invoke(handler, { method: 'GET', path: `${OUT}/${outgoing.get(l)!.id}`, token: tokens[user] })).status).toBe(404);
    }
  });

  it('lists only what the clearance covers', async () => {
    const inList = await invoke(handler, { method: 'GET', path: IN, token: tokens[user], query: { year: '2035' } });
    expect(inList.status).toBe(200);
    expect(inList.body.items.map((e: { id: string }) => e.id).sort()).toEqual(visible(clearance).map((l) => incoming.get(l)!.id).sort());
    const outList = await invoke(handler, { method: 'GET', path: OUT, token: tokens[user], query: { year: '2035' } });
    expect(outList.body.items.map((e: { id: string }) => e.id).sort()).toEqual(visible(clearance).map((l) => outgoing.get(l)!.id).sort());
  });

  it('pages never carry a hidden entry, not even in the cursor', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const r = await invoke(handler, { method: 'GET', path: IN, token: tokens[user], query: { year: '2035', limit: '1', ...(cursor ? { cursor } : {}) } });
      seen.push(...r.body.items.map((e: { id: string }) => e.id));
      cursor = r.body.nextCursor ?? undefined;
      for (const l of hidden(clearance)) expect(Buffer.from(cursor ?? '', 'base64url').toString()).not.toContain(incoming.get(l)!.id);
    } while (cursor);
    expect(seen.sort()).toEqual(visible(clearance).map((l) => incoming.get(l)!.id).sort());
  });

  it('counts only what the clearance covers', async () => {
    const c = await invoke(handler, { method: 'GET', path: '/v1/registers/incoming/counts', token: tokens[user], query: { year: '2035' } });
    expect(c.body.total).toBe(visible(clearance).length);
    const o = await invoke(handler, { method: 'GET', path: '/v1/registers/outgoing/counts', token: tokens[user], query: { year: '2035' } });
    expect(o.body.total).toBe(visible(clearance).length);
  });

  it('exports only what the clearance covers (XLSX and CSV)', async () => {
    const x = await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/incoming/export', token: tokens[user], query: { year: '2035', format: 'xlsx' } });
    expect(x.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.body as string, 'base64') as unknown as ArrayBuffer);
    const symbols = wb.worksheets.flatMap((ws) => ws.getSheetValues().slice(5).map((row) => (row as unknown[])[4]));
    expect(symbols.sort()).toEqual(visible(clearance).map((l) => incoming.get(l)!.numberSymbol).sort());
    const csv = await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/outgoing/export', token: tokens[user], query: { year: '2035', format: 'csv' } });
    const firstColumn = (csv.body as string).slice(1).trim().split('\r\n').slice(1).map((line) => line.split(',')[0]);
    expect(firstColumn.sort()).toEqual(visible(clearance).map((l) => outgoing.get(l)!.numberSymbol).sort());
  });
});

describe('writes on hidden entries', () => {
  it('updating or voiding an entry above one’s clearance is a 404', async () => {
    const vanthu = await tokenFor('vanthu');
    const p = await invoke(handler, { method: 'PATCH', path: `${IN}/${incoming.get('toi-mat')!.id}`, token: vanthu, body: { version: 1, note: 'x' } });
    expect(p.status).toBe(404);
    const v = await invoke(handler, { method: 'POST', path: `${OUT}/${outgoing.get('tuyet-mat')!.id}/void`, token: vanthu, body: { reason: 'x', version: 1 } });
    expect(v.status).toBe(404);
    expect((await invoke(handler, { method: 'GET', path: `${IN}/${incoming.get('toi-mat')!.id}`, token: tokens.clerk })).body.version).toBe(1);
    expect((await invoke(handler, { method: 'GET', path: `${OUT}/${outgoing.get('tuyet-mat')!.id}`, token: tokens.clerk })).body.status).toBe('issued');
  });

  it('a duplicate warning does not reveal a hidden entry', async () => {
    const vanthu = await tokenFor('vanthu');
    const mine = incoming.get('mat')!;
    const shown = await invoke(handler, { method: 'POST', path: IN, token: vanthu, body: incomingBody(DAY, { numberSymbol: mine.numberSymbol }) });
    expect(shown.status).toBe(409);
    expect(shown.body.error.details[0].existingId).toBe(mine.id);
  });

  it('the same letter as an entry above the clerk’s clearance registers as a new entry for them; repeats are shown only where both are visible', async () => {
    // In a year of its own, so that the register's lists above stay as they are.
    useServices({ clock: vnClock('2045-03-01T09:00:00') });
    try {
      const vanthu = await tokenFor('vanthu');
      const admin = await tokenFor('admin');
      const secret = incoming.get('tuyet-mat')!;
      const plain = await invoke(handler, { method: 'POST', path: IN, token: vanthu, body: incomingBody(DAY, { numberSymbol: secret.numberSymbol }) });
      expect(plain.status).toBe(201);
      expect(plain.body.duplicateOf).toBeNull();
      // A second copy below the hidden one: the clerk is told about the copy they may see, never the hidden one.
      const second = await invoke(handler, { method: 'POST', path: IN, token: vanthu, body: incomingBody(DAY, { numberSymbol: secret.numberSymbol }) });
      expect(second.status).toBe(409);
      expect(second.body.error.details[0].existingId).toBe(plain.body.id);
      const forced = await invoke(handler, { method: 'POST', path: IN, token: vanthu, body: incomingBody(DAY, { numberSymbol: secret.numberSymbol, force: true }) });
      expect(forced.status).toBe(201);
      expect(forced.body.duplicateOf).toBe(plain.body.id);
      // Gapless: the two took the next numbers of the normal book; the 409 took none.
      expect([plain.body.arrivalNumber, forced.body.arrivalNumber]).toEqual([1, 2]);
      for (const r of [plain, second, forced]) expect(JSON.stringify(r.body)).not.toContain(secret.id);

      // What the clerk and anyone below tuyệt mật reads and prints: no hidden id; the repeat of the visible copy only.
      for (const token of [vanthu, tokens.chanhvp!]) {
        const list = await invoke(handler, { method: 'GET', path: IN, token, query: { year: '2045' } });
        expect(JSON.stringify(list.body)).not.toContain(secret.id);
        expect((await invoke(handler, { method: 'GET', path: `${IN}/${plain.body.id}`, token })).body.duplicateOf).toBeNull();
        const csv = await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/incoming/export', token, query: { year: '2045', format: 'csv' } });
        expect((csv.body as string).match(/Đăng ký lại/g)).toHaveLength(1);
      }
      const audit = await invoke(auditHandler, { method: 'GET', path: '/v1/audit', token: admin, query: { entityId: plain.body.id } });
      expect(JSON.stringify(audit.body)).not.toContain(secret.id);
      // Whoever sees both sees that the first copy repeats the secret entry.
      const top = await invoke(handler, { method: 'GET', path: `${IN}/${plain.body.id}`, token: tokens.bithu });
      expect(top.body).toMatchObject({ duplicateOf: secret.id, duplicateOfSecrecy: 'tuyet-mat' });
      const topCsv = await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/incoming/export', token: tokens.bithu, query: { year: '2045', format: 'csv' } });
      expect((topCsv.body as string).match(/Đăng ký lại/g)).toHaveLength(2);
    } finally {
      useServices({ clock: vnClock('2035-08-02T09:00:00') });
    }
  });
});

describe('tối mật and tuyệt mật: metadata only', () => {
  it.each(['toi-mat', 'tuyet-mat'])('%s with a scan is refused; without it, registered', async (secrecy) => {
    const refused = await invoke(handler, { method: 'POST', path: IN, token: tokens.clerk, body: incomingBody(DAY, { secrecy, scanId: 'scan-123' }) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'scanId', message: expect.stringMatching(/metadata only/) })]);
    const ok = await invoke(handler, { method: 'POST', path: IN, token: tokens.clerk, body: incomingBody(DAY, { secrecy }) });
    expect(ok.status).toBe(201);
    expect(ok.body.scanId).toBeNull();
  });

  it('mật may carry its scan (one that exists: scans-link.test.ts checks the link)', async () => {
    const scanId = await readScan({ numberSymbol: null, subject: 'thư mật', secrecy: 'mat', text: 'MẬT' });
    const r = await invoke(handler, { method: 'POST', path: IN, token: tokens.clerk, body: incomingBody(DAY, { secrecy: 'mat', scanId }) });
    expect(r.status).toBe(201);
    expect(r.body.scanId).toBe(scanId);
  });
});
