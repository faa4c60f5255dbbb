/**
 * Notifications (thông báo) to organisations: reminders and the like. Cloud: e-mail through SES;
 * embedded: an outbox in the Data table that the API shows (`GET /v1/notifications/outbox`).
 */
export interface Notification {
  /** E-mail addresses; an empty list is recorded but not delivered. */
  to: string[];
  subject: string;
  text: string;
  /** What it is about, e.g. `report-reminder`. */
  kind: string;
  orgId?: string;
  /** The entity it refers to, e.g. `BC-THANG/2026-10`. */
  ref?: string;
}

export interface SentNotification extends Notification {
  messageId: string;
  sentAt: string;
  status: 'sent' | 'skipped';
}

export interface Notifier {
  send(n: Notification): Promise<SentNotification>;
}

/** The embedded outbox, read back through the API. */
export interface Outbox {
  list(q: { orgId?: string | undefined; limit: number; cursor?: string | undefined }): Promise<{ items: SentNotification[]; nextCursor: string | null }>;
}
