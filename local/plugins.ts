/**
 * Parts of the embedded office beyond the API: each stands in for an AWS event source
 * (S3 → SQS → OCR Lambda, DynamoDB Streams → search indexing, Step Functions, EventBridge
 * Scheduler) and calls the same handlers.
 */
import type { EventEmitter } from 'node:events';
import type { Extra } from './gateway';
import type { EmbeddedEdge } from './edge';
import { auditSealerPlugin, auditVerifierPlugin } from './plugins/audit-sealer';
import { remindersPlugin } from './plugins/reminders';
import { workflowPlugin } from './plugins/workflow';
import { ocrPlugin } from './plugins/ocr';
import { searchSweeperPlugin } from './plugins/search-sweeper';
import { searchIndexerPlugin } from './plugins/search-indexer';

export interface EmbeddedContext {
  dataDir: string;
  env: Record<string, string>;
  /** The edge the plugins compose their functions with (the office clock, the workflow runner). */
  edge: EmbeddedEdge;
  /** s3rver's object events (`Records[]` in S3 notification shape). */
  s3Events: EventEmitter;
  /** The office clock's offset from real time (ms; null = real time), each time a test moves it. */
  clockChanges: EventEmitter;
  log: (line: string) => void;
}

export interface EmbeddedPlugin {
  name: string;
  start(ctx: EmbeddedContext): Promise<{ stop: () => Promise<void>; extra?: Extra }>;
}

export const PLUGINS: EmbeddedPlugin[] = [auditSealerPlugin, auditVerifierPlugin, searchIndexerPlugin, searchSweeperPlugin, remindersPlugin, workflowPlugin, ocrPlugin];
