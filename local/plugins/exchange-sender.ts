/**
 * Embedded stand-in for the exchange's SQS queue and sender function: the edge's local queue feeds
 * functions/exchange-sender.ts's handler; on start every message the outbox still holds as queued
 * is queued again (a `kill -9` mid-send loses nothing; the receiver stores a message once). The
 * same handler reads the Data table's stream for incoming entries written done ('handled' notices).
 */
import type { EmbeddedPlugin } from './types';
import { exchangeOf } from '../../shared/edge/exchange';
import { tableName } from '../../shared/platform/aws/tables';
import { DONE_ENTRY_FILTER } from '../../shared/exchange/sender';
import { startStreamPoller } from '../stream-poller';

export const exchangeSenderPlugin: EmbeddedPlugin = {
  name: 'exchange sender (local queue)',
  async start(ctx) {
    const handler = (await import('../../functions/exchange-sender')).compose(ctx.edge);
    ctx.edge.deliveries.consume(handler);
    const again = await exchangeOf(ctx.edge).exchange.sending.redrive();
    if (again) ctx.log(`exchange: ${again} queued message(s) re-driven from the outbox`);
    // Incoming entries written done (the cloud's filtered stream event source): the 'handled' notices.
    const entries = await startStreamPoller({ table: tableName('Data'), handler: handler as never, batchSize: 10, filters: [DONE_ENTRY_FILTER], retryAttempts: 5, log: ctx.log });
    return { stop: async () => void (await Promise.all([entries.stop(), ctx.edge.deliveries.stop()])) };
  },
};
