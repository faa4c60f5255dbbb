/** The drafts module's public entry: the draft store (the workflow is the edge's). */
import type { Platform } from '../platform/platform';
import type { AuditLog } from '../audit/ports/audit-log';
import { DynamoDraftStore } from './adapters/dynamo-draft-store';

export type { DraftStore } from './ports/draft-store';
export type { Workflow } from './ports/workflow';

export function draftsModule(platform: Platform, ports: { audit: AuditLog }): DynamoDraftStore {
  return new DynamoDraftStore(platform.db, platform.table('Data'), ports.audit);
}
