/** Environment variables of the reporting capability (infra sets them; the module factory and the embedded plugin read them). */
export const REPORTING_ENV = {
  /** 'ses' | 'outbox'. Default: the edge's (shared/edge/cloud.ts: 'ses'; embedded, local/edge.ts: 'outbox'). */
  notifier: 'DAUMOI_NOTIFIER',
  /** Verified SES sender of reminders, e.g. "Văn phòng Tỉnh ủy <vanphong@example.gov.vn>". Required with 'ses'. */
  mailFrom: 'DAUMOI_MAIL_FROM',
  /** Optional SES configuration set (bounce/complaint tracking). */
  sesConfigurationSet: 'DAUMOI_SES_CONFIGURATION_SET',
  /** Embedded only: how often the reminder timer runs (ms, default 60000). */
  reminderIntervalMs: 'DAUMOI_REMINDER_INTERVAL_MS',
} as const;
