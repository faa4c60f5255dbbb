/** The names of daumoi's metrics, shared by the functions (shared/platform/observability/metrics.ts) and the alarms (infra). */
export const METRICS_NAMESPACE = 'daumoi';

/** The names the alarms and dashboards use. */
export const METRIC = {
  /** A request answered 503: a backing service (DynamoDB, S3) was unreachable. */
  dependencyUnavailable: 'DependencyUnavailable',
  /** A request answered 500: a bug. */
  internalError: 'InternalError',
  /** An entry's search indexing failed at its write (the sweeper retries it). */
  searchIndexingFailed: 'SearchIndexingFailed',
  /** Entries the sweeper indexed / could not index. */
  searchSwept: 'SearchEntriesSwept',
  searchSweepFailed: 'SearchSweepFailed',
  /** OCR outcomes (dimension `outcome`: done, failed, quarantined, duplicate, ignored, retry). */
  ocrOutcome: 'OcrOutcome',
  /** Audit events appended to the hash chain. */
  auditSealed: 'AuditEventsSealed',
  /** Problems the scheduled verification found in the audit hash chain (0 when intact). */
  auditChainProblems: 'AuditChainProblems',
  /** Report reminders sent / that could not be sent. */
  remindersSent: 'RemindersSent',
  remindersFailed: 'RemindersFailed',
} as const;
