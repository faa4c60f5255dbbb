/**
 * Linking a scan to an incoming entry (`scanId` in POST /v1/registers/incoming/entries, and
 * POST /v1/scans/{id}/register): the scan must exist and be the caller's to see, be read
 * (`done`) and not linked yet; the entry is at least as secret as what OCR read on the scan,
 * unless an office leader (lãnh đạo văn phòng) lowers it with `secrecyLoweredReason` (audited);
 * the scan takes the entry's secrecy. Entry, link and audit events are one transaction: a refused
 * link stores nothing, and two clerks linking one scan at once make one entry.
 * Years: entries here arrive in 2061.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { readScan } from '../support/read-scan';
import { tokenWith, useServices, vnClock } from './registers-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const registers = await composed('registers');
const scans = await composed('scans');
const search = await composed('search');
const audit = await composed('audit');
const { officeParts } = await import('../support/parts');
// Search indexing follows the Data table's stream, as in the office: this process reads it.
const { startSearchIndexing } = await import('../../local/plugins/search-indexer');
const indexing = await startSearchIndexing();
afterAll(() => indexing.stop());

const IN = '/v1/registers/incoming/entries';
const tokens = {} as Record<'vanthu' | 'chuyenvien2' | 'bithu' | 'admin' | 'clerkNone' | 'leaderClerk' | 'topAdmin', string>;

beforeAll(async () => {
  useServices({ clock: vnClock('2061-04-01T09:00:00') });
  for (const u of ['vanthu', 'chuyenvien2', 'bithu', 'admin'] as const) tokens[u] = await tokenFor(u);
  tokens.clerkNone = await tokenWith('vanthu-none', ['van-thu'], 'none');
  tokens.leaderClerk = await tokenWith('chanhvp-vanthu', ['van-thu', 'lanh-dao-vp'], 'toi-mat');
  tokens.topAdmin = await tokenWith('admin-top', ['admin'], 'tuyet-mat');
});
afterAll(() => useServices());

let serial = randomInt(1000, 900_000);
/** A Mật (or other) letter read by OCR, with a word found only in its text. */
async function letter(secrecy: 'mat' | null, word: string) {
  const numberSymbol = `${++serial}-CV/ĐU`;
  const scanId = await readScan({ numberSymbol, subject: `về việc ${word}`, secrecy, text: `CÔNG VĂN ${secrecy ? 'MẬT' : ''} nội dung ${word} chỉ có trong văn bản` });
  const body = (over: Record<string, unknown> = {}) => ({ numberSymbol, documentDate: '2024-03-01', issuer: 'Đảng ủy phường Phú Hội', typeCode: 'CV', subject: `về việc ${word}`, scanId, ...over });
  return { scanId, numberSymbol, body };
}
const scanOf = async (scanId: string, token: string = tokens.bithu) => (await invoke(scans, { method: 'GET', path: `/v1/scans/${scanId}`, token })).body;
const entriesOf = async (numberSymbol: string) =>
  (await invoke(registers, { method: 'GET', path: IN, token: tokens.bithu, query: { year: '2061', limit: '200' } })).body.items.filter((e: { numberSymbol: string }) => e.numberSymbol === numberSymbol);
const found = async (token: string, q: string) => (await invoke(search, { method: 'GET', path: '/v1/search', token, query: { q } })).body.items.map((i: { id: string }) => i.id);

describe('scanId on a registration', () => {
  it('a Mật scan linked with secrecy null is refused and nothing is stored; linked as Mật it is hidden from a searcher without clearance', async () => {
    const l = await letter('mat', 'quocphongmatma');
    const refused = await invoke(registers, { method: 'POST', path: IN, token: tokens.vanthu, body: l.body({ secrecy: null }) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ path: 'body.secrecy' })]);
    expect(await entriesOf(l.numberSymbol)).toEqual([]);
    expect((await scanOf(l.scanId)).entryId).toBeNull();
    const viaScan = await invoke(scans, { method: 'POST', path: `/v1/scans/${l.scanId}/register`, token: tokens.vanthu, body: { secrecy: null } });
    expect(viaScan.status).toBe(400);
    expect(await entriesOf(l.numberSymbol)).toEqual([]);

    const ok = await invoke(registers, { method: 'POST', path: IN, token: tokens.vanthu, body: l.body({ secrecy: 'mat' }) });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ secrecy: 'mat', scanId: l.scanId, book: 'secret' });
    expect(await scanOf(l.scanId)).toMatchObject({ entryId: ok.body.id, secrecy: 'mat' });
    await indexing.drained();
    expect(await found(tokens.bithu, 'quocphongmatma')).toEqual([ok.body.id]);
    expect(await found(tokens.chuyenvien2, 'quocphongmatma')).toEqual([]);
  });

  it('a scan that does not exist is a 404 and stores nothing; a linked scan cannot be linked again (409)', async () => {
    const missing = await invoke(registers, { method: 'POST', path: IN, token: tokens.vanthu, body: (await letter(null, 'khongtontai')).body({ secrecy: null, scanId: '01NOSUCHSCAN0000000000000' }) });
    expect(missing.status).toBe(404);
    const l = await letter(null, 'lienketmotlan');
    const first = await invoke(registers, { method: 'POST', path: IN, token: tokens.vanthu, body: l.body({ secrecy: null }) });
    expect(first.status).toBe(201);
    const second = await invoke(registers, { method: 'POST', path: IN, token: tokens.vanthu, body: l.body({ secrecy: null, numberSymbol: `${++serial}-CV/ĐU` }) });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('ALREADY_REGISTERED');
    // The scan's own route still answers the entry it made (idempotent for that scan).
    const again = await invoke(scans, { method: 'POST', path: `/v1/scans/${l.scanId}/register`, token: tokens.vanthu, body: {} });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('a clerk without clearance cannot link a Mật scan, whatever secrecy they give', async () => {
    const l = await letter('mat', 'khongduocxem');
    expect((await invoke(registers, { method: 'POST', path: IN, token: tokens.clerkNone, body: l.body({ secrecy: null }) })).status).toBe(400);
    expect((await invoke(registers, { method: 'POST', path: IN, token: tokens.clerkNone, body: l.body({ secrecy: 'mat' }) })).status).toBe(403);
    expect(await entriesOf(l.numberSymbol)).toEqual([]);
    expect((await scanOf(l.scanId)).entryId).toBeNull();
    // Once a cleared clerk registers it, the clerk without clearance still sees the scan's summary, not its entry.
    const made = await invoke(registers, { method: 'POST', path: IN, token: tokens.vanthu, body: l.body({ secrecy: 'mat' }) });
    expect(made.status).toBe(201);
    const summary = await scanOf(l.scanId, tokens.clerkNone);
    expect(summary).toMatchObject({ status: 'done', text: null, fields: {}, entryId: null });
    expect(JSON.stringify(summary)).not.toContain(made.body.id);
  });

  it('an office leader may lower it with a reason, audited; a clerk may not', async () => {
    const l = await letter('mat', 'dagiaimat');
    const clerk = await invoke(registers, { method: 'POST', path: IN, token: tokens.vanthu, body: l.body({ secrecy: null, secrecyLoweredReason: 'Đã giải mật' }) });
    expect(clerk.status).toBe(403);
    const reason = 'Văn bản đã được giải mật theo Quyết định 12-QĐ/TU';
    const leader = await invoke(registers, { method: 'POST', path: IN, token: tokens.leaderClerk, body: l.body({ secrecy: null, secrecyLoweredReason: reason }) });
    expect(leader.status).toBe(201);
    expect(leader.body.secrecy).toBeNull();
    expect(await scanOf(l.scanId, tokens.chuyenvien2)).toMatchObject({ entryId: leader.body.id, secrecy: null });
    const events = (await invoke(audit, { method: 'GET', path: '/v1/audit', token: tokens.topAdmin, query: { entityId: l.scanId } })).body.items;
    expect(events).toEqual([
      expect.objectContaining({ action: 'scan.link', before: expect.objectContaining({ secrecy: 'mat', entryId: null }), after: expect.objectContaining({ secrecy: null, entryId: leader.body.id, secrecyLowered: { from: 'mat', reason } }) }),
    ]);
    // An admin without clearance sees nothing of it: the event names the Mật level it came from.
    expect((await invoke(audit, { method: 'GET', path: '/v1/audit', token: tokens.admin, query: { entityId: l.scanId } })).body.items).toEqual([]);
    // A reason without lowering anything is a mistake in the request.
    const plain = await letter(null, 'khonghamuc');
    expect((await invoke(registers, { method: 'POST', path: IN, token: tokens.leaderClerk, body: plain.body({ secrecy: null, secrecyLoweredReason: 'x' }) })).status).toBe(400);
  });

  it('linking raises the scan to the entry’s secrecy: its text is then hidden from those below it', async () => {
    const l = await letter(null, 'nangdomat');
    expect((await scanOf(l.scanId, tokens.chuyenvien2)).text).toContain('nangdomat');
    const r = await invoke(registers, { method: 'POST', path: IN, token: tokens.vanthu, body: l.body({ secrecy: 'mat' }) });
    expect(r.status).toBe(201);
    expect((await invoke(scans, { method: 'GET', path: `/v1/scans/${l.scanId}`, token: tokens.chuyenvien2 })).status).toBe(404);
    await indexing.drained();
    expect(await found(tokens.bithu, 'nangdomat')).toEqual([r.body.id]);
    expect(await found(tokens.chuyenvien2, 'nangdomat')).toEqual([]);
  });

  it('two clerks linking one scan at once make one entry', async () => {
    const l = await letter(null, 'haivanthu');
    const [a, b] = await Promise.all([
      invoke(registers, { method: 'POST', path: IN, token: tokens.vanthu, body: l.body({ secrecy: null }) }),
      invoke(registers, { method: 'POST', path: IN, token: tokens.leaderClerk, body: l.body({ secrecy: null, numberSymbol: `${++serial}-CV/ĐU` }) }),
    ]);
    expect([a.status, b.status]).toContain(201);
    expect([a.status, b.status].filter((s) => s === 201)).toHaveLength(1);
    expect([a.status, b.status].find((s) => s !== 201)).toBe(409);
    const made = [a, b].find((r) => r.status === 201)!.body;
    expect((await scanOf(l.scanId)).entryId).toBe(made.id);
    const all = (await invoke(registers, { method: 'GET', path: IN, token: tokens.bithu, query: { year: '2061', limit: '200' } })).body.items;
    expect(all.filter((e: { scanId: string | null }) => e.scanId === l.scanId)).toHaveLength(1);
  });
});
