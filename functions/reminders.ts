/**
 * Scheduled (EventBridge Scheduler, e.g. hourly): reminds every organisation that has not reported
 * of a due or passed deadline, once per scheduled reminder (embedded: local/plugins/reminders.ts).
 */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { reportsModule, type ReminderRun } from '../shared/reports/index';
import { logger } from '../shared/platform/observability/logger';
import { count, METRIC } from '../shared/platform/observability/metrics';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const office = () => given.office ?? officeConfig();
  const { reminders } = reportsModule(platform, { audit, office, provisioner: () => edge.provisioner(), notifier: (o) => edge.notifier(o, platform.clock) });
  return observed(async (): Promise<ReminderRun> => {
    const run = await reminders.run();
    logger.info('report reminders', { at: run.at, sent: run.sent, skipped: run.skipped, failed: run.failed, alreadyDone: run.alreadyDone, checked: run.checked.length });
    if (run.failed > 0) logger.warn('some reminders could not be sent; the next run retries them', { failed: run.failed });
    count(METRIC.remindersSent, run.sent);
    count(METRIC.remindersFailed, run.failed);
    return run;
  });
}

export const handler = lazyHandler(() => compose(cloudEdge()));
