/**
 * OCR engine port: a scan's bytes (JPEG, PNG, TIFF or PDF) in, the text of every page out,
 * with per-line confidences and boxes when the engine gives them (the field extractor uses
 * them to put the page's columns in reading order). Adapters: tesseract.js (default, reads
 * Vietnamese) and Amazon Textract (reads the Latin letters only).
 *
 * This is the one OCR contract: the use cases (app/scan-reader.ts) apply the field extractor
 * to its result; the one error an engine throws for a file that cannot be read at all is
 * {@link UnreadableDocumentError} (shared/scans/domain/unreadable.ts), and the one check of a
 * file's first bytes, header and pixel claims is `readableScanKind` beside it.
 */
export { UnreadableDocumentError, isUnreadableDocumentError, kindOfReason, type UnreadableKind } from '../domain/unreadable';
import type { HandReading } from '../domain/extract/handwriting';


/** A box in page pixels (Textract's relative geometry is scaled to the page's width and height). */
export interface OcrBBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: OcrBBox;
  /** Each character's extent across the line (pixels), when the engine gives it: where a printed tail starts inside a word OCR glued to handwriting. */
  chars?: { text: string; x0: number; x1: number }[];
}

export interface OcrLine {
  text: string;
  /** 0..1 */
  confidence: number;
  bbox: OcrBBox;
  /** The line's words with their boxes, when the engine gives them. */
  words?: OcrWord[];
}

export interface OcrPage {
  /** The page's text in reading order (header and footer columns one after the other). */
  text: string;
  /** Mean confidence of the page, 0..1. */
  confidence: number;
  /**
   * Size of the page image the boxes refer to (Textract: the nominal A4 size its relative boxes
   * were scaled to when the page has no pixels). The field extractor divides by it: page fractions.
   */
  width?: number;
  height?: number;
  lines?: OcrLine[];
  /**
   * Ink in the page's header band that OCR gave no text for (a boxed or red stamp it could
   * not read), when the engine looks: the reader cannot then say no secrecy mark is there.
   */
  unreadInk?: OcrBBox[];
  /**
   * Digits written by hand in the header's gaps (after "Số", "ngày", "tháng"; found by the
   * extractor's handwritingSpots), as the engine's digit recogniser read them.
   */
  handwriting?: HandReading[];
  /**
   * Coloured rubber stamps read from the page's colour (a red HỎA TỐC turned on the page, lost in
   * the grey the text is read from), when the engine looks: the best reading of each, its
   * confidence, its box in page pixels and the angle it read best at (degrees, anticlockwise positive).
   */
  stamps?: OcrStamp[];
  /** The page's text is a born-digital PDF's own text layer (typed), not read from pixels: nothing on it was written by hand. */
  typed?: boolean;
  /**
   * The page lay sideways or upside down and was read turned clockwise by this many quarter turns:
   * `width`, `height` and every box are those of the turned (upright) page; the extractor maps a
   * field's box back onto the page as it was sent.
   */
  turned?: 1 | 2 | 3;
}

export interface OcrStamp {
  text: string;
  /** 'red': read on the page's red; 'grey': in ink the page's OCR left unread (a stamp on a greyscale scan). */
  colour: 'red' | 'grey';
  /** 0..1 */
  confidence: number;
  bbox: OcrBBox;
  angle: number;
}

/** A digital signature's dictionary in a PDF, as it claims (not verified: issue 16 verifies). */
export interface OcrSignature {
  /** The signing time (/M) as ISO 8601 with its offset ("2025-01-15T17:10:17+07:00"; "Z" when the PDF gives none). */
  signedAt: string;
  /** /Name, /Location, /Reason when present. */
  name?: string;
  location?: string;
  reason?: string;
}

export interface OcrResult {
  pages: OcrPage[];
  /** Which engine read it ("tesseract", "textract"). */
  engine: string;
  /** A PDF's digital signatures, earliest first, when it has any (read, not verified). */
  signatures?: OcrSignature[];
}

export interface OcrInput {
  bytes: Uint8Array;
  /** The declared type (image/jpeg, image/png, image/tiff, application/pdf); the magic bytes decide. */
  contentType: string;
}

export interface OcrEngine {
  /** Which engine reads ("tesseract", "textract"). */
  readonly name: string;
  /**
   * Reads every page. Throws {@link UnreadableDocumentError} when the file cannot be read at all
   * (empty, not an image or PDF, truncated, corrupt); any other error may be retried.
   */
  recognize(input: OcrInput): Promise<OcrResult>;
  /** Starts workers and loads the model ahead of the first document, when there is anything to start. */
  warmUp?(): Promise<void>;
  close?(): Promise<void>;
}

