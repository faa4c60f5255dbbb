/**
 * What a reader may see of the registers, decided without I/O: entries above their clearance do
 * not exist for them (the same 404 as a missing entry), a repeat mark shows only when they may
 * also see the entry it repeats, an idempotency key that made an entry they may not see is not
 * replayed to them, and the API shows neither the counter key nor the parsed number-symbol.
 */
import type { Clearance } from '../../platform/security';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { incomingOverdue, incomingView, type IncomingEntryView } from './incoming';
import type { IncomingEntry, RegisterEntry, RegisterName } from './model';
import { repeatFor, secrecyRank, visibleTo } from './rules';

type Viewer = { clearance: Clearance };

/** The highest stored secrecy rank a viewer may read (lists filter on it, so nothing above is ever returned). */
export const readableRank = (viewer: Viewer): number => secrecyRank(viewer.clearance);

/** Whether `entry` (as stored, or missing) is an entry of `register` that the viewer may see. */
export function mayRead(viewer: Viewer, entry: RegisterEntry | undefined, register: RegisterName): entry is RegisterEntry {
  return !!entry && entry.register === register && visibleTo(viewer, entry);
}

/** The entry when the viewer may see it; otherwise the same 404 as for a missing entry. */
export function readableOr404<E extends RegisterEntry>(viewer: Viewer, entry: RegisterEntry | undefined, register: RegisterName, id: string): E {
  if (!mayRead(viewer, entry, register)) throw new NotFoundError(`No ${register} register entry ${id}`);
  return entry as E;
}

/** The entry an idempotency key already made, replayed; a 409 when it is not for this caller to see. */
export function replayOr409<E extends RegisterEntry>(viewer: Viewer, entry: RegisterEntry | undefined, register: RegisterName): E {
  if (!mayRead(viewer, entry, register)) {
    throw new ConflictError('This idempotency key was already used for another entry', [{ path: 'idempotencyKey', message: 'already used' }], 'IDEMPOTENCY_KEY_REUSED');
  }
  return entry as E;
}

/** An incoming entry as read at `now` by `viewer`: with its read-time `overdue`, the repeat mark only if they may see what it repeats. */
export function asRead(entry: IncomingEntry, now: Date, viewer: Viewer): IncomingEntry {
  return repeatFor(viewer, { ...entry, overdue: incomingOverdue(entry, now) });
}

/** An incoming entry as the API shows it to `viewer` at `now` (asRead, without the store's fields). */
export function shownIncoming(entry: IncomingEntry, now: Date, viewer: Viewer): IncomingEntryView {
  return incomingView(asRead(entry, now, viewer));
}

/** An entry as stored and audited: without the read-time `overdue`. */
export function storedForm<E>(entry: E): E {
  if (!entry || typeof entry !== 'object') return entry;
  const { overdue: _overdue, ...rest } = entry as unknown as IncomingEntry;
  return rest as unknown as E;
}

/** The 409 DUPLICATE for a registration of a letter already in the register as `existing` (named only if the clerk may see it). */
export function duplicateError(viewer: Viewer, existing: RegisterEntry | undefined): ConflictError {
  if (!mayRead(viewer, existing, 'incoming')) {
    return new ConflictError('This document is already in the incoming register (same number-symbol and document date); send force: true to register it again', [
      { path: 'numberSymbol', message: 'already registered' },
    ], 'DUPLICATE');
  }
  const e = existing as IncomingEntry;
  return new ConflictError(
    `This document is already in the incoming register as số đến ${e.arrivalNumber}/${e.arrivalYear} (entry ${e.id}, from ${e.issuer}); send force: true to register it again`,
    [{ path: 'numberSymbol', message: 'already registered', existingId: e.id, arrivalNumber: e.arrivalNumber, arrivalYear: e.arrivalYear }],
    'DUPLICATE',
  );
}
