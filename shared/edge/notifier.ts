/** The notifier DAUMOI_NOTIFIER names ('ses' or 'outbox'); each edge has its own default. */
import type { Clock } from '../platform/clock';
import { optionalEnv, requireEnv } from '../platform/env';
import type { Notifier } from '../platform/notify/notifier';
import type { DynamoOutbox } from '../platform/notify/outbox-notifier';
import { SesNotifier } from '../platform/notify/ses-notifier';
import { REPORTING_ENV } from '../reports/env';

export function notifierFromEnv(fallback: 'ses' | 'outbox', outbox: DynamoOutbox, clock: Clock): Notifier {
  const kind = optionalEnv(REPORTING_ENV.notifier, fallback);
  if (kind === 'outbox') return outbox;
  if (kind === 'ses') return SesNotifier.create(requireEnv(REPORTING_ENV.mailFrom), clock, optionalEnv(REPORTING_ENV.sesConfigurationSet));
  throw new Error(`${REPORTING_ENV.notifier} must be "ses" or "outbox", not "${kind}"`);
}
