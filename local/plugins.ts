/**
 * Parts of the embedded office beyond the API: each stands in for an AWS event source
 * (S3 → SQS → OCR Lambda, DynamoDB Streams → search indexing, Step Functions, EventBridge
 * Scheduler) and calls the same handlers.
 */
import { auditSealerPlugin, auditVerifierPlugin } from './plugins/audit-sealer';
import { remindersPlugin } from './plugins/reminders';
import { assignmentRemindersPlugin } from './plugins/assignment-reminders';
import { workflowPlugin } from './plugins/workflow';
import { ocrPlugin } from './plugins/ocr';
import { searchSweeperPlugin } from './plugins/search-sweeper';
import { searchIndexerPlugin } from './plugins/search-indexer';
import { exchangeSenderPlugin } from './plugins/exchange-sender';

export type { EmbeddedContext, EmbeddedPlugin } from './plugins/types';
import type { EmbeddedPlugin } from './plugins/types';

export const PLUGINS: EmbeddedPlugin[] = [auditSealerPlugin, auditVerifierPlugin, searchIndexerPlugin, searchSweeperPlugin, remindersPlugin, assignmentRemindersPlugin, workflowPlugin, ocrPlugin, exchangeSenderPlugin];
