/**
 * Scheduled (EventBridge Scheduler, e.g. hourly): reminds every organisation that has not reported
 * of a due or passed deadline, once per scheduled reminder (embedded: local/plugins/reminders.ts).
 */
import { services } from '../shared/composition';
import { logger } from '../shared/platform/observability/logger';
import { count, METRIC, publishMetrics } from '../shared/platform/observability/metrics';
import type { ReminderRun } from '../shared/reports/index';

export const handler = async (): Promise<ReminderRun> => {
  const run = await services().reporting.reminders.run();
  logger.info('report reminders', { at: run.at, sent: run.sent, skipped: run.skipped, failed: run.failed, alreadyDone: run.alreadyDone, checked: run.checked.length });
  if (run.failed > 0) logger.warn('some reminders could not be sent; the next run retries them', { failed: run.failed });
  count(METRIC.remindersSent, run.sent);
  count(METRIC.remindersFailed, run.failed);
  publishMetrics();
  return run;
};
