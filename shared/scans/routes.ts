/** Scan routes: upload a scanned letter (presigned PUT), read what OCR found, register it. */
import * as z from 'zod';
import { OFFICE_ROLES, type Role } from '../platform/security';
import { LIMITS, SECRECY_LEVELS } from '../registers/model';
import { URGENCY_LEVELS } from '../office';
import { MAX_SCAN_BYTES, SCAN_CONTENT_TYPES, SCAN_FIELD_NAMES, SCAN_STATUSES, SIGNATURE_CHAINS } from './domain/model';
import { defineRoute } from '../platform/http/route';
import { ETAG_HEADERS, Id, UploadTicket } from '../platform/http/schemas';
import { IncomingEntry } from '../registers/routes';

const CLERK: readonly Role[] = ['van-thu'];

const text = (max: number) => z.string().trim().min(1, { error: 'must not be empty' }).max(max, { error: `must be at most ${max} characters` });
const Day = z.iso.date({ error: 'must be a real calendar date YYYY-MM-DD' });

export const ScanCreate = z
  .strictObject({
    fileName: z
      .string()
      .trim()
      .min(1, { error: 'must not be empty' })
      .max(255, { error: 'must be at most 255 characters' })
      .regex(/^[^/\\\x00-\x1f]+$/, 'a file name, without folders or control characters'),
    // Checked by the operation, so that a wrong type gets 415 rather than 400.
    contentType: z.string().trim().min(1).max(100).meta({ description: `One of ${SCAN_CONTENT_TYPES.join(', ')}` }),
    size: z
      .number()
      .int()
      .min(1, { error: 'must be at least 1 byte' })
      .meta({ description: `Bytes the client will upload (required, ≤ ${MAX_SCAN_BYTES}): signed into the URL with the content type, so S3 refuses a PUT of any other length or type. Larger → 413.` }),
  })
  .meta({ id: 'ScanCreate' });

export const ScanUploadTicket = UploadTicket.extend({ scanId: z.string() }).meta({ id: 'ScanUploadTicket' });

const Field = z.object({
  value: z.unknown(),
  confidence: z.number(),
  reason: z.string().optional().meta({ description: 'Why the reader gives no value or an unsure one ("handwritten: …", "mark zone not clearly read: possibly secret, the clerk decides")' }),
  page: z.number().int().min(1).optional().meta({ description: 'The page (1-based) the value was read on; absent when the value was not read from the page (null) or OCR gave no boxes' }),
  bbox: z
    .object({ left: z.number().min(0).max(1), top: z.number().min(0).max(1), width: z.number().min(0).max(1), height: z.number().min(0).max(1) })
    .optional()
    .meta({ description: "Where on `page` the value was read, as fractions 0..1 of the page's width and height from its top left: the union of the boxes of the OCR lines or words it came from (a console highlights it)" }),
});

export const ScanSignature = z
  .object({
    signer: z.string().nullable().meta({ description: 'The signing certificate’s common name (CN); null when the signature cannot be read' }),
    organisation: z.string().nullable().meta({ description: 'The certificate’s organisation (O)' }),
    signedAt: z.string().nullable().meta({ description: 'ISO 8601: the signing time the signature claims (CMS signing-time, else the signature dictionary’s /M)' }),
    intact: z.boolean().meta({ description: 'The bytes the signature covers (its ByteRange) hash to its signed digest and the signature verifies with its certificate; false: the file was changed after signing, or the signature is malformed' }),
    chain: z.enum(SIGNATURE_CHAINS).meta({
      description: 'trusted: the certificate leads to the office’s own certificate or a configured root (e.g. Ban Cơ yếu Chính phủ); untrusted-root: to a root the office does not trust; invalid: a link fails or was not valid at the signing time',
    }),
    coversWholeDocument: z.boolean().meta({ description: 'Nothing was appended to the file after this signature (a later signature usually appends)' }),
    revocation: z
      .object({
        status: z.enum(['not-checked', 'no-information']),
        crl: z.array(z.string()).meta({ description: 'The certificate’s CRL distribution points (URLs)' }),
        ocsp: z.array(z.string()).meta({ description: 'The certificate’s OCSP responders (URLs)' }),
      })
      .optional()
      .meta({
        description:
          'Whether the signing certificate was revoked is not checked: the office runs offline. not-checked: the certificate names where to check (listed); no-information: it names nowhere (self-signed certificates, usually). Absent on scans read before this was reported',
      }),
  })
  .meta({ id: 'ScanSignature' });

export const ScanView = z
  .object({
    scanId: z.string(),
    status: z.enum(SCAN_STATUSES),
    fileName: z.string(),
    contentType: z.string(),
    pages: z.number().nullable(),
    text: z.string().nullable(),
    fields: z.record(z.string(), Field).meta({ description: `Each with value and confidence (a reason when the reader is unsure or found nothing; page and bbox where the value was read): ${SCAN_FIELD_NAMES.join(', ')}; empty while not read or when the caller's clearance does not cover the scan` }),
    lowConfidence: z.array(z.string()).meta({ description: 'Fields the clerk should check' }),
    secrecy: z.enum(SECRECY_LEVELS).nullable(),
    urgency: z.enum(URGENCY_LEVELS).nullable(),
    entryId: z.string().nullable(),
    failure: z.object({ code: z.string(), reason: z.string() }).nullable(),
    message: z.string().nullable(),
    engine: z.string().nullable(),
    signatures: z
      .array(ScanSignature)
      .nullable()
      .meta({
        description:
          'The digital signatures (chữ ký số) of a PDF, verified when it was read, earliest first: `[]` for a PDF without any. null for an image (JPEG, PNG, TIFF carry no PDF signature), while the scan is not read (or failed), and when the caller’s clearance does not cover the scan',
      }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Scan' });

export const ScanRegister = z
  .strictObject({
    numberSymbol: text(LIMITS.numberSymbol).optional(),
    documentDate: Day.optional(),
    issuer: text(LIMITS.name).optional(),
    typeCode: text(10).optional(),
    subject: text(LIMITS.subject).optional(),
    secrecy: z.enum(SECRECY_LEVELS).nullable().optional(),
    urgency: z.enum(URGENCY_LEVELS).nullable().optional(),
    handler: text(LIMITS.name).nullable().optional(),
    dueDate: Day.nullable().optional(),
    recipients: z.array(text(LIMITS.recipient)).max(LIMITS.recipients).optional(),
    note: z.string().trim().max(LIMITS.note).nullable().optional(),
    force: z.boolean().optional(),
    secrecyLoweredReason: text(LIMITS.reason)
      .optional()
      .meta({ description: 'Why the entry is registered below the secrecy OCR read on the scan. Only an office leader (lanh-dao-vp) may; audited on the scan' }),
  })
  .meta({ id: 'ScanRegister', description: 'Corrections: each field given here replaces what OCR read' });

export const ScanOriginal = z
  .object({
    scanId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int().nullable().meta({ description: 'Bytes (as uploaded, or as announced while OCR has not read it)' }),
    downloadUrl: z.string().meta({ description: 'Presigned GET URL of the file as it was uploaded (the version OCR read)' }),
    expiresAt: z.string(),
  })
  .meta({ id: 'ScanOriginal' });

const ScanParams = z.object({ scanId: Id });

export const scanRoutes = [
  defineRoute({
    operationId: 'createScan',
    method: 'POST',
    path: '/v1/scans',
    fn: 'scans',
    auth: 'user',
    roles: CLERK,
    idempotent: true,
    summary: 'Start a scan: a presigned PUT URL for the file (JPEG, PNG, TIFF or PDF, at most 50 MB); OCR starts when it arrives',
    tags: ['scans'],
    request: { body: ScanCreate },
    responses: {
      201: { description: 'Upload URL', schema: ScanUploadTicket },
      413: { description: 'Announced size over 50 MB' },
      415: { description: 'Not JPEG, PNG, TIFF or PDF' },
    },
  }),
  defineRoute({
    operationId: 'getScan',
    method: 'GET',
    path: '/v1/scans/{scanId}',
    fn: 'scans',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'A scan: status, pages, text and extracted fields (as far as the caller’s clearance allows)',
    tags: ['scans'],
    request: { params: ScanParams },
    responses: { 200: { description: 'The scan', schema: ScanView }, 404: { description: 'No such scan, or not visible to the caller' } },
  }),
  defineRoute({
    operationId: 'getScanOriginal',
    method: 'GET',
    path: '/v1/scans/{scanId}/original',
    fn: 'scans',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'A short-lived download URL (presigned GET, 5 minutes) of the file as uploaded, for whoever may see the scan in full',
    tags: ['scans'],
    request: { params: ScanParams },
    responses: {
      200: { description: 'Where to GET the file', schema: ScanOriginal },
      404: { description: 'No such scan, or the caller’s clearance does not cover it' },
      409: { description: 'Not uploaded yet, or quarantined (Tối mật / Tuyệt mật: no file is kept within reach)' },
    },
  }),
  defineRoute({
    operationId: 'registerScan',
    method: 'POST',
    path: '/v1/scans/{scanId}/register',
    fn: 'scans',
    auth: 'user',
    roles: CLERK,
    idempotent: true,
    summary: 'Register the scanned letter in the sổ văn bản đến from its fields, with the clerk’s corrections',
    tags: ['scans'],
    request: { params: ScanParams, body: ScanRegister },
    responses: {
      201: { description: 'Registered', schema: IncomingEntry, headers: ETAG_HEADERS },
      200: { description: 'Already registered: the entry made from this scan', schema: IncomingEntry, headers: ETAG_HEADERS },
      409: { description: 'Not read yet, failed, or Tối mật / Tuyệt mật (register metadata only)' },
    },
  }),
];
