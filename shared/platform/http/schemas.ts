/** Schemas shared by several routes: the error body, list envelopes, common query fields. */
import * as z from 'zod';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.record(z.string(), z.unknown())).optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2048).optional(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * Where and how to upload one file: PUT it to `uploadUrl` with exactly `headers` (the content type
 * and length are signed into the URL: storage refuses any other) before `expiresAt`. Scans and
 * report attachments answer this shape, each with its own id.
 */
export const UploadTicket = z
  .object({
    uploadUrl: z.string().meta({ description: 'Presigned URL of the storage' }),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()).meta({ description: 'Send these headers with the PUT (they are signed)' }),
    expiresAt: z.string().meta({ description: 'The URL works until this instant' }),
    maxBytes: z.number().int().meta({ description: 'The most a file of this kind may have' }),
  })
  .meta({ id: 'UploadTicket' });

/** The version of the object answered, for If-Match on its next update. */
export const ETAG_HEADERS = {
  ETag: { description: 'The version of the object, e.g. `"3"`: send it back as If-Match', required: true, schema: { type: 'string', pattern: '^"\\d+"$' } },
};

/** The headers of a file download (an export). */
export const FILE_HEADERS = {
  'Content-Disposition': { description: 'attachment, with the file name', required: true, schema: { type: 'string' } },
};

export const IsoDate = z.iso.date();
export const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'must be letters, digits, - or _');
