/**
 * Reading a scan, the use cases' step between the stored bytes and the scan's fields: the
 * magic bytes name the file's kind, the OCR engine (the one port, ports/ocr-engine.ts) reads
 * its pages, and the field extractor (domain/extract) is applied here, never in an adapter.
 * The extractor reads with the office's vocabulary: the default one extended with
 * config/domain.json's document types, body codes, header names and signing blocks.
 */
import { detectFileKind } from '../../platform/files/file-type';
import { localDate } from '../../office';
import { extractFields, inkExplainedByStamps, type ExtractVocabulary, type HandReading, type LayoutLine } from '../domain/extract/index';
import type { ScanContentType, ScanFields } from '../domain/model';
import { isUnreadableDocumentError, type OcrEngine, type OcrResult, type OcrSignature, type OcrStamp } from '../ports/ocr-engine';

/** The text OCR read from a file, page by page. */
export interface ReadText {
  engine: string;
  /**
   * Each page's text; `unreadInk`: how many regions of ink in its header band OCR gave no text for (when the engine looks);
   * `lines`: OCR's lines and words with their boxes, in the units of `width` × `height` (the extractor makes them page fractions).
   */
  pages: { text: string; confidence: number | null; unreadInk?: number; lines?: LayoutLine[]; width?: number; height?: number; stamps?: OcrStamp[]; handwriting?: HandReading[]; typed?: boolean; turned?: 1 | 2 | 3 }[];
  /** A PDF's signing times, earliest first, as its signature dictionaries claim them (not verified). */
  signatures?: OcrSignature[];
}

/** The fields extracted from OCR text, in the shape GET /v1/scans/{id} shows. */
export interface ExtractedScanFields {
  fields: ScanFields;
  lowConfidence: string[];
}

/** The reading step as the pipeline orders it (scanReader builds it around an engine; tests may stand in for it). */
export interface ScanReader {
  /** The kind of file its first bytes show (jpeg, png, tiff, pdf…), or null. */
  detectType(bytes: Uint8Array): string | null;
  /** Reads every page; throws an error `isUnreadable` recognises when the file cannot be read at all. */
  read(bytes: Uint8Array, contentType: ScanContentType): Promise<ReadText>;
  isUnreadable(err: unknown): boolean;
  /** The fields of the joined text; with the pages read, what OCR could not read counts too (unread ink in page 1's header: secrecy fails closed). */
  extract(text: string, read?: Pick<ReadText, 'pages' | 'signatures'>): ExtractedScanFields;
  /** Starts the engine ahead of the first scan (worker pool, model), when it has anything to start. */
  warmUp?(): Promise<void>;
  /** Stops the engine's workers. */
  close?(): Promise<void>;
}

/** How many of a page's boxes of unread header ink no stamp read there as a mark explains. */
const unreadLeft = (p: OcrResult['pages'][number]): number => {
  const unread = p.unreadInk ?? [];
  return unread.length - (p.stamps?.length ? inkExplainedByStamps(unread, p.stamps).length : 0);
};

/** The text view of a recognition result, with the lines' boxes and the page size they are in (when the engine gives both). */
export function toReadText(r: OcrResult): ReadText {
  return {
    engine: r.engine,
    pages: r.pages.map((p) => {
      const sized = !!p.lines?.length && !!p.width && !!p.height && p.width > 0 && p.height > 0;
      const unread = unreadLeft(p);
      return {
        text: p.text,
        confidence: p.confidence,
        ...(unread ? { unreadInk: unread } : {}),
        ...(sized ? { lines: p.lines!, width: p.width!, height: p.height! } : {}),
        ...(p.stamps?.length ? { stamps: p.stamps } : {}),
        ...(p.handwriting?.length ? { handwriting: p.handwriting } : {}),
        ...(p.typed ? { typed: true } : {}),
        ...(sized && p.turned ? { turned: p.turned } : {}),
      };
    }),
    ...(r.signatures?.length ? { signatures: r.signatures } : {}),
  };
}

/** The office's calendar day of a moment given with its offset (undefined when it is not a date). */
export function officeDay(iso: string, timeZone: string): string | undefined {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? localDate(new Date(t), timeZone) : undefined;
}

/** The reading step around one OCR engine, extracting with `vocabulary()` (the office's, from its configuration). */
export function scanReader(engine: OcrEngine, vocabulary: () => ExtractVocabulary, now: () => Date = () => new Date(), timeZone: () => string = () => 'Asia/Ho_Chi_Minh'): ScanReader {
  return {
    detectType: (bytes) => detectFileKind(bytes),
    read: async (bytes, contentType) => toReadText(await engine.recognize({ bytes, contentType })),
    isUnreadable: (err) => isUnreadableDocumentError(err),
    extract: (text, read) => {
      const today = now();
      const signedOn = read?.signatures?.length ? officeDay(read.signatures[0]!.signedAt, timeZone()) : undefined;
      return extractFields(text, {
        today,
        latest: localDate(today, timeZone()),
        vocabulary: vocabulary(),
        unreadHeaderInk: !!read?.pages[0]?.unreadInk,
        // A born-digital page 1 is typed: its number and day were not written by hand.
        ...(read?.pages[0]?.typed ? { typedHeader: true } : {}),
        ...(read?.pages[0]?.handwriting ? { handwriting: read.pages[0].handwriting } : {}),
        // The first signature is the issuer's (a gazette or a copy signs later): the document is dated on or before its day.
        ...(signedOn ? { signedOn } : {}),
        // The pages' boxes, when `text` is their texts joined as the pipeline joins them: fields get their page and box.
        ...(read?.pages.some((p) => p.lines?.length) && text === read.pages.map((p) => p.text).join('\n\n') ? { pages: read.pages } : {}),
      });
    },
    warmUp: () => engine.warmUp?.() ?? Promise.resolve(),
    close: () => engine.close?.() ?? Promise.resolve(),
  };
}
