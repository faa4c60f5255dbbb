/**
 * "The clerk sees why" (issue 14, item 6): each field read from the page carries its page
 * (1-based) and bbox (fractions 0..1 of the page, the union of the boxes of the OCR lines or
 * words its value came from); a field without a value says why.
 *
 * Written from that contract: generated documents are laid out on line boxes the test
 * chooses, and each field's box must contain the box of the line its value is printed on
 * (found in the generated text, not taken from the extractor).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFields, vocabularyFromConfig, type LayoutLine, type PageLayout } from '../../shared/scans/domain/extract/index';
import { secrecyUnsure, type ScanField, type ScanFieldBox } from '../../shared/scans/domain/model';
import { treatedSecrecy } from '../../shared/scans/domain/rules';
import { toReadText } from '../../shared/scans/app/scan-reader';
import { ocrPagesOfBlocks } from '../../shared/scans/adapters/ocr/textract';
import { stripDiacritics } from '../../shared/platform/text/vietnamese';
import { CONFIG, dateText, docSpecArb, NOISE_KINDS, readingArb, render, symbolText, type DocSpec, type ReadingOptions } from './extract-docgen';

const vocabulary = vocabularyFromConfig(CONFIG);
const EPS = 1e-4;
/** An A4 page at 300 dpi: OCR gives boxes in its pixels. */
const W = 2480;
const H = 3508;
const px = (b: Box): Box => ({ x0: b.x0 * W, y0: b.y0 * H, x1: b.x1 * W, y1: b.y1 * H });

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Lays text lines down a page as a printed letter runs: left-aligned at 8 % of the width, as
 * wide as their text, one line height apart (a blank line is a gap). `boxes`: where, as page
 * fractions (the boxes the test knows); `lines`: as OCR gives them, in the page's pixels.
 */
function layOut(textLines: string[], opts: { top?: number; step?: number } = {}): { lines: LayoutLine[]; boxes: (Box | null)[] } {
  const step = opts.step ?? Math.min(0.022, 0.94 / Math.max(1, textLines.length));
  const longest = Math.max(1, ...textLines.map((l) => l.length));
  const boxes = textLines.map((t, i) => {
    if (!t.trim()) return null;
    const y0 = (opts.top ?? 0.03) + i * step;
    return { x0: 0.08, y0, x1: 0.08 + 0.84 * Math.max(0.15, t.length / longest), y1: y0 + step * 0.8 };
  });
  const lines = textLines.flatMap((text, i) => (boxes[i] ? [{ text, bbox: px(boxes[i]!) }] : []));
  return { lines, boxes };
}

const contains = (outer: ScanFieldBox, inner: Box): boolean =>
  outer.left <= inner.x0 + EPS && outer.top <= inner.y0 + EPS && outer.left + outer.width >= inner.x1 - EPS && outer.top + outer.height >= inner.y1 - EPS;

const same = (a: ScanFieldBox, b: Box): boolean =>
  Math.abs(a.left - b.x0) < EPS && Math.abs(a.top - b.y0) < EPS && Math.abs(a.left + a.width - b.x1) < EPS && Math.abs(a.top + a.height - b.y1) < EPS;

/** The document rendered and split over pages (the signing block on page 2 when `split`), with its boxes. */
function laidOutDoc(spec: DocSpec, r: ReadingOptions, split: boolean) {
  const { text, expected } = render(spec, r);
  const all = text.split('\n');
  const cut = split ? all.findIndex((l) => /^N[oơ]i nh[aậ]n:/.test(l)) : -1;
  const pageTexts = cut > 0 ? [all.slice(0, cut), all.slice(cut)] : [all];
  const pages: PageLayout[] = [];
  const where: { page: number; box: Box | null; text: string }[] = [];
  pageTexts.forEach((ls, k) => {
    const { lines, boxes } = layOut(ls);
    pages.push({ text: ls.join('\n'), lines, width: W, height: H });
    // The joined text has one blank line between pages.
    if (k > 0) where.push({ page: k + 1, box: null, text: '' });
    ls.forEach((t, i) => where.push({ page: k + 1, box: boxes[i] ?? null, text: t }));
  });
  return { text: pages.map((p) => p.text).join('\n\n'), pages, where, expected };
}

const FIELDS_BY_LINE = ['numberSymbol', 'issuerCode', 'documentDate', 'place', 'subject', 'issuer', 'issuerParent', 'secrecy', 'urgency', 'signer', 'recipients', 'signingCapacity', 'signerTitle'] as const;

/** The lines (of the joined text) a field's value is printed on, found from the document's description. */
function printedOn(field: (typeof FIELDS_BY_LINE)[number], spec: DocSpec, r: ReadingOptions, where: { text: string }[]): number[] {
  const s = (x: string) => (r.plain ? stripDiacritics(x) : x);
  const idx = (pred: (t: string) => boolean) => where.flatMap((w, i) => (w.text.trim() && pred(w.text.trim()) ? [i] : []));
  const first = (xs: number[]) => xs.slice(0, 1);
  switch (field) {
    case 'numberSymbol':
    case 'issuerCode':
      return first(idx((t) => t.includes(s(symbolText(spec, r)))));
    case 'documentDate':
    case 'place':
      return first(idx((t) => t.includes(s(dateText(spec, r)))));
    case 'subject':
      return idx((t) => t.length >= 8 && s(spec.subject).includes(t.replace(/^.*?(?=V\/v)/, '')));
    case 'issuer':
      return spec.issuerLines.flatMap((l) => first(idx((t) => t.startsWith(s(l)))));
    case 'issuerParent':
      return spec.superior ? first(idx((t) => t.startsWith(s(spec.superior!)))) : [];
    case 'secrecy':
      return spec.secrecy ? first(idx((t) => t === s(spec.secrecy!))) : [];
    case 'urgency':
      return spec.urgency ? first(idx((t) => t === s(spec.urgency!))) : [];
    case 'signer':
      return idx((t) => t === s(spec.signerName)).slice(-1);
    case 'recipients':
      return spec.recipients.flatMap((x) => first(idx((t) => t.startsWith(`- ${s(x)}`))));
    case 'signingCapacity':
      return spec.capacity ? first(idx((t) => t.includes(s(spec.capacity!)))) : [];
    case 'signerTitle':
      return spec.signerTitle ? idx((t) => t.endsWith(s(spec.signerTitle!))).slice(-1) : [];
  }
}

describe('field boxes: each field’s box holds the line its value is printed on', () => {
  it('table: generated headers in every layout, one page or the signing block on page 2', () => {
    let checked = 0;
    const seen = new Set<string>();
    fc.assert(
      fc.property(docSpecArb(), readingArb(), fc.boolean(), (spec, r, split) => {
        const { text, pages, where, expected } = laidOutDoc(spec, r, split);
        const { fields } = extractFields(text, { vocabulary, pages });
        for (const k of FIELDS_BY_LINE) {
          const f = fields[k] as ScanField | undefined;
          // Only a value the reader got right is checked for its place (the robustness tests check the values).
          if (!f || f.value === null || JSON.stringify(f.value) !== JSON.stringify(expected[k])) continue;
          const on = printedOn(k, spec, r, where);
          if (!on.length) continue;
          expect(f.page, `${k} page`).toBe(where[on[0]!]!.page);
          expect(f.bbox, `${k} bbox`).toBeDefined();
          for (const i of on) expect(contains(f.bbox!, where[i]!.box!), `${k}: ${JSON.stringify(f.bbox)} ⊇ line ${i} ${JSON.stringify(where[i]!.box)}`).toBe(true);
          // A value on one line (no word boxes here) has exactly that line's box: nothing else is unioned in.
          if (on.length === 1 && k !== 'subject' && k !== 'issuer' && k !== 'recipients') expect(same(f.bbox!, where[on[0]!]!.box!), `${k} is its line's box`).toBe(true);
          checked++;
          seen.add(k);
        }
      }),
      { numRuns: 150, seed: 20261205 },
    );
    expect(checked).toBeGreaterThan(1000);
    for (const k of ['numberSymbol', 'documentDate', 'place', 'subject', 'issuer', 'secrecy', 'urgency', 'signer', 'recipients', 'signerTitle']) expect(seen, k).toContain(k);
  });

  it('table: with word boxes, a value on a line shared by both columns gets its own words’ box', () => {
    // "Số 12-NQ/TU" left, "Quảng Ngãi, ngày 5 tháng 3 năm 2026" right, on one OCR line.
    // Written in page fractions, given in pixels.
    const w = (text: string, x0: number, x1: number, y0: number) => ({ text, bbox: px({ x0, y0, x1, y1: y0 + 0.015 }) });
    const row = (y: number, words: ReturnType<typeof w>[]): LayoutLine => ({
      text: words.map((x) => x.text).join(' '),
      bbox: { x0: Math.min(...words.map((x) => x.bbox.x0)), y0: y * H, x1: Math.max(...words.map((x) => x.bbox.x1)), y1: (y + 0.015) * H },
      words,
    });
    const ocr: LayoutLine[] = [
      row(0.05, [w('TỈNH', 0.1, 0.16, 0.05), w('ỦY', 0.17, 0.21, 0.05), w('QUẢNG', 0.22, 0.31, 0.05), w('NGÃI', 0.32, 0.39, 0.05), w('ĐẢNG', 0.58, 0.66, 0.05), w('CỘNG', 0.67, 0.75, 0.05), w('SẢN', 0.76, 0.82, 0.05), w('VIỆT', 0.83, 0.89, 0.05), w('NAM', 0.9, 0.95, 0.05)]),
      row(0.07, [w('*', 0.24, 0.26, 0.07)]),
      row(0.09, [
        w('Số', 0.16, 0.2, 0.09),
        w('12-NQ/TU', 0.21, 0.33, 0.09),
        w('Quảng', 0.55, 0.63, 0.09),
        w('Ngãi,', 0.64, 0.71, 0.09),
        w('ngày', 0.72, 0.78, 0.09),
        w('5', 0.79, 0.8, 0.09),
        w('tháng', 0.81, 0.87, 0.09),
        w('3', 0.88, 0.89, 0.09),
        w('năm', 0.9, 0.94, 0.09),
        w('2026', 0.95, 0.99, 0.09),
      ]),
      row(0.14, [w('NGHỊ', 0.42, 0.5, 0.14), w('QUYẾT', 0.51, 0.6, 0.14)]),
      row(0.16, [w('về', 0.3, 0.34, 0.16), w('công', 0.35, 0.41, 0.16), w('tác', 0.42, 0.46, 0.16), w('cán', 0.47, 0.51, 0.16), w('bộ', 0.52, 0.55, 0.16), w('năm', 0.56, 0.6, 0.16), w('2026', 0.61, 0.67, 0.16)]),
      row(0.22, [w('Căn', 0.1, 0.15, 0.22), w('cứ', 0.16, 0.19, 0.22), w('Điều', 0.2, 0.26, 0.22), w('lệ', 0.27, 0.3, 0.22), w('Đảng;', 0.31, 0.39, 0.22)]),
    ];
    // The page text as the engine gives it: this one as its lines read (not in reading order).
    const page = { text: ocr.map((l) => l.text).join('\n'), lines: ocr, width: W, height: H };
    const { fields } = extractFields(page.text, { vocabulary, pages: [page] });
    expect(fields.numberSymbol.value).toBe('12-NQ/TU');
    expect(fields.numberSymbol.page).toBe(1);
    // Its words only: "Số" and the symbol, left of the middle, not the date beside it.
    const nb = fields.numberSymbol.bbox!;
    expect(nb.left).toBeCloseTo(0.16, 4);
    expect(nb.left + nb.width).toBeLessThanOrEqual(0.33 + EPS);
    expect(nb.top).toBeCloseTo(0.09, 4);
    expect(fields.documentDate.value).toBe('2026-03-05');
    const db = fields.documentDate.bbox!;
    expect(db.left).toBeGreaterThanOrEqual(0.55 - EPS);
    expect(db.left + db.width).toBeCloseTo(0.99, 4);
    expect(fields.subject.value).toBe('về công tác cán bộ năm 2026');
    expect(fields.subject.bbox!.top).toBeCloseTo(0.16, 4);
    // Read in reading order (each column its own line), the same words give the same boxes.
    const { fields: again } = extractFields({ pages: [{ text: '', lines: ocr, width: W, height: H }] }, { vocabulary });
    expect(again.numberSymbol.bbox).toEqual(nb);
    expect(again.documentDate.bbox).toEqual(db);
  });

  it('table: a multi-line trích yếu and the nơi nhận list union their lines', () => {
    const textLines = [
      'TỈNH ỦY QUẢNG NGÃI',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      '*',
      'Số 07-KH/TU',
      'Quảng Ngãi, ngày 12 tháng 4 năm 2026',
      '',
      'KẾ HOẠCH',
      'thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị',
      'về đột phá phát triển khoa học, công nghệ',
      '-----',
      'Thực hiện chỉ đạo của Ban Thường vụ Tỉnh ủy, xây dựng kế hoạch như sau.',
      '',
      'Nơi nhận:',
      '- Ban Thường vụ Tỉnh ủy,',
      '- Các ban đảng,',
      '- Lưu Văn phòng Tỉnh ủy.',
      'T/M BAN THƯỜNG VỤ',
      'BÍ THƯ',
      'Nguyễn Văn An',
    ];
    const { lines, boxes } = layOut(textLines);
    const text = textLines.join('\n');
    const { fields } = extractFields(text, { vocabulary, pages: [{ text, lines, width: W, height: H }] });
    expect(fields.subject.value).toBe('thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ');
    expect(same(fields.subject.bbox!, { x0: 0.08, y0: boxes[7]!.y0, x1: Math.max(boxes[7]!.x1, boxes[8]!.x1), y1: boxes[8]!.y1 })).toBe(true);
    expect(fields.recipients.value).toHaveLength(3);
    expect(same(fields.recipients.bbox!, { x0: 0.08, y0: boxes[13]!.y0, x1: Math.max(boxes[13]!.x1, boxes[14]!.x1, boxes[15]!.x1), y1: boxes[15]!.y1 })).toBe(true);
    expect(same(fields.signer.bbox!, boxes[18]!)).toBe(true);
    expect(fields.secrecy).toMatchObject({ value: null });
    expect(fields.secrecy.bbox).toBeUndefined();
  });

  it('table: null fields carry no box and say why; without boxes no field has one', () => {
    const text = ['TỈNH ỦY QUẢNG NGÃI', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Số: /QĐ-TU', 'Quảng Ngãi, ngày tháng 4 năm 2026', 'QUYẾT ĐỊNH', 'về việc thành lập tổ công tác', 'Căn cứ Điều lệ Đảng;'].join('\n');
    const { lines } = layOut(text.split('\n'));
    const { fields } = extractFields(text, { vocabulary, pages: [{ text, lines, width: W, height: H }] });
    expect(fields.numberSymbol).toMatchObject({ value: null });
    expect(fields.numberSymbol.reason).toMatch(/handwritten/);
    expect(fields.documentDate.reason).toMatch(/handwritten/);
    expect(fields.signer.reason).toBeTruthy();
    expect(fields.recipients.reason).toBeTruthy();
    for (const [k, f] of Object.entries(fields)) if (f.value === null) expect(f.bbox, k).toBeUndefined();
    // Without boxes, or with boxes in units the reader is not told (no page size), no field has a box.
    for (const opts of [{ vocabulary }, { vocabulary, pages: [{ text, lines }] }]) {
      for (const [k, f] of Object.entries(extractFields(text, opts).fields)) expect(f.bbox ?? f.page, k).toBeUndefined();
    }
    expect(extractFields('', { vocabulary }).fields.subject.reason).toBe('no text was read from the file');
    // Nothing read is not "no mark read": a blank or unreadable page fails closed until the clerk decides.
    for (const blank of ['', '\n\n', '   ']) {
      const secrecy = extractFields(blank, { vocabulary }).fields;
      expect(secrecyUnsure(secrecy), JSON.stringify(blank)).toBe(true);
      expect(treatedSecrecy({ secrecy: null, entryId: null, fields: secrecy } as never)).toBe('mat');
    }
  });
});

describe('field boxes: properties over generated documents with OCR slips (fast-check)', () => {
  it('every box lies within the page, on a page the document has; every null field says why (secrecy: only when unsure)', () => {
    const unit = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        docSpecArb(),
        readingArb({ noise: fc.subarray([...NOISE_KINDS]) }),
        fc.boolean(),
        fc.array(fc.tuple(unit, unit, unit, unit), { minLength: 1, maxLength: 80 }),
        (spec, r, split, jitter) => {
          const { text, pages } = laidOutDoc(spec, r, split);
          // Boxes anywhere on the page, any size, even inverted or over its edge (as a skewed scan gives).
          const messy = pages.map((p) => ({
            ...p,
            lines: p.lines!.map((l, i) => {
              const [a, b, c, d] = jitter[i % jitter.length]!;
              return { ...l, bbox: px({ x0: a * 1.1 - 0.05, y0: b, x1: c * 1.1 - 0.05, y1: b + d * 0.05 }) };
            }),
          }));
          const { fields } = extractFields(text, { vocabulary, pages: messy });
          for (const [k, f] of Object.entries(fields)) {
            if (f.bbox) {
              const b = f.bbox;
              for (const x of [b.left, b.top, b.width, b.height]) expect(x, k).toBeGreaterThanOrEqual(0);
              expect(b.left + b.width, k).toBeLessThanOrEqual(1 + 1e-9);
              expect(b.top + b.height, k).toBeLessThanOrEqual(1 + 1e-9);
              expect(f.page, k).toBeGreaterThanOrEqual(1);
              expect(f.page, k).toBeLessThanOrEqual(pages.length);
            } else expect(f.page, k).toBeUndefined();
            if (f.value !== null) continue;
            expect(f.bbox, k).toBeUndefined();
            // A null secrecy without a reason is the reading "no mark in a clearly read zone" (with a reason it is
            // "possibly secret", and the scan is treated as secret until the clerk decides).
            if (k === 'secrecy' && !f.reason) expect(f.confidence).toBeGreaterThanOrEqual(0.8);
            else expect(f.reason, k).toMatch(/\S/);
          }
        },
      ),
      { numRuns: 200, seed: 1205 },
    );
  });
});

describe('OCR boxes become page fractions in one place, the same for every engine', () => {
  it('tesseract’s pixels and Textract’s fractions (of an image, or of a PDF page) give a field the same box', () => {
    const header = [
      ['TỈNH ỦY QUẢNG NGÃI', 0.1, 0.04, 0.4, 0.06],
      ['ĐẢNG CỘNG SẢN VIỆT NAM', 0.55, 0.04, 0.92, 0.06],
      ['Số 12-NQ/TU', 0.16, 0.08, 0.33, 0.1],
      ['Quảng Ngãi, ngày 5 tháng 3 năm 2026', 0.55, 0.08, 0.92, 0.1],
      ['NGHỊ QUYẾT', 0.42, 0.14, 0.6, 0.16],
      ['về công tác cán bộ năm 2026', 0.3, 0.17, 0.7, 0.19],
      ['Căn cứ Điều lệ Đảng;', 0.1, 0.24, 0.45, 0.26],
    ] as const;
    const blocks = header.map(([Text, x0, y0, x1, y1], i) => ({ Id: `l${i}`, BlockType: 'LINE', Page: 1, Text, Confidence: 99, Geometry: { BoundingBox: { Left: x0, Top: y0, Width: x1 - x0, Height: y1 - y0 } } }));
    const tesseract = {
      text: '',
      confidence: 0.9,
      width: W,
      height: H,
      lines: header.map(([text, x0, y0, x1, y1]) => ({ text, confidence: 0.9, bbox: px({ x0, y0, x1, y1 }) })),
    };
    const boxesOf = (page: Parameters<typeof toReadText>[0]['pages'][number]) => {
      const read = toReadText({ engine: 'x', pages: [page] });
      const text = read.pages.map((p) => p.text).join('\n\n');
      const { fields } = extractFields(text, { vocabulary, pages: read.pages });
      expect(fields.numberSymbol.value).toBe('12-NQ/TU');
      return [fields.numberSymbol.bbox, fields.documentDate.bbox, fields.subject.bbox];
    };
    const fromTesseract = boxesOf({ ...tesseract, text: header.map((h) => h[0]).join('\n') });
    expect(fromTesseract[0]).toEqual({ left: 0.16, top: 0.08, width: 0.17, height: 0.02 });
    // Textract on an image of 2480 × 3508 px, and on a PDF page (no pixels: a nominal A4 size).
    for (const size of [{ width: W, height: H }, null]) {
      const [page] = ocrPagesOfBlocks(blocks as never, 1, size);
      expect(boxesOf(page!)).toEqual(fromTesseract);
    }
    // A page whose size is unknown gives no boxes rather than wrong ones.
    expect(toReadText({ engine: 'x', pages: [{ ...tesseract, width: undefined }] }).pages[0]!.lines).toBeUndefined();
    expect(toReadText({ engine: 'x', pages: [{ ...tesseract, height: 0 }] }).pages[0]!.lines).toBeUndefined();
  });
});
