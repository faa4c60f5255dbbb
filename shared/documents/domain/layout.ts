/**
 * The layout of an issued Party document (Hướng dẫn 36-HD/VPTW, domain.md (d)): which text
 * goes where on A4 pages, in points from the page's top-left corner. Pure: text widths come
 * from the `measure` function the renderer passes (the embedded font's metrics).
 */

export const MM = 72 / 25.4;
export const A4 = { width: 595.28, height: 841.89 } as const;
/** 36-HD margins [P]: top 20, bottom 20, left 30, right 15 mm. */
export const MARGINS = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;

export type Style = 'regular' | 'bold' | 'italic' | 'bold-italic';
export type Zone = 'secrecy' | 'urgency' | 'issuer' | 'party' | 'number' | 'subject-cv' | 'date' | 'title' | 'subject' | 'addressee' | 'body' | 'signing' | 'signer' | 'recipients';
export type SigningForm = 'direct' | 'T/M' | 'K/T' | 'T/L' | 'T/UQ';

export interface IssuedDocument {
  /** The issuing body's header: its superior (14pt) over its name (14pt bold), then "*". */
  header: { superior?: string; name: string };
  numberSymbol: string;
  place: string;
  /** YYYY-MM-DD. */
  documentDate: string;
  typeName: string;
  /** Whether the type carries a tên loại heading (Công văn does not: "V/v" under the number). */
  hasTitle: boolean;
  subject: string;
  /** "Kính gửi:" line for CV/TTr. */
  addressees?: string[];
  /** Paragraphs of the body. */
  body: string[];
  signing: { form: SigningForm; on?: string; title: string; signer: string };
  recipients: string[];
  filing: string | null;
  secrecy: 'mat' | 'toi-mat' | 'tuyet-mat' | null;
  urgency: 'khan' | 'thuong-khan' | 'hoa-toc' | null;
}

export interface TextBlock {
  page: number;
  zone: Zone;
  text: string;
  /** Left edge of the line (after alignment) and the baseline, points from the top-left. */
  x: number;
  y: number;
  size: number;
  style: Style;
  underline?: boolean;
}

export interface Box {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DocumentLayout {
  pages: number;
  blocks: TextBlock[];
  /** Where the visible signature goes: in the signing block, between the title and the name. */
  signatureBox: Box;
}

export type Measure = (text: string, size: number, style: Style) => number;

export const SECRECY_MARKS = { mat: 'MẬT', 'toi-mat': 'TỐI MẬT', 'tuyet-mat': 'TUYỆT MẬT' } as const;
export const URGENCY_MARKS = { khan: 'KHẨN', 'thuong-khan': 'THƯỢNG KHẨN', 'hoa-toc': 'HỎA TỐC' } as const;

/** "Hưng Yên, ngày 06 tháng 02 năm 2026": days 1–9 and months 1–2 take a leading 0 (domain.md (d) 4). */
export function placeAndDate(place: string, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const day = String(d).padStart(2, '0');
  const month = m <= 2 ? String(m).padStart(2, '0') : String(m);
  return `${place}, ngày ${day} tháng ${month} năm ${y}`;
}

/** The lines of the signing block: the form with its collective ("T/M BAN THƯỜNG VỤ"), the title. */
export function signingLines(s: IssuedDocument['signing']): string[] {
  if (s.form === 'direct') return [s.title];
  if (s.form === 'K/T') return [`K/T ${s.on ?? ''}`.trim(), s.title];
  return [`${s.form} ${s.on ?? ''}`.trim(), s.title];
}

/** Splits a text into lines no wider than `width` (words kept whole unless one alone is wider). */
export function wrap(text: string, width: number, size: number, style: Style, measure: Measure, firstIndent = 0): string[] {
  const words = text.normalize('NFC').split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    const avail = lines.length === 0 ? width - firstIndent : width;
    if (line && measure(next, size, style) > avail) {
      lines.push(line);
      line = w;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const LEADING = 1.25;

/** Lays out the document: header columns, tên loại and trích yếu, body, signing block and Nơi nhận. */
export function layoutDocument(doc: IssuedDocument, measure: Measure): DocumentLayout {
  const blocks: TextBlock[] = [];
  const left = MARGINS.left;
  const textWidth = A4.width - MARGINS.left - MARGINS.right;
  const bottom = A4.height - MARGINS.bottom;
  let page = 0;
  const col = { left: { x: left, w: textWidth * 0.45 }, right: { x: left + textWidth * 0.45, w: textWidth * 0.55 } };

  const centred = (zone: Zone, text: string, y: number, size: number, style: Style, c: { x: number; w: number }, underline = false): number => {
    let yy = y;
    for (const line of wrap(text, c.w, size, style, measure)) {
      const x = c.x + (c.w - measure(line, size, style)) / 2;
      blocks.push({ page, zone, text: line, x, y: yy, size, style, ...(underline ? { underline } : {}) });
      yy += size * LEADING;
    }
    return yy;
  };
  const atLeft = (zone: Zone, text: string, y: number, size: number, style: Style, x: number, w: number, indent = 0): number => {
    let yy = y;
    wrap(text, w, size, style, measure, indent).forEach((line, i) => {
      if (yy > bottom) {
        page += 1;
        yy = MARGINS.top + size;
      }
      blocks.push({ page, zone, text: line, x: x + (i === 0 ? indent : 0), y: yy, size, style });
      yy += size * LEADING;
    });
    return yy;
  };

  // Header, left column: superior, issuing body (bold), "*", number, (công văn) V/v, marks.
  let yl = MARGINS.top + 14;
  if (doc.header.superior) yl = centred('issuer', doc.header.superior, yl, 14, 'regular', col.left);
  yl = centred('issuer', doc.header.name, yl, 14, 'bold', col.left);
  yl = centred('issuer', '*', yl, 14, 'regular', col.left);
  yl = centred('number', `Số ${doc.numberSymbol}`, yl, 14, 'regular', col.left);
  if (!doc.hasTitle) yl = centred('subject-cv', `V/v ${doc.subject}`, yl, 12, 'italic', col.left);
  if (doc.secrecy) yl = centred('secrecy', SECRECY_MARKS[doc.secrecy], yl + 4, 14, 'bold', col.left);
  if (doc.urgency) yl = centred('urgency', URGENCY_MARKS[doc.urgency], yl + 4, 14, 'bold', col.left);

  // Header, right column: the Party's name (15pt bold, underlined), then place and date in italics.
  let yr = MARGINS.top + 15;
  yr = centred('party', 'ĐẢNG CỘNG SẢN VIỆT NAM', yr, 15, 'bold', col.right, true);
  yr = centred('date', placeAndDate(doc.place, doc.documentDate), yr + 10, 14, 'italic', col.right);

  let y = Math.max(yl, yr) + 20;
  const full = { x: left, w: textWidth };
  if (doc.hasTitle) {
    y = centred('title', doc.typeName.toLocaleUpperCase('vi'), y, 16, 'bold', full);
    y = centred('subject', doc.subject, y, 14, 'bold', full);
    y = centred('subject', '-----', y - 4, 14, 'regular', full) + 8;
  }
  if (doc.addressees?.length) {
    y = atLeft('addressee', `Kính gửi: ${doc.addressees.join('; ')}`, y, 14, 'regular', left + textWidth * 0.2, textWidth * 0.8);
    y += 6;
  }
  for (const p of doc.body) y = atLeft('body', p, y, 14, 'regular', left, textWidth, 1 * 28.35) + 4;

  // Signing block (right) and Nơi nhận (left), side by side; on a new page if they do not fit.
  const sigHeight = 14 * LEADING * 3 + 70;
  const listHeight = (doc.recipients.length + 2) * 12 * LEADING + 14;
  if (y + 12 + Math.max(sigHeight, listHeight) > bottom) {
    page += 1;
    y = MARGINS.top + 14;
  }
  const top = y + 12;
  let ys = top;
  for (const line of signingLines(doc.signing)) ys = centred('signing', line, ys, 14, 'bold', col.right);
  const signatureBox: Box = { page, x: col.right.x + 20, y: ys - 10, width: col.right.w - 40, height: 62 };
  ys += 66;
  centred('signer', doc.signing.signer, ys, 14, 'bold', col.right);

  let yn = top;
  blocks.push({ page, zone: 'recipients', text: 'Nơi nhận:', x: left, y: yn, size: 14, style: 'bold', underline: true });
  yn += 14 * LEADING;
  const items = [...doc.recipients.map((r) => `- ${r},`), `- Lưu ${doc.filing ?? 'Văn phòng'}.`];
  for (const it of items) yn = atLeft('recipients', it, yn, 12, 'regular', left, col.left.w);

  return { pages: page + 1, blocks, signatureBox };
}
