/**
 * Scheduled (EventBridge Scheduler, hourly): nhắc việc — reminds of open assignments the configured
 * working days before and after their due dates, once per reminder (embedded: local/plugins/assignment-reminders.ts).
 */
import { lazyHandler, observed, once } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { assignmentsModule, type AssignmentReminderRun } from '../shared/assignments/index';
import { logger } from '../shared/platform/observability/logger';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const office = () => given.office ?? officeConfig();
  const registers = once(() => registersOf(platform, audit, given));
  const { reminders } = assignmentsModule(platform, { audit, office, registers, users: () => edge.users(platform, audit), notifier: (o) => edge.notifier(o, platform.clock) });
  return observed(async (): Promise<AssignmentReminderRun> => {
    const run = await reminders.run();
    logger.info('assignment reminders', { ...run });
    if (run.failed > 0) logger.warn('some assignment reminders could not be sent; the next run retries them', { failed: run.failed });
    return run;
  });
}

export const handler = lazyHandler(() => compose(cloudEdge()));
