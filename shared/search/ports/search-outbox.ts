/**
 * Entries whose search indexing is not yet confirmed. The register store records one in the
 * same transaction as each entry it writes; indexing the entry clears it. What indexing could
 * not do at the time (the Search table unreachable, the function stopped) is found here and
 * done later, so no committed entry stays unsearchable.
 */
import type { RegisterName } from '../../registers';

export interface PendingIndex {
  entryId: string;
  register: RegisterName;
  /** The entry's version when it was written. */
  version: number;
  /** When it was written (real time). */
  at: string;
}

export interface SearchOutbox {
  /** Entries written before `before` and not yet indexed, oldest first, at most `limit`. */
  pending(before: Date, limit: number): Promise<PendingIndex[]>;
  /** The entry is indexed as of `version`: forget it, unless a newer change was recorded since. */
  done(entryId: string, version: number): Promise<void>;
  /** `done` for many entries at once (a batch of indexing). */
  doneAll(indexed: readonly { entryId: string; version: number }[]): Promise<void>;
}
