/** What the reporting services need from the world; each function composes the adapters (shared/reports/index.ts reportsModule). */
import type { DomainConfig } from '../../office';
import type { Caller } from '../../platform/security';
import type { AuditLog, AuditInput } from '../../audit';
import type { Clock } from '../../platform/clock';
import type { ClientDirectory } from '../../identity';
import type { ClientProvisioner } from '../../identity';
import type { Notifier, Outbox } from '../../platform/notify/notifier';
import type { OrgStore } from '../ports/orgs';
import type { ReportFiles } from '../ports/report-files';
import type { ReportDataSchemas } from '../ports/report-data-schemas';
import type { AttachmentStore, ReminderStore, ReportStore, ReportTypeStore } from '../ports/reports';

export interface ReportingDeps {
  clock: Clock;
  audit: AuditLog;
  config: () => DomainConfig;
  orgs: OrgStore;
  types: ReportTypeStore;
  reports: ReportStore;
  attachments: AttachmentStore;
  reminders: ReminderStore;
  clients: ClientDirectory;
  provisioner: ClientProvisioner;
  files: ReportFiles;
  /** Report types' data schemas (Ajv; only the reports function carries it). */
  schemas: ReportDataSchemas;
  notifier: Notifier;
  outbox: Outbox;
}

/** Who acts in audit events written by the scheduled reminder job. */
export const REMINDER_JOB: Caller = { sub: 'system:reminders', username: 'reminders', roles: [], clearance: 'none' };

/**
 * An audit event's transaction item. It is stamped with the real time, not the office clock: the
 * log records when a write happened, and a clock moved in tests must not date events in the future
 * (the sealer chains events once they are older than its grace period).
 */
export function auditItem(deps: Pick<ReportingDeps, 'audit'>, input: Omit<AuditInput, 'at'>): unknown {
  return deps.audit.prepare(input).transactItem;
}
