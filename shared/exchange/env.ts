/** The exchange's environment variables (read by the exchange module, set by infra/ and local/). */
export const EXCHANGE_ENV = {
  /** This office's id in the exchange (default: the configuration's office bodyId). */
  officeId: 'DAUMOI_OFFICE',
  /** Where partners post messages to this office (the identity endpoint gives it). */
  endpoint: 'DAUMOI_EXCHANGE_ENDPOINT',
  /** Seconds a message's sentAt may differ from now (default 300). */
  windowSeconds: 'DAUMOI_EXCHANGE_WINDOW_SECONDS',
  /** Attempts before a delivery is failed (default 8; the SQS redrive count is one more). */
  maxAttempts: 'DAUMOI_EXCHANGE_MAX_ATTEMPTS',
  /** Largest message accepted, bytes (default 5 MB: under Lambda's 6 MB request payload). */
  maxBytes: 'DAUMOI_EXCHANGE_MAX_BYTES',
  /** Seconds before the first retry (doubling each time; default 2). */
  backoffSeconds: 'DAUMOI_EXCHANGE_BACKOFF_SECONDS',
  /** The longest wait between two attempts, seconds (default 900). */
  backoffMaxSeconds: 'DAUMOI_EXCHANGE_BACKOFF_MAX_SECONDS',
  /** The delivery queue's URL (cloud: the sender sets a failed message's visibility on it). */
  queueUrl: 'DAUMOI_EXCHANGE_QUEUE_URL',
} as const;
