/**
 * Blob storage for scans and OCR output (S3 in the cloud, s3rver embedded). Keys are plain
 * (letters, digits, `/`, `-`, `_`, `.`): s3rver cannot copy URL-encoded sources.
 */
export interface BlobHead {
  size: number;
  /** Without quotes. */
  etag: string | null;
  versionId: string | null;
  contentType: string | null;
}

/** An object was created (an upload arrived): what the event that says so tells about it. */
export interface UploadNotice {
  bucket: string | null;
  /** Decoded object key. */
  key: string;
  size: number | null;
  etag: string | null;
  versionId: string | null;
  sequencer: string | null;
}

export interface PresignedPut {
  url: string;
  expiresAt: Date;
  /** Headers the client must send with the PUT (they are part of the signature). */
  headers: Record<string, string>;
}

export interface BlobStore {
  /**
   * Throws when the storage cannot be reached. Presigning is local (it never touches S3), so a
   * service hands out an upload URL only after asking this, or the client gets a URL for a store
   * that is down and the service keeps a record of an upload that cannot happen.
   */
  checkAvailable(): Promise<void>;
  /**
   * A URL to PUT one object. The content type and the length are signed: S3 refuses a PUT
   * whose `Content-Type` or `Content-Length` differ.
   */
  presignPut(key: string, opts: { contentType: string; contentLength: number; expiresInSeconds: number }): Promise<PresignedPut>;
  /**
   * A URL to GET one object (one version when given) until it expires; with `downloadAs`, offered
   * for download under that name.
   */
  presignGet(key: string, opts: { expiresInSeconds: number; versionId?: string | null; downloadAs?: string }): Promise<{ url: string; expiresAt: Date }>;
  /** The object's size, ETag and version (of one version when given); undefined when it does not exist. */
  head(key: string, opts?: { versionId?: string | null }): Promise<BlobHead | undefined>;
  /** The whole object (optionally one version); undefined when it does not exist. */
  get(key: string, opts?: { versionId?: string | null }): Promise<Uint8Array | undefined>;
  put(key: string, body: Uint8Array | string, contentType: string): Promise<void>;
  /** Copies the object to `to`, then deletes the source version. */
  move(from: string, to: string, opts?: { versionId?: string | null }): Promise<void>;
  /**
   * Removes every stored version of the object (and its delete markers), so that nothing of it
   * can be read back from the versioned bucket. Returns how many versions were removed.
   */
  purge(key: string): Promise<{ versions: number }>;
  /** Deletes the object; with a version id that version is gone for good (no delete marker). */
  delete(key: string, opts?: { versionId?: string | null }): Promise<void>;
}
