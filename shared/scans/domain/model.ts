/**
 * A scan (bản quét): a letter the clerk (văn thư) uploads to be read by OCR, shown back with
 * its extracted fields, and registered in the sổ văn bản đến. Plain data shapes.
 */
import type { Secrecy } from '../../platform/security';
import type { Urgency } from '../../office';

export const SCAN_STATUSES = ['awaiting-upload', 'processing', 'done', 'failed', 'quarantined'] as const;
export type ScanStatus = (typeof SCAN_STATUSES)[number];

/** What a client may upload (api.md): JPEG, PNG, TIFF or PDF. */
export const SCAN_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/tiff', 'application/pdf'] as const;
export type ScanContentType = (typeof SCAN_CONTENT_TYPES)[number];

/** Largest upload accepted: 50 MB (a 100-page letter scanned at 300 dpi in grey JPEG is ~30 MB). */
export const MAX_SCAN_BYTES = 50 * 1024 * 1024;

/**
 * What one scan may ask of the OCR worker, checked before any pixel is decoded. An office's
 * letters and dossiers run to tens of pages; a page is A4 (A3 at most) at 200–600 dpi:
 * A4 at 600 dpi is 4961 × 7016 px (35 MP), A3 at 600 dpi 7016 × 9921 (70 MP). Beyond these a
 * file is not a scanned letter but a decompression bomb (a few KB claiming 30000 × 30000 px =
 * 900 MP, 3.6 GB as RGBA) or a book; the scan fails with the reason and the file is kept.
 */
export const SCAN_LIMITS = {
  /** Bytes (the upload URL signs the announced size; the worker checks the object before reading it). */
  bytes: MAX_SCAN_BYTES,
  /** Pages of a PDF (pages are read one at a time). */
  pages: 100,
  /** Pixels on the longer side of an image (or a PDF page's image, or a rendered page). */
  side: 12_000,
  /** Pixels of one image (width × height): 100 MP, ~100 MB grey, 400 MB RGBA while decoding. */
  pixels: 100_000_000,
} as const;

/** Where uploads land (presigned PUT), where quarantined ones go, and where OCR output is kept. */
export const SCAN_PREFIX = 'scans/';
export const QUARANTINE_PREFIX = 'quarantine/';
export const OCR_PREFIX = 'ocr/';

export const scanObjectKey = (scanId: string): string => `${SCAN_PREFIX}${scanId}`;
export const quarantineObjectKey = (scanId: string): string => `${QUARANTINE_PREFIX}${scanId}`;
export const ocrTextKey = (scanId: string): string => `${OCR_PREFIX}${scanId}.json`;

/** The fields GET /v1/scans/{id} shows, each with a confidence in [0, 1] (api.md). */
export const SCAN_FIELD_NAMES = [
  'numberSymbol',
  'typeCode',
  'issuer',
  'issuerCode',
  'place',
  'documentDate',
  'subject',
  'secrecy',
  'urgency',
  'signer',
  'recipients',
] as const;
export type ScanFieldName = (typeof SCAN_FIELD_NAMES)[number];

/** Where on its page a field was read: fractions 0..1 of the page's width and height, from its top left. */
export interface ScanFieldBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface ScanField<T = unknown> {
  value: T | null;
  confidence: number;
  /** Why the reader gives no value (or an unsure one): "handwritten", "not in the header zone", "mark zone not clearly read"… */
  reason?: string;
  /** The page (1-based) the value was read on, when OCR gave boxes. */
  page?: number;
  /** The union of the boxes of the OCR lines or words the value came from, on `page`. */
  bbox?: ScanFieldBox;
}

export interface ScanFields {
  numberSymbol: ScanField<string>;
  typeCode: ScanField<string>;
  issuer: ScanField<string>;
  issuerCode: ScanField<string>;
  place: ScanField<string>;
  documentDate: ScanField<string>;
  subject: ScanField<string>;
  secrecy: ScanField<Secrecy>;
  urgency: ScanField<Urgency>;
  signer: ScanField<string>;
  recipients: ScanField<string[]>;
  /** Further fields the extractor finds (signing capacity, signer title…), shown as they come. */
  [extra: string]: ScanField;
}

/**
 * OCR found no secrecy mark but could not tell that none is there (the field is null with a reason:
 * an unread stamp, a near-MẬT word): the scan fails closed until a clerk decides.
 */
export function secrecyUnsure(fields: Pick<ScanFields, 'secrecy'> | null | undefined): boolean {
  const read = fields?.secrecy;
  return !!read && (read.value ?? null) === null && !!read.reason;
}

/** Why a scan failed: a stable code for clients and a sentence for the clerk. */
export interface ScanFailure {
  code: 'EMPTY_FILE' | 'TOO_LARGE' | 'SIZE_MISMATCH' | 'NOT_A_SCAN' | 'TYPE_MISMATCH' | 'MISSING' | 'UNREADABLE' | 'OCR_FAILED' | 'IMAGE_TOO_LARGE' | 'TOO_MANY_PAGES';
  reason: string;
}

/** What the secrecy guard did with a Tối mật / Tuyệt mật scan. */
export interface ScanQuarantine {
  secrecy: Secrecy;
  /** `moved` to the quarantine prefix, or `deleted`. */
  action: 'moved' | 'deleted';
  /** The object's key after the move; null when deleted. */
  objectKey: string | null;
  at: string;
}

/** The uploaded object as the pipeline saw it. */
export interface ScanUpload {
  etag: string | null;
  versionId: string | null;
  size: number;
  /** Type found from the file's first bytes; null when unknown. */
  detectedType: string | null;
  receivedAt: string;
}

/** How far a signature's certificate chain leads: to a root of the office's trust list, to a root it does not trust, or nowhere valid. */
export const SIGNATURE_CHAINS = ['trusted', 'untrusted-root', 'invalid'] as const;
export type SignatureChain = (typeof SIGNATURE_CHAINS)[number];

/** One digital signature (chữ ký số) of a received PDF, as the OCR worker verified it. */
export interface ScanSignature {
  /** The signing certificate's CN (a person or, for an organisation key, the body). */
  signer: string | null;
  /** The certificate's O. */
  organisation: string | null;
  /** ISO 8601: the signing time the signature claims (CMS signing-time, else the dictionary's /M). */
  signedAt: string | null;
  /** The bytes the signature covers are the bytes signed, and the signature is the certificate's. */
  intact: boolean;
  chain: SignatureChain;
  /** Nothing was added to the file after this signature. */
  coversWholeDocument: boolean;
  /**
   * Where the certificate's revocation can be checked; never fetched (the office runs offline):
   * `not-checked` when the certificate names a CRL or OCSP address, `no-information` when none.
   * Absent on scans read before it was reported.
   */
  revocation?: { status: 'not-checked' | 'no-information'; crl: string[]; ocsp: string[] };
}

/** A signature the clerk must be warned about: the file changed after signing, or its certificate is not one the office trusts. */
export const signatureDoubtful = (s: Pick<ScanSignature, 'intact' | 'chain'>): boolean => !s.intact || s.chain !== 'trusted';

export interface Scan {
  scanId: string;
  status: ScanStatus;
  fileName: string;
  /** The type the client declared (and the presigned URL was signed for). */
  contentType: ScanContentType;
  /** Size the client announced, signed into the upload URL; null when not given. */
  declaredSize: number | null;
  objectKey: string;
  upload: ScanUpload | null;
  pages: number | null;
  /** S3 key of the OCR output (text per page); null when there is none or it was not kept. */
  textKey: string | null;
  fields: ScanFields | null;
  /** Fields whose confidence is too low: the clerk should check them. */
  lowConfidence: string[];
  secrecy: Secrecy | null;
  urgency: Urgency | null;
  engine: string | null;
  failure: ScanFailure | null;
  quarantine: ScanQuarantine | null;
  /** The OCR job (deterministic key: scan + object version) whose result the scan shows. */
  jobKey: string | null;
  attempts: number;
  /** The last transient error while the job waits for another attempt. */
  lastError: string | null;
  /** The incoming register entry made from this scan. */
  entryId: string | null;
  /**
   * A PDF's signatures, verified when it was read (`[]`: a PDF without any). null for an image (no
   * PDF signature to carry), for a scan not read yet, and for scans read before signatures were checked.
   */
  signatures?: ScanSignature[] | null;
  createdAt: string;
  createdBy: { sub: string; username: string };
  updatedAt: string;
  version: number;
}

/** The OCR output kept in S3 (`ocr/<scanId>.json`); DynamoDB keeps only a pointer to it. */
export interface ScanText {
  scanId: string;
  jobKey: string;
  engine: string;
  pages: { page: number; text: string; confidence: number | null }[];
  text: string;
  createdAt: string;
}
