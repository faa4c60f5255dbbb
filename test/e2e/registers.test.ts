/** The registers as a user meets them over HTTP on `npm start`, and a bad configuration stopping the start. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startOffice, type Office } from '../support/e2e';

describe('a bad config/domain.json', () => {
  it('stops npm start with a message naming the file and the line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'daumoi-e2e-config-'));
    const lines = readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"defaultScope"'));
    lines[at] = lines[at]!.replace('"term"', '"decade"');
    const file = path.join(dir, 'domain.json');
    writeFileSync(file, lines.join('\n'));
    await expect(startOffice({ dataDir: dir, env: { DAUMOI_DOMAIN_CONFIG: file } })).rejects.toThrow(new RegExp(`could not start: ${file.replace(/[/.]/g, '\\$&')} line ${at + 1}, column \\d+: numbering\\.defaultScope`));
    removeDir(dir);
  });
});

describe('registers over HTTP', () => {
  let office: Office;
  let token: string;
  beforeAll(async () => {
    office = await startOffice();
    token = office.token('vanthu');
  });
  afterAll(async () => {
    await office.stop();
    removeDir(office.dataDir);
  });

  const call = (method: string, p: string, body?: unknown) =>
    fetch(`${office.url}${p}`, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

  it('registers letters, numbers an outgoing document and prints the register as XLSX', async () => {
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    const year = today.slice(0, 4);
    const first = await call('POST', '/v1/registers/incoming/entries', { numberSymbol: '10-NQ/TU', documentDate: today, issuer: 'Tỉnh ủy Hưng Yên', typeCode: 'NQ', subject: 'về chuyển đổi số', secrecy: null });
    expect(first.status).toBe(201);
    const entry = (await first.json()) as { arrivalNumber: number; id: string; version: number };
    expect(entry.arrivalNumber).toBe(1);
    const again = await call('POST', '/v1/registers/incoming/entries', { numberSymbol: 'Số 10 - NQ/TU', documentDate: today, issuer: 'TỈNH ỦY HƯNG YÊN', typeCode: 'NQ', subject: 'về chuyển đổi số', secrecy: null });
    expect(again.status).toBe(409);

    const out = await call('POST', '/v1/registers/outgoing/entries', { typeCode: 'CV', issuerCode: 'VPTU', subject: 'V/v chuẩn bị hội nghị', signer: 'Trần Thị B', secrecy: null });
    expect(out.status).toBe(201);
    expect(((await out.json()) as { numberSymbol: string }).numberSymbol).toBe('1-CV/VPTU');

    const x = await call('GET', `/v1/registers/incoming/export?year=${year}`);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await x.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(4).getCell(2).value).toBe('Số đến');
    expect(ws.getRow(5).getCell(4).value).toBe('10-NQ/TU');
  });
});
