/** Presigned upload and download of report attachments (S3; s3rver when embedded). */
export interface PresignedUrl {
  url: string;
  expiresAt: Date;
}

export interface ReportFiles {
  /** Throws when the storage cannot be reached (see BlobStore.checkAvailable). */
  checkAvailable(): Promise<void>;
  presignUpload(key: string, contentType: string, expiresInSeconds: number): Promise<PresignedUrl>;
  presignDownload(key: string, fileName: string, expiresInSeconds: number): Promise<PresignedUrl>;
  /** Size of an uploaded object, or undefined when nothing was uploaded under the key. */
  stat(key: string): Promise<{ size: number } | undefined>;
}
