/**
 * Scanned letters end to end against `npm start`: upload through the presigned URL, OCR by the
 * embedded pipeline (s3rver event → the OCR worker → tesseract.js vie), the register proposal,
 * and search with and without diacritics, by number-symbol, and under the clearance filter.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startOffice, type Office } from '../support/e2e';
import { SCANS } from '../support/fixtures';

const FIXTURES = SCANS;
const truth = (id: string) => JSON.parse(readFileSync(path.join(FIXTURES, `${id}.json`), 'utf8')) as { numberSymbol: string; typeCode: string; date: string; issuerCode: string };

let office: Office;
const tokens: Record<string, string> = {};
const api = async (method: string, p: string, token: string, body?: unknown) => {
  const r = await fetch(`${office.url}${p}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: r.status, body: (await r.json()) as any };
};

/** Starts a scan, PUTs the fixture to the presigned URL and waits until OCR has finished; returns the scan and the seconds it took. */
async function uploadAndRead(file: string, contentType: string): Promise<{ scan: any; seconds: number }> {
  const bytes = readFileSync(path.join(FIXTURES, file));
  const created = await api('POST', '/v1/scans', tokens.vanthu!, { fileName: file, contentType, size: bytes.length });
  expect(created.status).toBe(201);
  const t0 = Date.now();
  const put = await fetch(created.body.uploadUrl, { method: 'PUT', headers: created.body.headers, body: bytes });
  expect(put.status).toBe(200);
  for (;;) {
    const r = await api('GET', `/v1/scans/${created.body.scanId}`, tokens.vanthu!);
    if (!['awaiting-upload', 'processing'].includes(r.body.status)) return { scan: r.body, seconds: (Date.now() - t0) / 1000 };
    if (Date.now() - t0 > 60_000) throw new Error(`scan of ${file} still ${r.body.status} after 60 s`);
    await new Promise((res) => setTimeout(res, 250));
  }
}

const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((i) => i.id);
/** Search follows the registers from the Data table's stream, within seconds: asks until `ready` holds or 5 s pass. */
const searchUntil = async (q: string, token: string, ready: (found: string[]) => boolean) => {
  const deadline = Date.now() + 5000;
  for (;;) {
    const r = await api('GET', `/v1/search?q=${encodeURIComponent(q)}`, token);
    if (r.status !== 200 || ready(ids(r)) || Date.now() > deadline) return r;
    await new Promise((res) => setTimeout(res, 100));
  }
};

beforeAll(async () => {
  office = await startOffice();
  for (const u of ['vanthu', 'chuyenvien', 'chuyenvien2']) tokens[u] = office.token(u);
});
afterAll(async () => {
  await office.stop();
  removeDir(office.dataDir);
});

describe('scanned letters, embedded', () => {
  let directive: { scan: any; seconds: number };
  let secretLetter: { scan: any; seconds: number };

  beforeAll(async () => {
    [directive, secretLetter] = await Promise.all([uploadAndRead('s1-012.pdf', 'application/pdf'), uploadAndRead('s1-010.png', 'image/png')]);
  });

  it('reads an uploaded two-page PDF to done within 30 s, with the right fields', () => {
    const t = truth('s1-012');
    expect(directive.scan.status).toBe('done');
    expect(directive.seconds).toBeLessThan(30);
    expect(directive.scan.pages).toBe(2);
    expect(directive.scan.fields.numberSymbol.value).toBe(t.numberSymbol);
    expect(directive.scan.fields.typeCode.value).toBe(t.typeCode);
    expect(directive.scan.fields.documentDate.value).toBe(t.date);
    expect(directive.scan.fields.issuerCode.value).toBe(t.issuerCode);
    expect(directive.scan.text.length).toBeGreaterThan(500);
  });

  it('registers it in the sổ văn bản đến, linked to the scan', async () => {
    const r = await api('POST', `/v1/scans/${directive.scan.scanId}/register`, tokens.vanthu!, {});
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ register: 'incoming', numberSymbol: truth('s1-012').numberSymbol, scanId: directive.scan.scanId, arrivalNumber: expect.any(Number) });
    directive.scan.entryId = r.body.id;
    expect((await api('GET', `/v1/scans/${directive.scan.scanId}`, tokens.vanthu!)).body.entryId).toBe(r.body.id);
    expect((await api('GET', `/v1/registers/incoming/entries/${r.body.id}`, tokens.chuyenvien!)).body.scanId).toBe(directive.scan.scanId);
  });

  it('finds it with "van thu luu tru" (no diacritics) and by its number-symbol', async () => {
    const words = await searchUntil('van thu luu tru', tokens.chuyenvien!, (found) => found.includes(directive.scan.entryId));
    expect(words.status).toBe(200);
    expect(ids(words)).toContain(directive.scan.entryId);
    expect(words.body.items[0].id).toBe(directive.scan.entryId);
    const byNumber = await api('GET', `/v1/search?q=${encodeURIComponent(truth('s1-012').numberSymbol)}`, tokens.chuyenvien!);
    expect(ids(byNumber)).toEqual([directive.scan.entryId]);
  });

  it('does not show a Mật letter to a user without clearance', async () => {
    const t = truth('s1-010');
    expect(secretLetter.scan).toMatchObject({ status: 'done', secrecy: 'mat' });
    expect(secretLetter.scan.fields.numberSymbol.value).toBe(t.numberSymbol);
    const r = await api('POST', `/v1/scans/${secretLetter.scan.scanId}/register`, tokens.vanthu!, {});
    expect(r.status).toBe(201);
    expect(r.body.secrecy).toBe('mat');
    const q = `/v1/search?q=${encodeURIComponent(t.numberSymbol)}`;
    expect(ids(await searchUntil(t.numberSymbol, tokens.chuyenvien!, (found) => found.includes(r.body.id)))).toEqual([r.body.id]);
    expect(ids(await api('GET', q, tokens.chuyenvien2!))).toEqual([]);
    expect(ids(await api('GET', `/v1/search?q=${encodeURIComponent('ngay truyen thong van phong cap uy')}`, tokens.chuyenvien2!))).not.toContain(r.body.id);
    expect((await api('GET', `/v1/scans/${secretLetter.scan.scanId}`, tokens.chuyenvien2!)).status).toBe(404);
  });

  it('the OCR thread killed mid-page: another starts and the scan is read to the end', async () => {
    const bytes = readFileSync(path.join(FIXTURES, 's1-012.pdf'));
    const created = await api('POST', '/v1/scans', tokens.vanthu!, { fileName: 's1-012.pdf', contentType: 'application/pdf', size: bytes.length });
    expect(created.status).toBe(201);
    const scanId = created.body.scanId as string;
    const put = await fetch(created.body.uploadUrl, { method: 'PUT', headers: created.body.headers, body: bytes });
    expect(put.status).toBe(200);
    const status = async () => (await api('GET', `/v1/scans/${scanId}`, tokens.vanthu!)).body;
    const t0 = Date.now();
    while ((await status()).status !== 'processing' && Date.now() - t0 < 30_000) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500)); // well into the first page
    const kill = await fetch(`${office.url}/_local/ocr/kill`, { method: 'POST' });
    expect(kill.status).toBe(200);
    expect(await kill.json()).toEqual({ killed: true, eventsInFlight: 1 });
    expect((await status()).status).toBe('processing');
    let scan = await status();
    while (scan.status === 'processing' && Date.now() - t0 < 90_000) {
      await new Promise((r) => setTimeout(r, 250));
      scan = await status();
    }
    expect(scan).toMatchObject({ status: 'done', pages: 2 });
    expect(scan.fields.numberSymbol.value).toBe(truth('s1-012').numberSymbol);
    expect(office.output()).toMatch(/the OCR thread ended; starting another/);
  });

  it('the OCR thread follows the office clock when a test moves it', async () => {
    const moved = await fetch(`${office.url}/_local/clock`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: '2079-06-03T02:00:00.000Z' }) });
    expect(moved.status).toBe(204);
    try {
      const { scan } = await uploadAndRead('s1-003.png', 'image/png');
      expect(scan.status).toBe('done');
      expect(scan.createdAt.slice(0, 4)).toBe('2079'); // the API's clock
      expect(scan.updatedAt.slice(0, 4)).toBe('2079'); // the OCR thread's
    } finally {
      await fetch(`${office.url}/_local/clock`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: null }) });
    }
  });
});
