/**
 * A PDF's digital signatures as its signature dictionaries claim them (/M signing time, /Name,
 * /Location, /Reason), read with pdf-lib. Not verified (issue 16 verifies): a lower bound the
 * extractor may use (a document is not dated after its issuer first signed it).
 *
 * Never throws, and is bounded: a PDF with no `/ByteRange` in its bytes (every signature
 * dictionary carries one, uncompressed, since the signed byte ranges are counted around it) is
 * not parsed at all; otherwise the parse is given `timeoutMs` and at most `maxSignatures` are kept.
 * Parsing holds about one more copy of the file (a scan is at most 50 MB): measured on a 114 MB,
 * 100-page signed PDF, 0.25 s and +100 MB.
 */
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from 'pdf-lib';
import type { OcrSignature } from '../../ports/ocr-engine';

export interface PdfSignatureOptions {
  /** Give up (no signatures) after this long (default 5 s). */
  timeoutMs?: number;
  /** Keep at most this many (default 50). */
  maxSignatures?: number;
}

const BYTE_RANGE = Buffer.from('/ByteRange', 'latin1');

/**
 * A PDF date ("D:20250115171017+07'00'") as ISO 8601 with its offset; "Z" when the date gives
 * no offset (PDF: the relation to UT is then unknown). Null when it is no date.
 */
export function pdfDateToIso(s: string): string | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:[Zz]|([+-])(\d{2})'?(\d{2})?'?)?/.exec(s.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh, om = '00'] = m;
  const n = (x: string) => Number(x);
  if (n(mo) < 1 || n(mo) > 12 || n(d) < 1 || n(d) > 31 || n(h) > 23 || n(mi) > 59 || n(se) > 59) return null;
  if (oh !== undefined && (n(oh) > 14 || n(om) > 59)) return null;
  const offset = sign && oh !== undefined ? `${sign}${oh}:${om}` : 'Z';
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${se}${offset}`;
  // A day the month does not have (31 April) is no date.
  const back = new Date(iso);
  if (Number.isNaN(back.getTime())) return null;
  const local = new Date(back.getTime() + (offset === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (n(oh!) * 60 + n(om)) * 60_000));
  if (local.getUTCDate() !== n(d)) return null;
  return iso;
}

const text = (o: PDFObject | undefined): string | undefined => {
  if (o instanceof PDFString || o instanceof PDFHexString) {
    const t = o.decodeText().replace(/\u0000/g, '').trim();
    return t || undefined;
  }
  return undefined;
};

/** Reads the signature dictionaries of a parsed PDF: every dictionary with /ByteRange (or /Type /Sig) and a /M date. */
function signaturesOf(doc: PDFDocument, max: number): OcrSignature[] {
  const out: OcrSignature[] = [];
  const BR = PDFName.of('ByteRange');
  const TYPE = PDFName.of('Type');
  const SIG = PDFName.of('Sig');
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue;
    if (!obj.has(BR) && obj.get(TYPE) !== SIG) continue;
    const signedAt = pdfDateToIso(text(obj.get(PDFName.of('M'))) ?? '');
    if (!signedAt) continue;
    const name = text(obj.get(PDFName.of('Name')));
    const location = text(obj.get(PDFName.of('Location')));
    const reason = text(obj.get(PDFName.of('Reason')));
    out.push({ signedAt, ...(name ? { name } : {}), ...(location ? { location } : {}), ...(reason ? { reason } : {}) });
    if (out.length >= max) break;
  }
  return out.sort((a, b) => Date.parse(a.signedAt) - Date.parse(b.signedAt));
}

/** The PDF's signatures, earliest first; none when it has none, cannot be parsed, or takes too long. */
export async function pdfSignatures(bytes: Uint8Array, opts: PdfSignatureOptions = {}): Promise<OcrSignature[]> {
  try {
    if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(BYTE_RANGE) < 0) return [];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), opts.timeoutMs ?? 5000);
    });
    try {
      const doc = await Promise.race([
        PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: false, updateMetadata: false }).catch(() => null),
        timeout,
      ]);
      return doc ? signaturesOf(doc, opts.maxSignatures ?? 50) : [];
    } finally {
      clearTimeout(timer);
    }
  } catch {
    return [];
  }
}
