/** Presigned upload and download of report attachments (S3; s3rver when embedded). */
export interface PresignedUrl {
  url: string;
  expiresAt: Date;
  /** Headers the client must send with the PUT (they are part of the signature). */
  headers: Record<string, string>;
}

/** An object as it stands in the bucket. */
export interface FileStat {
  size: number;
  /** Without quotes; null when the store gives none. */
  etag: string | null;
}

export interface ReportFiles {
  /** Throws when the storage cannot be reached (see BlobStore.checkAvailable). */
  checkAvailable(): Promise<void>;
  /**
   * A URL to PUT one object. The content type and the length are signed: S3 refuses a PUT whose
   * `Content-Type` or `Content-Length` differ from these.
   */
  presignUpload(key: string, opts: { contentType: string; contentLength: number }, expiresInSeconds: number): Promise<PresignedUrl>;
  /** A URL to GET one object, offered for download under `fileName`. */
  presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<Omit<PresignedUrl, 'headers'>>;
  /** Size (and ETag) of an uploaded object, or undefined when nothing was uploaded under the key. */
  stat(key: string): Promise<FileStat | undefined>;
  /**
   * Copies the object at `from` (only while its ETag is still `etag`, where the store checks it)
   * to `to`, a key no upload URL is ever issued for: what a submitted report cites can then no
   * longer be replaced by a second PUT to the upload URL. Returns the copy as it stands.
   */
  seal(from: string, to: string, etag: string | null): Promise<FileStat>;
}
