/**
 * Số, ký hiệu (number and symbol) of Party and State documents (domain.md c). Pure.
 *
 * - Party: `Số {n}-{TYPE}/{BODY}` ("Số 12-NQ/TU", "08-QĐi/TW", "24-BS/UBKTTU", hyphenated
 *   bodies "5-NQ/ĐU-BCH").
 * - State (NĐ 30): `Số: {n}/{TYPE}-{BODY}` ("15/QĐ-UBND"), regulatory documents add the year
 *   ("45/2024/NĐ-CP"), công văn carry no type: `{n}/{BODY}-{UNIT}` ("123/UBND-VP").
 *
 * OCR-tolerant: spaces around - and /, "Sô", "So", "S6", "Sỏ" for Số, a stray colon, O/o for 0
 * and l/I/| for 1 among digits, Ð/Ɖ for Đ, en/em dashes and minus signs for the hyphen, the
 * fraction slash for /. Known type and body codes are restored to their canonical spelling
 * (QDI → QĐi, DUK → ĐUK), so a text read without diacritics still gives the printed symbol.
 */
import { foldDiacritics, normaliseLetters } from '../../platform/text/vietnamese';

export type NumberSymbolForm = 'party' | 'state';

export interface ParsedNumberSymbol {
  form: NumberSymbolForm;
  /** The number as an integer (08 → 8). */
  number: number;
  /** The number's digits as printed ("08"). */
  numberText: string;
  /** Type code (NQ, QĐ, QĐi, CTr…); for a State công văn, which prints none, "CV". */
  typeCode: string;
  /** Issuing body code after "/" (Party) or after the type (State). */
  bodyCode: string;
  /** State regulatory documents: the year between the slashes. */
  year?: number;
  /** State công văn: the drafting unit after the body ("123/UBND-VP" → "VP"). */
  unit?: string;
  /** The symbol as it should be printed: "12-NQ/TU", "45/2024/NĐ-CP", "123/UBND-VP". */
  canonical: string;
}

/**
 * A parsed symbol as a register entry keeps it (stored with the entry): the parts the office
 * checks against its configuration and a spelling-independent key. Made from a
 * {@link ParsedNumberSymbol} by {@link numberSymbolRecord}; there is no other parsed shape.
 */
export interface NumberSymbolRecord {
  form: NumberSymbolForm;
  number: number;
  /** TYPE part (Party form; State documents that print one; "CV" for a State công văn). */
  typeSymbol: string | null;
  /** Issuer part (`TU`, `CP`, `UBND`). */
  issuerCode: string | null;
  /** The symbol as it should be printed ("12-NQ/TU", "45/2024/NĐ-CP"). */
  canonical: string;
  /** Spelling-independent key (08 = 8, Đ = D, case), used to recognise the same letter registered twice. */
  key: string;
}

/** Type codes in their printed spelling (Party and State). Matching ignores case and diacritics. */
export const KNOWN_TYPE_CODES: readonly string[] = [
  'NQ', 'QĐ', 'QĐi', 'CT', 'KL', 'QC', 'TT', 'HD', 'TB', 'TC', 'BC', 'KH', 'QH', 'CTr', 'ĐA', 'PA', 'DA', 'TTr', 'CV',
  'BB', 'GM', 'GGT', 'GCN', 'GĐĐ', 'GNP', 'PC', 'PG', 'TTg', 'BS', 'SY', 'TS', 'SL', 'NĐ', 'TTLT', 'HĐ', 'CĐ', 'TL',
  'LKG', 'TBo', 'QyĐ', 'HƯ', 'PL', 'UBTVQH', 'QH', 'NQLT', 'TTHT',
];

/** Issuing-body codes seen in Party and State symbols (domain.md b); matching ignores case and diacritics. */
export const KNOWN_BODY_CODES: readonly string[] = [
  'TW', 'VPTW', 'BTCTW', 'BTGTW', 'BDVTW', 'BNCTW', 'BKTTW', 'UBKTTW', 'BCĐTW', 'ĐUQSTW', 'ĐUCA', 'ĐUKCCQTW', 'ĐUKDNTW',
  'TU', 'VPTU', 'BTCTU', 'BTGTU', 'BDVTU', 'BNCTU', 'UBKTTU', 'BTGDVTU', 'BCSĐ', 'ĐĐ', 'ĐU', 'VPĐU', 'ĐUK', 'UBKTĐU',
  'HU', 'QU', 'TXU', 'VPHU', 'VPQU', 'UBKTHU', 'UBKTQU', 'BTCHU', 'BTGHU', 'CB', 'ĐUCS', 'BCĐ', 'HĐND', 'UBND', 'CP',
  'TTg', 'VPCP', 'BNV', 'BTC', 'BCA', 'BQP', 'BGDĐT', 'BYT', 'VP', 'QH', 'MTTQ', 'LĐLĐ', 'ĐTN', 'HLHPN', 'HND', 'HCCB',
  // Ministries and central bodies (those of 03/2025 and the ones merged into them, whose symbols still arrive cited and copied).
  'BCT', 'BKHCN', 'BNNMT', 'BTP', 'BXD', 'BVHTTDL', 'BNG', 'BDTTG', 'NHNN', 'TTCP', 'KTNN', 'BKHĐT', 'BTTTT', 'BLĐTBXH', 'BGTVT',
  'BTNMT', 'BNNPTNT', 'UBDT', 'BHXH', 'KBNN', 'VPQH', 'UBTVQH', 'UBMTTQ',
  // A province's departments (sở) and its other bodies.
  'SNV', 'STC', 'SYT', 'SGDĐT', 'SKHĐT', 'STNMT', 'SNNPTNT', 'SNNMT', 'SXD', 'SCT', 'SKHCN', 'STP', 'SVHTTDL', 'SVHTT', 'SLĐTBXH',
  'STTTT', 'SGTVT', 'SDTTG', 'CAT', 'BCHQS', 'VPUBND', 'VPUB', 'VPĐĐBQH', 'BQLDA', 'BQLKKT',
];

const foldKey = (s: string): string => foldDiacritics(s).replace(/[^a-z0-9]/g, '');

const byFold = (codes: readonly string[]): Map<string, string> => {
  const m = new Map<string, string>();
  for (const c of codes) if (!m.has(foldKey(c))) m.set(foldKey(c), c);
  return m;
};

let TYPE_BY_FOLD = byFold(KNOWN_TYPE_CODES);
let BODY_BY_FOLD = byFold(KNOWN_BODY_CODES);
// Codes read exactly as a known spelling stay as read: "DA" (Dự án) is not "ĐA" (Đề án).
let TYPE_EXACT = new Set(KNOWN_TYPE_CODES);
let BODY_EXACT = new Set(KNOWN_BODY_CODES);
// "QD" folds from both QĐ and a misread; a lone "QDI" is QĐi. "TT" is Thông tri/Thông tư either way.

/** Adds codes (configuration) to the ones restored to their canonical spelling. */
export function registerCodes(codes: { types?: readonly string[]; bodies?: readonly string[] }): void {
  if (codes.types) {
    TYPE_BY_FOLD = byFold([...codes.types, ...TYPE_BY_FOLD.values()]);
    TYPE_EXACT = new Set([...TYPE_EXACT, ...codes.types]);
  }
  if (codes.bodies) {
    BODY_BY_FOLD = byFold([...codes.bodies, ...BODY_BY_FOLD.values()]);
    BODY_EXACT = new Set([...BODY_EXACT, ...codes.bodies]);
  }
}

/** The canonical spelling of a type code (QDI → QĐi, ctr → CTr), or the code as read when unknown. */
export function canonicalTypeCode(code: string): string {
  const n = normaliseLetters(code).trim();
  if (TYPE_EXACT.has(n)) return n;
  return TYPE_BY_FOLD.get(foldKey(n)) ?? n;
}

export const isKnownTypeCode = (code: string): boolean => TYPE_BY_FOLD.has(foldKey(code));
export const isKnownBodyCode = (code: string): boolean => codeParts(code).every((p) => BODY_BY_FOLD.has(foldKey(p)) || /^[A-ZĐ]{1,3}\d*$/.test(p));

const codeParts = (code: string): string[] => code.split('-').filter(Boolean);

/** The canonical spelling of a body code, part by part (DUK → ĐUK, ĐU-bch → ĐU-BCH). */
export function canonicalBodyCode(code: string): string {
  return codeParts(normaliseLetters(code).trim())
    // A body numbered after its letters ("BCĐ138", "BCĐ389") whose first digit OCR read as a letter ("BCĐI38").
    .map((p) => p.replace(/^(\p{L}+)I(\d{2,})$/u, '$11$2'))
    .map((p) => (BODY_EXACT.has(p) ? p : (BODY_BY_FOLD.get(foldKey(p)) ?? p.toUpperCase())))
    .join('-');
}

// --- OCR-tolerant scanning ------------------------------------------------------------------

const DASH = '[-\u2010\u2011\u2012\u2013\u2014\u2015\u2212~]';
const SLASH = '[/\u2044\u2215\u29F8|]';
const SP = '[ \\t]*';
// Digits with OCR look-alikes (O/o → 0, l/I/| → 1); at least one real digit is required below.
const NUM = '[0-9OolI|]{1,6}';
const UPPER = 'A-ZĐÐƉ';
const LETTER = 'A-Za-zĐđÐƉ';
// Type: a capital, then up to 5 letters (QĐi, CTr, TTr, UBTVQH).
const TYPE = `[${UPPER}][${LETTER}]{0,5}`;
// Body: capitals and digits, hyphenated parts (ĐU-BCH, UBND-VP).
const BODY_PART = `[${UPPER}][${UPPER}0-9]{0,11}(?:g|i)?`;
const BODY = `${BODY_PART}(?:${SP}${DASH}${SP}${BODY_PART})*`;
// "Số", "Sô", "So", "Sỏ", "S6", "S0", "S o" with an optional colon.
// A "Số" misread as digits ("50", "56") counts only when no digit follows it: "503-CV/VPTU" is
// number 503, not "Số" and 3.
const SO_O = 'ốôóòỏõọồổỗộớờởỡợoOơƠÔỐỒỔỖỘ';
const SO = `(?:(?<![\\p{L}\\p{N}])(?:[Ss]${SP}[${SO_O}06](?![\\p{L}])|[5$]${SP}(?:[${SO_O}](?![\\p{L}])|[06](?![\\p{L}\\p{N}])))${SP}[:.;]?${SP})`;

const PARTY_RE = new RegExp(`(?:(${SO})|(?<![\\p{L}\\p{N}/]))(${NUM})${SP}${DASH}${SP}(${TYPE})${SP}${SLASH}${SP}(${BODY})(?![\\p{L}\\p{N}])`, 'gu');
// After a printed "Số" the hyphen may be lost or misread (". , _" or nothing): "Số 5 CT/ĐU".
const PARTY_LOOSE_RE = new RegExp(`(${SO})(${NUM})[ \\t.,_]{0,2}(${TYPE})${SP}${SLASH}${SP}(${BODY})(?![\\p{L}\\p{N}])`, 'gu');
const STATE_RE = new RegExp(
  `(?:(${SO})|(?<![\\p{L}\\p{N}/-]))(${NUM})${SP}${SLASH}${SP}(?:([12][0-9OoIl]{3})${SP}${SLASH}${SP})?(${TYPE})${SP}${DASH}${SP}(${BODY})(?![\\p{L}\\p{N}])`,
  'gu',
);

// A commune's công văn often prints its body alone, no unit ("Số: 45/UBND"): taken only after a
// printed "Số", where nothing else can follow a number and a slash.
const STATE_BARE_RE = new RegExp(`(${SO})(${NUM})${SP}${SLASH}${SP}(${BODY_PART})(?![\\p{L}\\p{N}]|${SP}${DASH}|${SP}${SLASH})`, 'gu');

const fixDigits = (s: string): string => s.replace(/[Oo]/g, '0').replace(/[lI|]/g, '1');
const hasRealDigit = (s: string): boolean => /[0-9]/.test(s);
const squash = (s: string): string => s.replace(/[ \t]+/g, '').replace(new RegExp(DASH, 'gu'), '-');

export interface NumberSymbolMatch {
  parsed: ParsedNumberSymbol;
  /** Where the match (including any "Số") starts in the text, and its length. */
  index: number;
  length: number;
  /** Whether the text printed "Số" (or an OCR form of it) before the number. */
  hasSoPrefix: boolean;
}

function buildParty(numRaw: string, typeRaw: string, bodyRaw: string): ParsedNumberSymbol | null {
  if (!hasRealDigit(numRaw)) return null;
  const numberText = fixDigits(numRaw);
  if (!/^\d+$/.test(numberText)) return null;
  const typeCode = canonicalTypeCode(normaliseLetters(typeRaw));
  const bodyCode = canonicalBodyCode(squash(bodyRaw));
  return { form: 'party', number: Number(numberText), numberText, typeCode, bodyCode, canonical: `${numberText}-${typeCode}/${bodyCode}` };
}

function buildState(numRaw: string, yearRaw: string | undefined, firstRaw: string, restRaw: string): ParsedNumberSymbol | null {
  if (!hasRealDigit(numRaw)) return null;
  const numberText = fixDigits(numRaw);
  if (!/^\d+$/.test(numberText)) return null;
  const year = yearRaw ? Number(fixDigits(yearRaw)) : undefined;
  if (yearRaw && !/^\d{4}$/.test(fixDigits(yearRaw))) return null;
  const first = normaliseLetters(firstRaw);
  const rest = canonicalBodyCode(squash(restRaw));
  const [restHead, ...restTail] = rest.split('-');
  if (year !== undefined || isKnownTypeCode(first)) {
    // {n}/[{yyyy}/]{TYPE}-{BODY}
    const typeCode = canonicalTypeCode(first);
    return {
      form: 'state',
      number: Number(numberText),
      numberText,
      typeCode,
      bodyCode: rest,
      ...(year !== undefined ? { year } : {}),
      canonical: `${numberText}/${year !== undefined ? `${year}/` : ''}${typeCode}-${rest}`,
    };
  }
  // Công văn: {n}/{BODY}-{UNIT}
  const bodyCode = canonicalBodyCode(first);
  const unit = [restHead, ...restTail].filter(Boolean).join('-');
  return { form: 'state', number: Number(numberText), numberText, typeCode: 'CV', bodyCode, unit, canonical: `${numberText}/${bodyCode}-${unit}` };
}

/** Every number-symbol in a text (OCR output, a line, a form field), in order. */
export function findNumberSymbols(text: string): NumberSymbolMatch[] {
  const s = normaliseLetters(text);
  const found: NumberSymbolMatch[] = [];
  for (const m of s.matchAll(PARTY_RE)) {
    const parsed = buildParty(m[2]!, m[3]!, m[4]!);
    if (parsed) found.push({ parsed, index: m.index!, length: m[0].length, hasSoPrefix: !!m[1] });
  }
  for (const m of s.matchAll(PARTY_LOOSE_RE)) {
    const start = m.index!;
    if (found.some((f) => start < f.index + f.length && f.index < start + m[0].length)) continue;
    const parsed = buildParty(m[2]!, m[3]!, m[4]!);
    if (parsed) found.push({ parsed, index: start, length: m[0].length, hasSoPrefix: true });
  }
  for (const m of s.matchAll(STATE_RE)) {
    const start = m.index!;
    if (found.some((f) => start < f.index + f.length && f.index < start + m[0].length)) continue;
    const parsed = buildState(m[2]!, m[3], m[4]!, m[5]!);
    if (parsed) found.push({ parsed, index: start, length: m[0].length, hasSoPrefix: !!m[1] });
  }
  for (const m of s.matchAll(STATE_BARE_RE)) {
    const start = m.index!;
    if (found.some((f) => start < f.index + f.length && f.index < start + m[0].length)) continue;
    const parsed = buildStateBare(m[2]!, m[3]!);
    if (parsed) found.push({ parsed, index: start, length: m[0].length, hasSoPrefix: true });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** A công văn whose symbol is its body's code alone ("45/UBND"); a known type code there is no công văn ("45/QĐ"). */
function buildStateBare(numRaw: string, bodyRaw: string): ParsedNumberSymbol | null {
  if (!hasRealDigit(numRaw)) return null;
  const numberText = fixDigits(numRaw);
  if (!/^\d+$/.test(numberText)) return null;
  const first = normaliseLetters(bodyRaw);
  // Only a body the office knows by name ("UBND", "HĐND"): a short unknown code is as likely a longer one cut short.
  if (isKnownTypeCode(first) || !BODY_BY_FOLD.has(foldKey(first))) return null;
  const bodyCode = canonicalBodyCode(first);
  return { form: 'state', number: Number(numberText), numberText, typeCode: 'CV', bodyCode, canonical: `${numberText}/${bodyCode}` };
}

/**
 * Parses a number-symbol ("Số 12-NQ/TU", "Số: 45/2024/NĐ-CP", "123/UBND-VP", OCR-garbled
 * forms). A text holding several gives the first one printed after "Số", else the first.
 * Null when there is none.
 */
export function parseNumberSymbol(text: string): ParsedNumberSymbol | null {
  const all = findNumberSymbols(text);
  if (!all.length) return null;
  return (all.find((m) => m.hasSoPrefix) ?? all[0]!).parsed;
}

/** The printed symbol of a Party document: (12, "NQ", "TU") → "12-NQ/TU". */
export function formatPartyNumberSymbol(n: number | string, type: string, body: string): string {
  const num = typeof n === 'number' ? String(n) : n.trim();
  return `${num}-${canonicalTypeCode(type)}/${canonicalBodyCode(body)}`;
}

/** The printed symbol of a State document: (15, "QĐ", "UBND") → "15/QĐ-UBND"; with a year "45/2024/NĐ-CP". */
export function formatStateNumberSymbol(n: number | string, type: string, body: string, year?: number): string {
  const num = typeof n === 'number' ? String(n) : n.trim();
  return `${num}/${year ? `${year}/` : ''}${canonicalTypeCode(type)}-${canonicalBodyCode(body)}`;
}

/** Whether two printed symbols name the same document (case, spacing, 08 vs 8, Đ vs D ignored). */
export function sameNumberSymbol(a: string, b: string): boolean {
  const pa = parseNumberSymbol(a);
  const pb = parseNumberSymbol(b);
  if (!pa || !pb) return false;
  return (
    pa.form === pb.form &&
    pa.number === pb.number &&
    foldKey(pa.typeCode) === foldKey(pb.typeCode) &&
    foldKey(pa.bodyCode) === foldKey(pb.bodyCode) &&
    (pa.year ?? null) === (pb.year ?? null) &&
    foldKey(pa.unit ?? '') === foldKey(pb.unit ?? '')
  );
}

/** The record a register entry keeps of a parsed symbol, with its spelling-independent key. */
export function numberSymbolRecord(p: ParsedNumberSymbol): NumberSymbolRecord {
  return {
    form: p.form,
    number: p.number,
    typeSymbol: p.typeCode,
    issuerCode: p.bodyCode,
    canonical: p.canonical,
    key: [p.form, p.number, foldKey(p.typeCode), foldKey(p.bodyCode), p.year ?? '', foldKey(p.unit ?? '')].join('|'),
  };
}

// --- a draft's số, ký hiệu line ---------------------------------------------------------------

/**
 * The số, ký hiệu of a Party draft as typed, the number usually left blank until issuance
 * ("Số    -NQ/TU", "Số …-CV/VPTU"): parts as written, not canonicalised, so that the precheck
 * compares them with the configuration as the drafter wrote them.
 */
export interface DraftNumberSymbol {
  /** A colon after "Số" (the State style; Party documents write none). */
  colon: boolean;
  /** The number as written: digits, or the blank (dots, spaces) left for it. */
  numberText: string;
  typeCode: string;
  bodyCode: string;
}

const DRAFT_PARTY_NUMBER = /(?:^|[^\p{L}])S[ốoôóỐ]\s*(:?)\s*(\d{1,5}|[.…_ \t]*?)\s*-\s*([A-ZĐ][A-Za-zĐđ]{0,4})\s*\/\s*([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)/u;
const DRAFT_STATE_NUMBER = /(?:^|[^\p{L}])S[ốoôó]\s*:\s*[\d.…_ \t]*\/\s*(?:\d{4}\/)?[A-ZĐa-zđ]+-[A-ZĐ0-9]/u;

/** The Party-form số, ký hiệu on a typed line ("Số    -NQ/TU"), the number perhaps blank, or null. */
export function findDraftNumberSymbol(line: string): DraftNumberSymbol | null {
  const m = DRAFT_PARTY_NUMBER.exec(line);
  return m ? { colon: m[1] !== '', numberText: m[2]!, typeCode: m[3]!, bodyCode: m[4]! } : null;
}

/** Whether a typed line holds a State-form số, ký hiệu ("Số: …/QĐ-UBND"), the number perhaps blank. */
export const hasStateDraftNumberSymbol = (line: string): boolean => DRAFT_STATE_NUMBER.test(line);
