/**
 * What else must happen when an entry is written, recorded in the entry's own transaction (a
 * transactional outbox): the search index's marker (shared/search: the stream indexes the entry
 * and clears it; the sweeper indexes what is still marked). The audit event is the other item of
 * every entry write (AuditLog.prepare).
 */
import type { RegisterEntry } from '../domain/model';

export interface EntryOutbox {
  /** The transaction item that records the entry's write for its followers. */
  prepare(entry: Pick<RegisterEntry, 'id' | 'register' | 'version'>): { transactItem: unknown };
}
