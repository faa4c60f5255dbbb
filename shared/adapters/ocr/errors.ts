/** The error an OCR engine throws when a file cannot be read at all (a retry cannot help). */
export class UnreadableScanError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'UnreadableScanError';
  }
}

export const isUnreadableScanError = (err: unknown): err is UnreadableScanError =>
  err instanceof UnreadableScanError || (err instanceof Error && err.name === 'UnreadableScanError');
