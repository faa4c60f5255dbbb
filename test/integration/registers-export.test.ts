/**
 * The printable registers read back: the XLSX opens with the legal columns and every entry
 * of the year, in order, one sheet per book; the CSV carries the same rows.
 * Years used by this file: 2034 (and 2043 for a fresh outgoing term).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { INCOMING_COLUMNS, OUTGOING_COLUMNS } from '../../shared/registers/domain/printable';
import type { IncomingEntry, OutgoingEntry } from '../../shared/registers/domain/model';
import { incomingBody, oneTo, outgoingBody, testConfig, useServices, vnClock } from './registers-support';

useEmbeddedEnv();
const { composed } = await import('../support/parts');
const handler = await composed('registers');
const exportsHandler = await composed('exports');

const HEADER_ROW = 4;
const tokens: Record<string, string> = {};
const incoming: IncomingEntry[] = [];
const outgoing: OutgoingEntry[] = [];
const config = testConfig((c) => c.numbering.terms.push({ id: '2043-2048', label: 'Nhiệm kỳ 2043–2048', start: '2043-01-05' }));

async function workbook(base64: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}
const dataRows = (ws: ExcelJS.Worksheet) => (ws.getSheetValues().slice(HEADER_ROW + 1) as unknown[][]).map((r) => r.slice(1));

beforeAll(async () => {
  for (const u of ['vanthu', 'chuyenvien2']) tokens[u] = await tokenFor(u);
  useServices({ clock: vnClock('2034-05-02T08:00:00') });
  for (const i of oneTo(45)) {
    const secrecy = i % 15 === 0 ? 'mat' : null;
    const r = await invoke(handler, { method: 'POST', path: '/v1/registers/incoming/entries', token: tokens.vanthu, body: incomingBody('2034-04-28', { secrecy, urgency: i === 3 ? 'khan' : null, ...(i === 5 ? { handler: 'chuyenvien' } : {}) }) });
    expect(r.status).toBe(201);
    incoming.push(r.body);
  }
  useServices({ clock: vnClock('2043-03-02T08:00:00'), domainConfig: config });
  for (const i of oneTo(12)) {
    const r = await invoke(handler, { method: 'POST', path: '/v1/registers/outgoing/entries', token: tokens.vanthu, body: outgoingBody({ typeCode: i % 2 ? 'NQ' : 'KL', subject: `về nội dung ${i}`, filing: 'Lưu VT' }) });
    expect(r.status).toBe(201);
    outgoing.push(r.body);
  }
  const v = await invoke(handler, { method: 'POST', path: `/v1/registers/outgoing/entries/${outgoing[3]!.id}/void`, token: tokens.vanthu, body: { reason: 'Ban hành nhầm', version: 1 } });
  expect(v.status).toBe(200);
});
afterAll(() => useServices());

describe('XLSX export of the incoming register', () => {
  it('opens with the legal columns and every entry of the year, normal and secret books apart, in số đến order', async () => {
    const r = await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/incoming/export', token: tokens.vanthu, query: { year: '2034', format: 'xlsx' } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(r.headers['content-disposition']).toBe('attachment; filename="so-van-ban-den-2034.xlsx"');
    const wb = await workbook(r.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['So VB den 2034', 'So VB den mat 2034']);
    const [normal, secret] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    for (const ws of [normal, secret]) {
      expect((ws.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(INCOMING_COLUMNS.map((c) => c.header));
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` });
    }
    expect(normal.getCell(1, 1).value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN');
    expect(secret.getCell(1, 1).value).toBe('SỔ ĐĂNG KÝ VĂN BẢN ĐẾN (MẬT)');

    const rows = dataRows(normal);
    const expected = incoming.filter((e) => e.book === 'normal');
    expect(rows).toHaveLength(42);
    expect(rows.map((row) => row[1])).toEqual(oneTo(42));
    expect(rows.map((row) => row[3])).toEqual(expected.map((e) => e.numberSymbol));
    expect(rows[0]!.slice(0, 6)).toEqual(['02/05/2034', 1, 'Văn phòng Tỉnh ủy', expected[0]!.numberSymbol, '28/04/2034', `Công văn ${expected[0]!.subject}`]);
    const assigned = rows[expected.findIndex((e) => e.handler === 'chuyenvien')]!;
    expect(assigned[6]).toBe('chuyenvien');
    expect(assigned[7]).toBe('02/05/2034');
    expect(rows[2]![9]).toMatch(/^Khẩn; Hạn: /);

    const secretRows = dataRows(secret);
    expect(secretRows.map((row) => row[1])).toEqual([1, 2, 3]);
    expect(secretRows.every((row) => String(row[9]).startsWith('Mật'))).toBe(true);
  });

  it('a viewer without clearance gets the normal book only', async () => {
    const r = await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/incoming/export', token: tokens.chuyenvien2, query: { year: '2034' } });
    const wb = await workbook(r.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['So VB den 2034']);
    expect(dataRows(wb.worksheets[0]!)).toHaveLength(42);
  });

  it('an empty year still prints the headers', async () => {
    const r = await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/incoming/export', token: tokens.vanthu, query: { year: '1999' } });
    const wb = await workbook(r.body);
    expect(wb.worksheets).toHaveLength(1);
    expect((wb.worksheets[0]!.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(INCOMING_COLUMNS.map((c) => c.header));
    expect(dataRows(wb.worksheets[0]!)).toHaveLength(0);
  });
});

describe('exports of the outgoing register', () => {
  it('XLSX: legal columns, every number of the year, the void one marked', async () => {
    const r = await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/outgoing/export', token: tokens.vanthu, query: { year: '2043', format: 'xlsx' } });
    const wb = await workbook(r.body);
    const ws = wb.worksheets[0]!;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['So VB di 2043']);
    expect((ws.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(OUTGOING_COLUMNS.map((c) => c.header));
    const rows = dataRows(ws);
    expect(rows.map((row) => row[0])).toEqual(outgoing.map((e) => e.numberSymbol));
    expect(rows.map((row) => row[0])).toEqual(['1-NQ/TU', '1-KL/TU', '2-NQ/TU', '2-KL/TU', '3-NQ/TU', '3-KL/TU', '4-NQ/TU', '4-KL/TU', '5-NQ/TU', '5-KL/TU', '6-NQ/TU', '6-KL/TU']);
    expect(rows[0]!.slice(0, 7)).toEqual(['1-NQ/TU', '02/03/2043', 'Nghị quyết về nội dung 1', 'Nguyễn Văn A', 'Các huyện ủy, thành ủy; Lưu VT', 'Lưu VT', 40]);
    expect(rows[3]![9]).toBe('HỦY SỐ ngày 02/03/2043: Ban hành nhầm');
  });

  it('CSV: BOM, the legal headers and the same rows', async () => {
    const r = await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/outgoing/export', token: tokens.vanthu, query: { year: '2043', format: 'csv' } });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = r.body as string;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Số, ký hiệu",Ngày,Tên loại và trích yếu,Người ký,Nơi nhận,Nơi lưu,Số lượng bản,Ngày chuyển,Ký nhận,Ghi chú');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(outgoing.map((e) => e.numberSymbol));
  });

  it('an unknown register or format is a 400', async () => {
    expect((await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/outgoing/export', token: tokens.vanthu, query: { format: 'pdf' } })).status).toBe(400);
    expect((await invoke(exportsHandler, { method: 'GET', path: '/v1/registers/archive/export', token: tokens.vanthu })).status).toBe(400);
  });
});
