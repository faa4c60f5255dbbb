/**
 * The OCR bench's scoring: what the reader gave for one document against its ground truth
 * (bench/ocr-truth.ts), and the figures of a set's part. Pure.
 *
 * - Accuracy per field: numberSymbol, typeCode, documentDate exact (NFC); issuer exact by
 *   code, or by printed name compared as subjects are; subject by the bench's subject rule
 *   (NFC, one tone placement, case, spaces, end punctuation); secrecy and urgency as slugs,
 *   null (no mark) included.
 * - Coverage: among the fields whose truth always has a value (numberSymbol, typeCode,
 *   documentDate, issuer, subject), the share the reader gave non-null. Secrecy and urgency
 *   are always answered (null is the answer "no mark"), so they have no coverage.
 * - High-confidence precision: among the answers given with confidence ≥ 0.9 (a non-null
 *   value of the five, or any answer for secrecy and urgency, "no mark" included: a confident
 *   "not secret" on a secret letter is the worst error), the share that are right. Goal ≥ 98 %.
 * - Secret documents read as not secret: the truth has a secrecy and the reader's secrecy is null.
 *   Of those, the ones whose null carries a reason (the reader failing closed: "possibly secret,
 *   the clerk decides", which registration will not take as "not secret") are also listed apart.
 * - Body CER: edit distance of the truth's body against the best-matching stretch of the OCR
 *   text (both NFC, whitespace folded), divided by the body's length; pooled over characters.
 */
import { bestSubstringMatch } from '../../shared/scans/domain/extract/fuzzy';
import { subjectKey, type Expected } from './ocr-truth';

export const FIELDS = ['numberSymbol', 'typeCode', 'documentDate', 'issuer', 'subject', 'secrecy', 'urgency'] as const;
export type BenchField = (typeof FIELDS)[number];
/** Fields whose truth always holds a value: coverage is counted on these. */
export const VALUE_FIELDS: readonly BenchField[] = ['numberSymbol', 'typeCode', 'documentDate', 'issuer', 'subject'];
export const HIGH_CONFIDENCE = 0.9;

/** One field as the reader gives it; `reason` is why a value is null, when the reader says. */
export interface ReadField {
  value: unknown;
  confidence: number;
  reason?: string | null | undefined;
}
export type ReadFields = Readonly<Record<string, ReadField | undefined>>;

export interface FieldScore {
  got: string | null;
  want: string | null;
  ok: boolean;
  /** Counted in coverage (a value field read non-null; secrecy and urgency: always). */
  given: boolean;
  confidence: number;
  /** Given with confidence ≥ 0.9. */
  high: boolean;
  reason: string | null;
}

const nfc = (s: string): string => s.normalize('NFC').trim();
const ws = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/** The reader's field a bench field is compared with: the issuer by code or by name, as the truth gives it. */
export function readFieldFor(fields: ReadFields, field: BenchField, exp: Expected): ReadField | undefined {
  if (field === 'issuer') return exp.issuer.by === 'code' ? fields['issuerCode'] : fields['issuer'];
  return fields[field];
}

export function wantOf(field: BenchField, exp: Expected): string | null {
  return field === 'issuer' ? exp.issuer.value : exp[field];
}

export function scoreField(field: BenchField, read: ReadField | undefined, exp: Expected): FieldScore {
  const raw = read?.value;
  const got = raw === null || raw === undefined || raw === '' ? null : nfc(String(raw));
  const want = wantOf(field, exp);
  const fuzzy = field === 'subject' || (field === 'issuer' && exp.issuer.by === 'name');
  const ok = fuzzy ? got !== null && want !== null && subjectKey(got) === subjectKey(want) : got === want;
  const given = VALUE_FIELDS.includes(field) ? got !== null : true;
  const confidence = read?.confidence ?? 0;
  return { got, want, ok, given, confidence, high: given && confidence >= HIGH_CONFIDENCE, reason: read?.reason ?? null };
}

/** Body CER as the fixtures README defines it. */
export function bodyCer(bodyText: string, ocrText: string): number {
  const ref = ws(bodyText);
  if (!ref) return 0;
  return bestSubstringMatch(ref, ws(ocrText)).distance / ref.length;
}

/** What the reader gave for one document (or why it could not read it). */
export type DocRead = { fields: ReadFields; text: string; pages: number; ms: number } | { error: string; ms: number };

export interface DocScore {
  id: string;
  format: string;
  pages: number;
  ms: number;
  error: string | null;
  fields: Record<BenchField, FieldScore>;
  secret: boolean;
  secretReadAsNotSecret: boolean;
  cer: number | null;
  bodyChars: number;
}

export function scoreDoc(exp: Expected, read: DocRead): DocScore {
  const fields = ('error' in read ? {} : read.fields) as ReadFields;
  const scores = Object.fromEntries(FIELDS.map((f) => [f, scoreField(f, readFieldFor(fields, f, exp), exp)])) as Record<BenchField, FieldScore>;
  const ok = !('error' in read);
  return {
    id: exp.id,
    format: exp.format,
    pages: ok ? read.pages : exp.pages,
    ms: read.ms,
    error: ok ? null : read.error,
    fields: scores,
    secret: exp.secrecy !== null,
    // A scan OCR could not read fails visibly (status failed); it is not "read as not secret".
    secretReadAsNotSecret: ok && exp.secrecy !== null && scores.secrecy.got === null,
    cer: ok && exp.bodyText ? bodyCer(exp.bodyText, read.text) : null,
    bodyChars: exp.bodyText ? ws(exp.bodyText).length : 0,
  };
}

export interface Count {
  right: number;
  of: number;
}

export interface PartSummary {
  set: string;
  part: string;
  docs: number;
  pages: number;
  wallMs: number;
  sPerPage: number | null;
  errors: string[];
  fields: Record<BenchField, { ok: number; of: number; given: number; high: number; highRight: number }>;
  /** Value fields given non-null, of all value fields. */
  coverage: Count;
  /** Answers given with confidence ≥ 0.9 that are right, of all such answers. */
  highConfidence: Count;
  secret: { docs: number; readAsNotSecret: string[] };
  /** Secret documents whose secrecy was null with a reason: left to the clerk, not claimed unmarked. */
  secretLeftToClerk: string[];
  cer: { docs: number; pooled: number; mean: number; worst: number } | null;
}

export function summarise(set: string, part: string, docs: readonly DocScore[], wallMs: number): PartSummary {
  const fields = Object.fromEntries(
    FIELDS.map((f) => {
      const s = docs.map((d) => d.fields[f]);
      return [f, { ok: s.filter((x) => x.ok).length, of: s.length, given: s.filter((x) => x.given).length, high: s.filter((x) => x.high).length, highRight: s.filter((x) => x.high && x.ok).length }];
    }),
  ) as PartSummary['fields'];
  const withBody = docs.filter((d) => d.cer !== null);
  const chars = withBody.reduce((a, d) => a + d.bodyChars, 0);
  const pages = docs.reduce((a, d) => a + d.pages, 0);
  return {
    set,
    part,
    docs: docs.length,
    pages,
    wallMs,
    sPerPage: pages ? wallMs / 1000 / pages : null,
    errors: docs.filter((d) => d.error !== null).map((d) => d.id),
    fields,
    coverage: { right: VALUE_FIELDS.reduce((a, f) => a + fields[f].given, 0), of: VALUE_FIELDS.length * docs.length },
    highConfidence: { right: FIELDS.reduce((a, f) => a + fields[f].highRight, 0), of: FIELDS.reduce((a, f) => a + fields[f].high, 0) },
    secret: { docs: docs.filter((d) => d.secret).length, readAsNotSecret: docs.filter((d) => d.secretReadAsNotSecret).map((d) => d.id) },
    secretLeftToClerk: docs.filter((d) => d.secretReadAsNotSecret && d.fields.secrecy.reason).map((d) => d.id),
    cer: withBody.length
      ? {
          docs: withBody.length,
          pooled: withBody.reduce((a, d) => a + d.cer! * d.bodyChars, 0) / Math.max(1, chars),
          mean: withBody.reduce((a, d) => a + d.cer!, 0) / withBody.length,
          worst: Math.max(...withBody.map((d) => d.cer!)),
        }
      : null,
  };
}
