/**
 * The printable registers (NĐ30 Phụ lục IV; domain.md e): the legal columns with their
 * Vietnamese headers (as the bound paper books print them), and how an entry fills them. The export adapter only lays them out.
 */
import type { DomainConfig } from '../../office';
import { localDate } from '../../office';
import type { IncomingEntry, OutgoingEntry, RegisterName } from './model';
import { secrecyName } from './rules';

export interface PrintColumn {
  header: string;
  /** Width in characters, for A4 landscape. */
  width: number;
  /** Holds a number (số đến, số lượng bản): a numeric cell in a spreadsheet. */
  numeric?: boolean;
}

export interface PrintableSheet {
  /** Worksheet name (≤ 31 characters). */
  name: string;
  title: string;
  subtitle: string;
  columns: PrintColumn[];
  rows: string[][];
}

export const INCOMING_COLUMNS: PrintColumn[] = [
  { header: 'Ngày đến', width: 11 },
  { header: 'Số đến', width: 7, numeric: true },
  { header: 'Tác giả', width: 20 },
  { header: 'Số, ký hiệu', width: 16 },
  { header: 'Ngày VB', width: 11 },
  { header: 'Tên loại và trích yếu', width: 40 },
  { header: 'Đơn vị/người nhận', width: 18 },
  { header: 'Ngày chuyển', width: 11 },
  { header: 'Ký nhận', width: 10 },
  { header: 'Ghi chú', width: 18 },
];

export const OUTGOING_COLUMNS: PrintColumn[] = [
  { header: 'Số, ký hiệu', width: 16 },
  { header: 'Ngày', width: 11 },
  { header: 'Tên loại và trích yếu', width: 40 },
  { header: 'Người ký', width: 16 },
  { header: 'Nơi nhận', width: 22 },
  { header: 'Nơi lưu', width: 14 },
  { header: 'Số lượng bản', width: 8, numeric: true },
  { header: 'Ngày chuyển', width: 11 },
  { header: 'Ký nhận', width: 10 },
  { header: 'Ghi chú', width: 18 },
];

const URGENCY_NAMES = { khan: 'Khẩn', 'thuong-khan': 'Thượng khẩn', 'hoa-toc': 'Hỏa tốc' } as const;

/** dd/mm/yyyy, as dates are written in Vietnamese registers. */
export function viDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

const join = (parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join('; ');

/** One printed row of the sổ văn bản đến. */
export function incomingRow(e: IncomingEntry, config: DomainConfig): string[] {
  const tz = config.office.timeZone;
  return [
    viDate(e.arrivalDate),
    String(e.arrivalNumber),
    e.issuer,
    e.parsedNumberSymbol?.canonical ?? e.numberSymbol,
    viDate(e.documentDate),
    `${e.typeName} ${e.subject}`,
    join([e.handler, ...e.recipients]),
    e.assignedAt ? viDate(localDate(new Date(e.assignedAt), tz)) : '',
    '',
    join([
      e.secrecy && secrecyName(e.secrecy),
      e.urgency && URGENCY_NAMES[e.urgency],
      e.dueDate && `Hạn: ${viDate(e.dueDate)}`,
      e.duplicateOf && 'Đăng ký lại',
      e.note,
    ]),
  ];
}

/** One printed row of the sổ văn bản đi; a void number stays, marked "HỦY SỐ". */
export function outgoingRow(e: OutgoingEntry, config: DomainConfig): string[] {
  const tz = config.office.timeZone;
  return [
    e.numberSymbol,
    viDate(e.documentDate),
    `${e.typeName} ${e.subject}`,
    e.signer,
    e.recipients.join('; '),
    e.filing ?? '',
    e.copies == null ? '' : String(e.copies),
    '',
    '',
    join([
      e.status === 'void' && `HỦY SỐ ngày ${viDate(localDate(new Date(e.voidedAt!), tz))}${e.voidReason ? `: ${e.voidReason}` : ''}`,
      e.secrecy && secrecyName(e.secrecy),
      e.urgency && URGENCY_NAMES[e.urgency],
      e.note,
    ]),
  ];
}

/** The sheets of a printable register for a year: one per book (the secret book apart), in number order. */
export function printableRegister(register: RegisterName, year: number, entries: (IncomingEntry | OutgoingEntry)[], config: DomainConfig): PrintableSheet[] {
  const office = config.office.name.toUpperCase();
  if (register === 'outgoing') {
    const rows = (entries as OutgoingEntry[]).map((e) => outgoingRow(e, config));
    return [{ name: `So VB di ${year}`, title: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', subtitle: `${office} — Năm ${year}`, columns: OUTGOING_COLUMNS, rows }];
  }
  const incoming = entries as IncomingEntry[];
  const books = [...new Set(incoming.map((e) => e.book))].sort((a, b) => (a === 'normal' ? -1 : b === 'normal' ? 1 : 0));
  if (books.length === 0) books.push('normal');
  return books.map((book) => ({
    name: book === 'secret' ? `So VB den mat ${year}` : `So VB den ${year}`,
    title: book === 'secret' ? 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN (MẬT)' : 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN',
    subtitle: `${office} — Năm ${year}`,
    columns: INCOMING_COLUMNS,
    rows: incoming.filter((e) => e.book === book).map((e) => incomingRow(e, config)),
  }));
}
