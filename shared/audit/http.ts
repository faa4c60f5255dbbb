/** The audit log's operations (admin only), for functions/audit.ts: as far as the caller's clearance goes. */
import type { Operation } from '../platform/http/types';
import type { AuditLog } from './ports/audit-log';
import { eventSecrecy, eventVisibleTo } from './domain/audit-secrecy';
import { visibleEvents } from './app/visible-events';
import type { Secrecy } from '../platform/security';

export interface AuditHttpParts {
  audit: AuditLog;
  /** A draft's secrecy (events about drafts are as secret as the draft), null when none. */
  draftSecrecy: (draftId: string) => Promise<Secrecy | null>;
}

export function auditOperations({ audit, draftSecrecy }: AuditHttpParts): Record<string, Operation> {
  return {
    listAudit: async (req) => {
      const page = await audit.list(req.query);
      const reader = { clearance: req.caller.clearance, entityHistory: !!req.query.entityId };
      const items = await visibleEvents(page.items, reader, draftSecrecy);
      return { items, nextCursor: page.nextCursor };
    },
    verifyAudit: async (req) => audit.verify({ hidden: (e) => !eventVisibleTo(req.caller.clearance, eventSecrecy(e)) }),
  };
}
