/**
 * The reminder job (nhắc báo cáo): for every active report type, the periods whose reminder is
 * due now, and for each organisation that has not reported, one reminder — recorded once, then
 * sent through the notification port.
 */
import { NotFoundError } from '../../platform/errors';
import { expectedOrgIds, queriedPeriod, toOffsetIso } from '../domain/rules';
import { reminderCandidates, reminderMessage } from '../domain/reminders';
import type { ReminderRecord } from '../ports/reports';
import { auditItem, REMINDER_JOB, type ReportingDeps } from './deps';
import { remindOnce } from '../../platform/notify/reminder-loop';

export interface ReminderRun {
  at: string;
  /** Type/period pairs with a reminder due. */
  checked: { reportType: string; period: string; kind: 'before' | 'after'; missing: number }[];
  sent: number;
  skipped: number;
  failed: number;
  /** Already reminded for this slot (an earlier run). */
  alreadyDone: number;
}

export class ReminderService {
  constructor(private readonly deps: ReportingDeps) {}

  async run(): Promise<ReminderRun> {
    const { clock, types, orgs, reports, reminders, notifier } = this.deps;
    const config = this.deps.config();
    const tz = config.office.timeZone;
    const now = clock.now();
    const result: ReminderRun = { at: toOffsetIso(now, tz), checked: [], sent: 0, skipped: 0, failed: 0, alreadyDone: 0 };
    const activeTypes = (await types.all()).filter((t) => t.active);
    if (activeTypes.length === 0) return result;
    const allOrgs = await orgs.all();
    const byId = new Map(allOrgs.map((o) => [o.id, o]));
    for (const type of activeTypes) {
      for (const { period, deadline, reminder } of reminderCandidates(type, now, config)) {
        const reported = new Set((await reports.allForPeriod(type.code, period.text)).map((r) => r.orgId));
        const missing = expectedOrgIds(type, allOrgs).filter((id) => !reported.has(id));
        result.checked.push({ reportType: type.code, period: period.text, kind: reminder.kind, missing: missing.length });
        for (const orgId of missing) {
          const org = byId.get(orgId)!;
          const rec: ReminderRecord = {
            reportType: type.code,
            period: period.text,
            orgId,
            scheduledAt: reminder.at.toISOString(),
            kind: reminder.kind,
            days: reminder.days,
            deadline: toOffsetIso(deadline, tz),
            createdAt: now.toISOString(),
            status: 'pending',
            to: org.email ? [org.email] : [],
          };
          const ref = `${type.code}/${period.text}`;
          const audit = auditItem(this.deps, { actor: REMINDER_JOB, action: 'report.remind', entityType: 'organisation', entityId: orgId, before: null, after: { ref, ...rec } });
          const message = () => {
            const msg = reminderMessage({ orgName: org.name, typeName: type.name, periodLabel: period.label, deadline: rec.deadline, reminder, officeName: config.office.name });
            return { to: rec.to, subject: msg.subject, text: msg.text, kind: 'report-reminder', orgId, ref };
          };
          await remindOnce(notifier, now, { claim: (staleBefore) => reminders.claim(rec, audit, staleBefore), message, settle: (outcome) => reminders.settle(rec, outcome) }, result);
        }
      }
    }
    return result;
  }

  /** Reminders recorded for a type and period (an ad-hoc type's own period when none is given). */
  async list(reportType: string, period: string | undefined) {
    const type = await this.deps.types.get(reportType);
    if (!type) throw new NotFoundError(`No report type ${reportType}`);
    return this.deps.reminders.list(type.code, queriedPeriod(type, period).text);
  }
}
