/**
 * Field extraction from the OCR text of a Party (or State) document (domain.md d): header
 * kind, tên cơ quan, số/ký hiệu, địa danh and date, tên loại and trích yếu, secrecy and
 * urgency stamps, signing block and nơi nhận. Pure: text in, fields with confidences out.
 *
 * Works on what OCR gives: two header columns merged into one line ("TỈNH ỦY X   ĐẢNG CỘNG
 * SẢN VIỆT NAM"), the recipients merged with the signing block, wrapped lines, misread
 * letters, and text without any diacritics. Matching is done on a folded twin of each line
 * (no diacritics, lower case, same length), values are cut from the original line.
 *
 * One file per job: header.ts (header kind, số/ký hiệu, tên cơ quan), date.ts (địa danh, ngày),
 * title-subject.ts (tên loại, trích yếu), stamps.ts (mật, khẩn), footer.ts (chữ ký, nơi nhận),
 * spelling.ts (marks and codes put back), confidence.ts; this file orders them.
 */
import type { Secrecy } from '../../../platform/security';
import type { ParsedNumberSymbol, Urgency } from '../../../office';
import type { ScanField, ScanFields } from '../model';
import { isKnownBodyCode, isKnownTypeCode } from '../../../office';
import { foldDiacritics } from '../../../platform/text/vietnamese';
import { readingOrderText, type LayoutLine } from './layout';
import { toLines } from './lines';
import { locate, placeLines, type PageLayout, type Source } from './place';
import { emptyFields, field, finish, type ExtractedFields } from './confidence';
import { asStateSymbol, detectSystem, findIssuer, findSymbol, symbolMendedByTitle } from './header';
import { findDateLine, placeOf, PLAUSIBLE_YEARS, THANG_FOLDED, unreadDateLine } from './date';
import { documentEnd, headerZoneLimit } from './zones';
import { findSubject, findTitle, headerZoneEnd } from './title-subject';
import { findStamps, SECRECY_UNREAD_INK, stampsOfPages, URGENCY_UNREAD_INK } from './stamps';
import { findFooter } from './footer';
import { handwrittenDate, handwrittenNumber, withinSecondChoice, type HandReading } from './handwriting';
import { canonicalCodeIn, repairHeaderMarks } from './spelling';
import { DEFAULT_VOCABULARY, type ExtractVocabulary } from './vocabulary';

export * from './vocabulary';
export { readingOrderLines, readingOrderText, type LayoutLine } from './layout';
export { LOW_CONFIDENCE, type ExtractedFields } from './confidence';
export type { PageLayout } from './place';
export type { DocumentSystem } from './header';
export { inkExplainedByStamps } from './stamps';
export { handwritingSpots, type HandReading, type HandSpot, type HandSpotKind } from './handwriting';

export interface ExtractOptions {
  vocabulary?: ExtractVocabulary;
  /** Fields under this confidence are listed in lowConfidence (default 0.7). */
  lowConfidence?: number;
  /** Dates after this are implausible (default: no check). */
  today?: Date;
  /**
   * OCR saw ink in page 1's header band it gave no text for (a boxed or red stamp it could not
   * read): with no mark read, secrecy fails closed (null with a reason, not "no mark").
   */
  unreadHeaderInk?: boolean;
  /**
   * The OCR pages the text was joined from (by one blank line), with their lines' boxes and the
   * page size those are in: each field read from the page then carries its page and box (fractions).
   */
  pages?: PageLayout[];
  /** What the engine's digit recogniser read in page 1's handwriting gaps (after "Số", "ngày", "tháng"). */
  handwriting?: HandReading[];
  /** Today in the office's time zone (ISO day): no handwritten date is read as later. */
  latest?: string;
  /** The day (ISO, the office's time zone) the issuer signed the PDF, when it is signed: the document is dated on or before it. */
  signedOn?: string;
  /** Page 1's text is a born-digital PDF's own text layer: its number and day are typed, not written by hand. */
  typedHeader?: boolean;
}

/** OCR output with its layout (the OcrEngine port's result has this shape): pages of lines with boxes. */
export interface OcrPagesInput {
  pages: { text: string; lines?: LayoutLine[]; width?: number; height?: number }[];
}

/** One document's text from OCR pages: each page in reading order from its boxes when it has them. */
export function textOfPages(input: OcrPagesInput): string {
  return pagesAsRead(input).map((p) => p.text).join('\n\n');
}

/** The pages with the text the extractor reads on each: in reading order from its boxes when it has them. */
const pagesAsRead = (input: OcrPagesInput): PageLayout[] => input.pages.map((p) => (p.lines?.length ? { ...p, text: readingOrderText(p.lines) } : { text: p.text }));

/** How sure a State letter's number may be: its number is written by hand, whatever print OCR made of it. */
export const STATE_NUMBER_MAX_CONFIDENCE = 0.85;
/** A value print OCR read in a handwriting gap where the digit recogniser, unsure, read another: at most this sure. */
export const UNSURE_DISAGREEMENT = 0.5;

/**
 * Extracts the fields of one document from its OCR text (all pages, in order), or from OCR
 * pages with their lines and boxes (put in reading order first).
 */
export function extractFields(input: string | OcrPagesInput, opts: ExtractOptions = {}): ExtractedFields {
  const text = typeof input === 'string' ? input : textOfPages(input);
  const vocab = opts.vocabulary ?? DEFAULT_VOCABULARY;
  const lines = toLines(text ?? '');
  const layout = typeof input === 'string' ? opts.pages : pagesAsRead(input);
  if (layout?.some((p) => p.lines?.length)) placeLines(lines, layout);
  const nonBlank = lines.filter((l) => l.text);
  if (!nonBlank.length) return finish(emptyFields(), opts);

  const system = detectSystem(lines);
  // Zones before fields: the header fields are read only above the body's first line.
  const zoneEnd = headerZoneLimit(lines);
  const read = findSymbol(lines, zoneEnd);
  // On a State letter a Party-form symbol before a State tail is the handwritten number misread ("3-L/QĐ-UBND").
  const found = read && system.value === 'state' ? asStateSymbol(read) : read;
  const unreadDate = unreadDateLine(lines, zoneEnd);
  let dateLine = findDateLine(lines, found?.line ?? -1, opts.today, zoneEnd);
  // The written date line ("…, ngày … tháng … năm …") is the document's: when it cannot be read,
  // another date of the header zone (one cited in the trích yếu, a receipt stamp's above the header) is not taken instead.
  if (dateLine && unreadDate && unreadDate.index !== dateLine.line) {
    const onUnread = findDateLine([unreadDate], -1, opts.today);
    if (!onUnread) dateLine = null;
  }
  const title = findTitle(lines, vocab, Math.max(found?.line ?? -1, dateLine?.line ?? -1));
  // The tên loại, in large print, mends a State symbol's misread type letters ("/TII-UBND" under TỜ TRÌNH).
  const titleCode = title?.type ? (title.type.stateCode ?? title.type.partyCode) : null;
  const mended = found && titleCode ? symbolMendedByTitle(found.match.parsed, titleCode) : null;
  const symbol = found && mended ? { ...found, match: { ...found.match, parsed: mended } } : found;
  // A date line whose handwritten day was not made out is still the date line, not a trích yếu.
  const subject = findSubject(lines, title, symbol, dateLine ?? (unreadDate ? { line: unreadDate.index } : null));
  const headerEnd = headerZoneEnd(lines, title, subject, symbol, dateLine);
  const stamps = findStamps(lines, Math.max(headerEnd, zoneEnd, (dateLine?.line ?? -1) + 1), stampsOfPages(layout));
  if (!stamps.secrecy && !stamps.doubt && opts.unreadHeaderInk) stamps.doubt = SECRECY_UNREAD_INK;
  if (!stamps.urgency && !stamps.urgencyDoubt && opts.unreadHeaderInk) stamps.urgencyDoubt = URGENCY_UNREAD_INK;
  const issuer = findIssuer(lines, symbol, dateLine, title);
  // An attached document (a draft with its own header and signer) is not this one: the footer is read before it.
  const docEnd = documentEnd(lines, zoneEnd);
  const footer = findFooter(lines.slice(0, docEnd), vocab, Math.max(headerEnd, subject?.end ?? 0));

  // Type code: the symbol's type and the tên loại should agree.
  let typeCode: ScanField<string>;
  const symType = symbol?.match.parsed.typeCode ?? null;
  const titleType = title?.type ?? null;
  if (symType && titleType) {
    const codes = [titleType.partyCode, ...(titleType.altCodes ?? []), ...(titleType.stateCode ? [titleType.stateCode] : [])];
    // Agreeing letters decide the spelling by the tên loại: "DA" under ĐỀ ÁN is ĐA, under DỰ ÁN it is DA.
    const agreeing = codes.find((c) => c === symType) ?? codes.find((c) => foldDiacritics(c) === foldDiacritics(symType));
    typeCode = agreeing ? field(agreeing, mended ? 0.8 : 0.97) : isKnownTypeCode(symType) ? field(symType, 0.6) : field(titleType.partyCode, 0.55);
  } else if (symType) {
    // Công văn carry no tên loại; others should have one.
    const cv = foldDiacritics(symType) === 'cv';
    typeCode = field(symType, isKnownTypeCode(symType) ? (cv ? 0.92 : 0.8) : 0.5);
  } else if (titleType) {
    typeCode = field(system.value === 'state' ? (titleType.stateCode ?? titleType.partyCode) : titleType.partyCode, 0.75);
  } else if (subject?.kind === 'vv') {
    typeCode = field('CV', 0.7);
  } else typeCode = field<string>(null, 0.3);

  let sym = symbol?.match.parsed ?? null;
  if (sym && typeCode.value && typeCode.value !== sym.typeCode && foldDiacritics(typeCode.value) === foldDiacritics(sym.typeCode)) {
    sym = { ...sym, typeCode: typeCode.value, canonical: sym.canonical.replace(sym.typeCode, typeCode.value) };
  }
  // The office's own body codes in their printed spelling ("DH" read without marks is "ĐH").
  if (sym && sym.form === 'party' && vocab.bodyCodes?.length) {
    const body = canonicalCodeIn(sym.bodyCode, vocab.bodyCodes);
    if (body !== sym.bodyCode) sym = { ...sym, bodyCode: body, canonical: `${sym.numberText}-${sym.typeCode}/${body}` };
  }
  const knownBody = (code: string) => isKnownBodyCode(code) || (vocab.bodyCodes ?? []).includes(code);
  // A State công văn with its body's code alone ("45/UBND", a commune's) may be "45/UBND-VP" whose unit OCR lost: never sure.
  const bareCongVan = (x: ParsedNumberSymbol) => x.form === 'state' && x.typeCode === 'CV' && !x.unit;
  // ≥ 0.9 only for a symbol read after "Số" on its own header line, passing the grammar with known codes.
  const symConf = symbol
    ? (symbol.match.hasSoPrefix ? 0.93 : 0.7) * (isKnownTypeCode(sym!.typeCode) ? 1 : 0.8) * (knownBody(sym!.bodyCode) ? 1 : 0.85) * (mended || symbol.slashMended ? 0.85 : 1) * (bareCongVan(sym!) ? 0.9 : 1)
    : 0.2;
  // A State letter's number and day are written by hand after signature, in the gap left for them
  // ("Số:   /QĐ-UBND", "ngày   tháng"): a print OCR's reading of them is never sure. A gap read
  // between the number and its slash ("04 /QĐ-BCĐ") shows it; the State date is never given ≥ 0.9.
  const stateFamily = (system.value ?? symbol?.match.parsed.form) === 'state';
  // So does a number glued to "Số" with neither colon nor space ("Số234/BC-UBND"): print OCR ran the
  // printed "Số" into the handwriting that touches it.
  const symbolText = symbol ? lines[symbol.line]!.text.slice(symbol.match.index, symbol.match.index + symbol.match.length) : '';
  const handGap = !!symbol && !symbol.unreadNumber && symbol.match.parsed.form === 'state' && (/\d\s+\//.test(symbolText) || /^s[o0]\d/i.test(foldDiacritics(symbolText)));
  const hand = (kind: HandReading['kind']) => opts.handwriting?.find((r) => r.kind === kind);
  const handNumber = symbol && (symbol.unreadNumber || handGap) ? handwrittenNumber(hand('number')) : null;
  const withNumber = (n: string): string => sym!.canonical.replace(/^\d*/, n);
  let numberField: ScanField<string> = symbol?.unreadNumber
    ? { ...field<string>(null, 0.2), reason: 'handwritten: the number after "Số" could not be read' }
    : symbol
      ? handGap
        ? { ...field(sym!.canonical, Math.min(symConf, 0.8)), reason: 'handwritten: the number in the gap after "Số" may be misread' }
        : field(sym!.canonical, symConf)
      : { ...field<string>(null, 0.2), reason: 'no "Số" line in the header zone' };
  // The digit recogniser's reading of the handwritten number: alone when print OCR could not read it;
  // beside print OCR's reading of the gap, surer when both agree, and never sure when they do not.
  if (handNumber && symbol) {
    if (handNumber.value === null) {
      const unsureText = hand('number')?.text ?? '';
      if (symbol.unreadNumber) numberField = { ...numberField, reason: handNumber.reason };
      // Print OCR's reading of the handwriting, which the recogniser, unsure, read otherwise: neither is to be trusted.
      else if (/^\d{1,5}$/.test(unsureText) && Number(unsureText) !== Number(sym!.numberText)) {
        numberField = { ...field(sym!.canonical, Math.min(numberField.confidence, UNSURE_DISAGREEMENT)), reason: `handwritten: print OCR read "${sym!.numberText}", the digit recogniser, unsure, "${unsureText}"; check it on the page` };
      }
    } else if (symbol.unreadNumber) {
      numberField = { ...field(withNumber(handNumber.value), Math.min(handNumber.confidence, symConf)), reason: handNumber.reason };
    } else if (String(Number(sym!.numberText)) === String(Number(handNumber.value))) {
      // The same number; written with its leading zero ("08", as numbers under 10 are), which print OCR may drop.
      const written = handNumber.value.length > sym!.numberText.length ? withNumber(handNumber.value) : sym!.canonical;
      numberField = { ...field(written, Math.min(symConf, 0.85)), reason: 'handwritten: print OCR and the digit recogniser read the same number; check it on the page' };
    } else {
      // The gap holds handwriting: the recogniser made for it is taken over print OCR's reading of it (as for the day),
      // unless print OCR's reading is the recogniser's own with one digit its second choice: both readers agree on that.
      const printAgreed = withinSecondChoice(hand('number'), sym!.numberText);
      numberField = { ...field(printAgreed ? sym!.canonical : withNumber(handNumber.value), printAgreed ? 0.6 : 0.5), reason: `handwritten: print OCR read "${sym!.numberText}", the digit recogniser "${handNumber.value}"${printAgreed ? ', whose second choice it is' : ''}; check it on the page` };
    }
  }
  // A State letter's number is written by hand after signature (28 of the 29 real ones we hold): print OCR
  // may read the handwriting as print when it touches the slash, so, as the date, it is never given as sure.
  if (stateFamily && !opts.typedHeader && numberField.value !== null && numberField.confidence > STATE_NUMBER_MAX_CONFIDENCE) {
    numberField = { ...numberField, confidence: STATE_NUMBER_MAX_CONFIDENCE, reason: 'State letter: the number is usually written by hand after signature; check it on the page' };
  }
  // The place still reads on a date line whose day was written by hand ("Quảng Ngãi, ngàyØf tháng …").
  const unreadPlace = !dateLine && unreadDate ? placeOf(unreadDate.text.slice(0, Math.max(0, unreadDate.fold.search(/,\s*ng/)))) : null;
  const placeField = dateLine?.place ? field(dateLine.place, dateLine.placeConfidence) : unreadPlace ? field(unreadPlace, 0.8) : field<string>(null, 0.3);
  let dateField: ScanField<string> = field(dateLine?.iso ?? null, dateLine ? dateLine.confidence : 0.2);
  if (dateLine && stateFamily && !opts.typedHeader && dateLine.confidence >= 0.85) dateField = { ...field(dateLine.iso, 0.85), reason: 'State letter: the day is usually written by hand after signature' };
  if (!dateLine) {
    dateField = { ...dateField, reason: unreadDate ? 'handwritten: the day or month could not be read' : 'no date line in the header zone' };
  }
  // The handwritten day (and month) read by the digit recogniser, where print OCR could not read the
  // date line, read it squeezed, or the letter is a State one (its day is written by hand).
  const dateText = dateLine ? lines[dateLine.line]!.fold : unreadDate?.fold;
  const dayReading = hand('day');
  if (dayReading && dateText && (!dateLine || dateLine.confidence < 0.85 || stateFamily)) {
    const printed = printedMonthYear(dateText);
    const signedOn = opts.signedOn;
    const hd = handwrittenDate(dayReading, { printed: printed.month, reading: hand('month') }, printed.year, { latest: opts.latest, signedOn });
    if (!dateLine) {
      dateField = hd.value === null ? { ...dateField, reason: hd.reason } : { ...field(hd.value, hd.confidence), reason: hd.reason };
    } else if (hd.value === dateLine.iso) {
      dateField = { ...field(hd.value, Math.max(hd.confidence, Math.min(dateField.confidence, 0.85))), reason: 'handwritten: print OCR and the digit recogniser read the same day; check it on the page' };
    } else if (hd.value !== null) {
      // On a State letter the day is written by hand: the recogniser made for it is taken over print OCR's reading of it,
      // unless print OCR's day is the recogniser's own reading with one digit its second choice (both readers agree on it).
      const printDay = String(Number(dateLine.iso.slice(8, 10))).padStart(dayReading.text.length, '0');
      const printAgreed = dateLine.iso.slice(0, 8) === hd.value.slice(0, 8) && !(signedOn !== undefined && dateLine.iso > signedOn) && withinSecondChoice(dayReading, printDay);
      const useHand = !printAgreed && (stateFamily || hd.confidence >= 0.7 || (signedOn !== undefined && dateLine.iso > signedOn));
      dateField = { ...field(useHand ? hd.value : dateLine.iso, printAgreed ? 0.6 : 0.5), reason: `handwritten: print OCR read ${dateLine.iso}, the digit recogniser ${hd.value}${printAgreed ? ', whose second choice it is' : ''}; check it on the page` };
    } else if (signedOn && dateLine.iso > signedOn) {
      dateField = { ...field<string>(null, 0.2), reason: `the date read (${dateLine.iso}) is after the issuer signed (${signedOn})` };
    } else if (/^\d{1,2}$/.test(dayReading.text) && Number(dayReading.text) !== Number(dateLine.iso.slice(8, 10))) {
      // Print OCR's day, which the recogniser, unsure, read otherwise: neither is to be trusted.
      dateField = { ...field(dateLine.iso, Math.min(dateField.confidence, UNSURE_DISAGREEMENT)), reason: `handwritten: print OCR read ${dateLine.iso}, the digit recogniser, unsure, the day "${dayReading.text}"; check it on the page` };
    } else if (!dayReading.text && (dayReading.rejected ?? 0) > 0) {
      // Ink in the day's gap the recogniser could not read at all ("ngày ởi tháng 10": handwriting print OCR
      // made letters of, then digits): print OCR's day is a guess at it.
      dateField = { ...field(dateLine.iso, Math.min(dateField.confidence, UNSURE_DISAGREEMENT)), reason: `handwritten: print OCR read ${dateLine.iso}, the digit recogniser could not read the day; check it on the page` };
    }
  }

  const fields: ScanFields = {
    numberSymbol: numberField,
    typeCode,
    issuer: field(issuer?.name ?? null, issuer ? issuer.confidence : 0.3),
    issuerCode: field(sym?.bodyCode ?? null, sym ? symConf * (knownBody(sym.bodyCode) ? 1 : 0.8) : 0.2),
    place: placeField,
    documentDate: dateField,
    // Marks no trích yếu carries (* ^ ~ |, a run of stray marks) mean a stamp or a speck covered words: unsure.
    subject: field(subject?.text ?? null, subject ? subject.confidence * (/[*^~|]|(?:\s[^\p{L}\p{N}\s(]{1,3}){2,}/u.test(subject.text) ? 0.6 : 1) : 0.2),
    // Fail closed: no mark read in a zone read unclearly is "possibly secret", not "not secret".
    secrecy: stamps.doubt
      ? { ...field<Secrecy>(null, 0.4), reason: stamps.doubt }
      : { ...field<Secrecy>(stamps.secrecy?.value ?? null, stamps.secrecy?.confidence ?? stamps.noneConfidence), ...(stamps.secrecy?.reason ? { reason: stamps.secrecy.reason } : {}) },
    urgency: stamps.urgencyDoubt ? { ...field<Urgency>(null, 0.4), reason: stamps.urgencyDoubt } : field<Urgency>(stamps.urgency?.value ?? null, stamps.urgency?.confidence ?? stamps.noneConfidence),
    signer: field(footer.name?.value ?? null, footer.name?.confidence ?? 0.3),
    recipients: field(footer.recipients?.value ?? null, footer.recipients?.confidence ?? 0.3),
    issuerParent: field(issuer?.parent ?? null, issuer?.parent ? issuer.confidence * 0.9 : 0.5),
    signingCapacity: field(footer.capacity?.value ?? null, footer.capacity?.confidence ?? 0.5),
    signerTitle: field(footer.title?.value ?? null, footer.title?.confidence ?? 0.3),
    // The family (party/state): from the motto, else from the symbol's grammar ("12-NQ/TU" vs "47/QĐ-UBND").
    system: system.value ? field(system.value, system.confidence) : symbol ? field(symbol.match.parsed.form, 0.7) : field(null, system.confidence),
  };
  repairHeaderMarks(fields, text, vocab);

  // Where each value was read (a console highlights it); a field without a value says why instead.
  const symbolSpan: Source[] = symbol ? [{ line: symbol.line, start: symbol.match.index, end: symbol.match.index + symbol.match.length }] : [];
  const wholeLines = (ls: number[] | undefined): Source[] => (ls ?? []).map((line) => ({ line }));
  // The signing block's capacity and title from where they start on a line shared with "Nơi nhận".
  const fromStart = (hit: { lines: number[]; start?: number } | null): Source[] =>
    hit ? hit.lines.map((line, k) => (k === hit.lines.length - 1 && hit.start !== undefined ? { line, start: hit.start } : { line })) : [];
  // The place up to "ngày", the date from it.
  const ngay = dateLine ? lines[dateLine.line]!.fold.indexOf('ngay', dateLine.start) : -1;
  const sources: Record<string, Source[]> = {
    numberSymbol: symbolSpan,
    typeCode: symType && typeCode.value && foldDiacritics(typeCode.value) === foldDiacritics(symType) ? symbolSpan : title ? [{ line: title.line }] : symbolSpan.length ? symbolSpan : wholeLines(subject?.lines.slice(0, 1)),
    issuer: wholeLines(issuer?.lines),
    issuerCode: symbolSpan,
    place: dateLine ? [{ line: dateLine.line, start: dateLine.start, ...(ngay > dateLine.start ? { end: ngay } : {}) }] : unreadDate ? [{ line: unreadDate.index }] : [],
    documentDate: dateLine ? [{ line: dateLine.line, start: ngay >= 0 ? ngay : dateLine.start }] : unreadDate ? [{ line: unreadDate.index }] : [],
    subject: wholeLines(subject?.lines),
    secrecy: stamps.secrecy ? [{ line: stamps.secrecy.line }] : [],
    urgency: stamps.urgency ? [{ line: stamps.urgency.line }] : [],
    signer: wholeLines(footer.name?.lines),
    recipients: wholeLines(footer.recipients?.lines),
    issuerParent: wholeLines(issuer?.parentLines),
    signingCapacity: fromStart(footer.capacity),
    signerTitle: fromStart(footer.title),
    system: system.motto ? [{ line: system.motto.line, start: system.motto.start, end: system.motto.end }] : symbolSpan,
  };
  const why: Record<string, string> = {
    typeCode: 'no number-symbol or tên loại in the header zone',
    issuer: 'no issuing body found above the number in the header zone',
    issuerCode: 'no number-symbol in the header zone to read it from',
    place: dateLine ? 'no place name before "ngày" on the date line' : 'no date line in the header zone',
    subject: 'no trích yếu found under the tên loại or the number in the header zone',
    urgency: 'no urgency mark (KHẨN, HỎA TỐC…) in the header zone',
    signer: 'no signer name found in the signing block',
    recipients: 'no "Nơi nhận" list found after the body',
    issuerParent: 'no higher body named above the issuer',
    signingCapacity: 'no T/M, K/T, T/L (TM., KT., TL.) found in the signing block',
    signerTitle: 'no signer title found in the signing block',
    system: 'no motto or number-symbol to tell a Party document from a State one',
  };
  for (const [k, f] of Object.entries(fields)) {
    if (f.value === null) {
      // A secrecy field is null with no reason when no mark was read in a clearly read zone ("not secret");
      // a reason there means unsure, and the scan is then treated as secret (fail closed).
      if (!f.reason && why[k]) fields[k] = { ...f, reason: why[k] };
      continue;
    }
    const at = locate(lines, sources[k] ?? []);
    if (at) fields[k] = { ...f, page: at.page, bbox: at.bbox };
  }
  return finish(fields, opts);
}

/** "tháng MM năm YYYY" in folded text (the month perhaps missing: written by hand). */
const PRINTED_MONTH_YEAR = new RegExp(`${THANG_FOLDED.source}\\s*([^\\s]{1,3})?\\s*n[a-z?]{1,2}m\\s*(\\d{4})`);

/** The printed month and year of a date line ("… tháng 01 năm 2025"), where print OCR read them as clean digits. */
function printedMonthYear(folded: string): { month: number | null; year: number | null } {
  const m = PRINTED_MONTH_YEAR.exec(folded);
  const year = m ? Number(m[2]) : null;
  const month = m?.[1] && /^\d{1,2}$/.test(m[1]) && Number(m[1]) >= 1 && Number(m[1]) <= 12 ? Number(m[1]) : null;
  return { month, year: year && year >= PLAUSIBLE_YEARS.from && year <= PLAUSIBLE_YEARS.to ? year : null };
}
