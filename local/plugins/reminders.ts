/**
 * Embedded stand-in for the EventBridge schedule of the reminder job: runs functions/reminders.ts
 * every DAUMOI_REMINDER_INTERVAL_MS (default one minute), with the office clock (movable in tests).
 * With DAUMOI_TEST_HOOKS=1, `POST /_local/reminders/run` runs it at once and answers what it did.
 */
import type { EmbeddedPlugin } from './types';
import { REPORTING_ENV } from '../../shared/reports/env';
import { optionalEnv } from '../../shared/platform/env';

export const remindersPlugin: EmbeddedPlugin = {
  name: 'report reminders',
  async start(ctx) {
    const handler = (await import('../../functions/reminders')).compose(ctx.edge);
    const intervalMs = Math.max(100, Number(optionalEnv(REPORTING_ENV.reminderIntervalMs, '60000')) || 60_000);
    let running: Promise<unknown> | undefined;
    const runOnce = () => {
      // One run at a time; a tick during a run waits for the next tick.
      running ??= handler()
        .catch((err: Error) => ctx.log(`[reminders] ${err.message}`))
        .finally(() => (running = undefined));
      return running;
    };
    const timer = setInterval(() => void runOnce(), intervalMs);
    timer.unref();
    const testHooks = process.env.DAUMOI_TEST_HOOKS === '1';
    return {
      stop: async () => {
        clearInterval(timer);
        await running;
      },
      ...(testHooks
        ? {
            extra: async (req, _body, res) => {
              if (req.method !== 'POST' || req.url !== '/_local/reminders/run') return false;
              await running;
              const result = await handler();
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end(JSON.stringify(result));
              return true;
            },
          }
        : {}),
    };
  },
};
