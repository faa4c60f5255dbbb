/** The reporting capability's services, made from their dependencies (the adapters chosen by the function that composes them: shared/reports/index.ts). */
import type { Outbox } from '../../platform/notify/notifier';
import type { ReportingDeps } from './deps';
import { OrgService } from './org-service';
import { ReminderService } from './reminder-service';
import { ReportService } from './report-service';
import { ReportTypeService } from './report-type-service';

export interface Reporting {
  orgs: OrgService;
  types: ReportTypeService;
  reports: ReportService;
  reminders: ReminderService;
  outbox: Outbox;
}

export function createReporting(deps: ReportingDeps): Reporting {
  return {
    orgs: new OrgService(deps),
    types: new ReportTypeService(deps),
    reports: new ReportService(deps),
    reminders: new ReminderService(deps),
    outbox: deps.outbox,
  };
}

export type { ReportingDeps } from './deps';
