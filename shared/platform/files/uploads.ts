/**
 * An upload ticket: where and how the client uploads one file (a scan, a report attachment).
 * One shape for both (`UploadTicket` in shared/platform/http/schemas.ts): PUT the file to `uploadUrl` with
 * exactly `headers` before `expiresAt`; the content type and length are signed into the URL.
 */
export interface UploadTicket {
  uploadUrl: string;
  method: 'PUT';
  /** Headers to send with the PUT: they are part of the signature. */
  headers: Record<string, string>;
  expiresAt: string;
  maxBytes: number;
}

export const uploadTicket = (put: { url: string; headers: Record<string, string> }, expiresAt: string, maxBytes: number): UploadTicket => ({
  uploadUrl: put.url,
  method: 'PUT',
  headers: put.headers,
  expiresAt,
  maxBytes,
});
