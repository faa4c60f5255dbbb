/**
 * The OCR bench's two ground-truth formats mapped onto one set of comparisons. Pure.
 *
 * - Synthetic Party documents (handbook `scans/`, `scans-2/`): `id`, `numberSymbol`,
 *   `typeCode`, `issuerCode`, `date`, `subject`, `secrecy`, `urgency` (Vietnamese labels),
 *   `bodyText`. The issuer is compared by its code (the register keeps the code).
 * - Real State documents (handbook `real-scans/`): no `id` (the file's name gives it),
 *   `numberSymbol`, `typeCode`, `documentDate`, `issuer` as printed (and `issuerParent`), `subject`,
 *   `secrecy`, `urgency`; no body text. The issuer is compared by its printed name (no code in
 *   the truth), as subjects are: NFC, one tone placement, case, spaces.
 *
 * Secrecy and urgency labels become the API's slugs (Mật → mat, Hỏa tốc → hoa-toc); a label
 * not known is an error, never passed through.
 */
import path from 'node:path';
import * as z from 'zod';
import { normalisePhrase } from '../../shared/platform/text/vietnamese';

export const SECRECY_SLUGS: Record<string, 'mat' | 'toi-mat' | 'tuyet-mat'> = { 'mật': 'mat', 'tối mật': 'toi-mat', 'tuyệt mật': 'tuyet-mat' };
export const URGENCY_SLUGS: Record<string, 'khan' | 'thuong-khan' | 'hoa-toc'> = { 'khẩn': 'khan', 'thượng khẩn': 'thuong-khan', 'hỏa tốc': 'hoa-toc', 'hoả tốc': 'hoa-toc' };

/** What every truth is compared on, whatever its format. */
export interface Expected {
  id: string;
  file: string;
  /** pdf, jpg, png… (from the truth's `format`, else the file's extension). */
  format: string;
  pages: number;
  truthFormat: 'party-synthetic' | 'state-real';
  numberSymbol: string;
  typeCode: string;
  documentDate: string;
  /** The issuer as the truth gives it: its code (Party synthetic) or its printed name (real). */
  issuer: { by: 'code' | 'name'; value: string };
  subject: string;
  secrecy: 'mat' | 'toi-mat' | 'tuyet-mat' | null;
  urgency: 'khan' | 'thuong-khan' | 'hoa-toc' | null;
  /** The body's text when the truth has it (for CER), else null. */
  bodyText: string | null;
}

const label = z.string().nullable();

export const PartyTruth = z.looseObject({
  id: z.string().min(1),
  file: z.string().min(1),
  format: z.string().min(1),
  pages: z.number().int().positive(),
  numberSymbol: z.string().min(1),
  typeCode: z.string().min(1),
  issuerCode: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  subject: z.string().min(1),
  secrecy: label,
  urgency: label,
  bodyText: z.string().optional(),
});
export type PartyTruth = z.infer<typeof PartyTruth>;

export const RealTruth = z.looseObject({
  file: z.string().min(1),
  format: z.string().min(1).optional(),
  pages: z.number().int().positive(),
  numberSymbol: z.string().min(1),
  typeCode: z.string().min(1),
  issuer: z.string().min(1),
  issuerParent: z.string().nullable().optional(),
  documentDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  subject: z.string().min(1),
  secrecy: label,
  urgency: label,
});
export type RealTruth = z.infer<typeof RealTruth>;

function slugOf<T extends string>(map: Record<string, T>, value: string | null, what: string, id: string): T | null {
  if (value === null || !value.trim()) return null;
  const slug = map[value.normalize('NFC').toLowerCase().trim()];
  if (!slug) throw new Error(`${id}: ${what} "${value}" is not a label the bench knows (${Object.keys(map).join(', ')})`);
  return slug;
}

const nfc = (s: string): string => s.normalize('NFC').trim();

/** One ground-truth file (either format) as the bench compares it. */
export function expectedOf(raw: unknown): Expected {
  const isReal = typeof raw === 'object' && raw !== null && 'documentDate' in raw;
  if (isReal) {
    const t = RealTruth.parse(raw);
    const id = path.basename(t.file).replace(/\.[^.]+$/, '');
    return {
      id,
      file: t.file,
      format: (t.format ?? path.extname(t.file).slice(1)).toLowerCase(),
      pages: t.pages,
      truthFormat: 'state-real',
      numberSymbol: nfc(t.numberSymbol),
      typeCode: nfc(t.typeCode),
      documentDate: t.documentDate,
      issuer: { by: 'name', value: nfc(t.issuer) },
      subject: nfc(t.subject),
      secrecy: slugOf(SECRECY_SLUGS, t.secrecy, 'secrecy', id),
      urgency: slugOf(URGENCY_SLUGS, t.urgency, 'urgency', id),
      bodyText: null,
    };
  }
  const t = PartyTruth.parse(raw);
  return {
    id: t.id,
    file: t.file,
    format: t.format.toLowerCase(),
    pages: t.pages,
    truthFormat: 'party-synthetic',
    numberSymbol: nfc(t.numberSymbol),
    typeCode: nfc(t.typeCode),
    documentDate: t.date,
    issuer: { by: 'code', value: nfc(t.issuerCode) },
    subject: nfc(t.subject),
    secrecy: slugOf(SECRECY_SLUGS, t.secrecy, 'secrecy', t.id),
    urgency: slugOf(URGENCY_SLUGS, t.urgency, 'urgency', t.id),
    bodyText: t.bodyText?.trim() ? t.bodyText : null,
  };
}

/** Subjects (and printed names) compared: NFC, one tone placement, lower case, single spaces, no end punctuation. */
export const subjectKey = (s: string | null | undefined): string => normalisePhrase(s ?? '').replace(/[\s.,;:]+$/u, '');
