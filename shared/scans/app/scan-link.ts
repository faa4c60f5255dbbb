/**
 * Registering an incoming entry from a scan (scanId in POST /v1/registers/incoming/entries, and
 * POST /v1/scans/{id}/register): the scan must exist and be the caller's to see, be read (`done`)
 * and not linked yet. The entry is at least as secret as what OCR read on the scan; only an office
 * leader (lãnh đạo văn phòng) may register it lower, giving `secrecyLoweredReason`, which the
 * link's audit event keeps. Linking gives the scan the entry's secrecy (so a Mật entry's scan
 * and its text are Mật). The entry, its number, the link and both audit events are one
 * DynamoDB transaction: a refused or lost link stores nothing.
 */
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { hasAnyRole, type Secrecy } from '../../platform/security';
import { metadataOnlyProblems, secrecyName, secrecyRank, throwIfProblems, type IncomingInput } from '../../registers';
import type { Scan } from '../domain/model';
import { quarantineMessage, scanVisibility } from '../domain/rules';
import type { AuditLog } from '../../audit';
import type { Clock } from '../../platform/clock';
import type { IncomingEntryView, Registers, WriteContext, WriteResult } from '../../registers';
import type { ScanStore } from '../ports/scan-store';

/** Who may register a letter below the secrecy OCR read on it. */
export const SECRECY_LOWERING_ROLE = 'lanh-dao-vp';

export interface ScanLinkDeps {
  clock: Clock;
  scans: ScanStore;
  registers: Registers;
  audit: AuditLog;
}

/** A registration request naming its scan, with the leader's reason when it lowers the secrecy. */
export type LinkedInput = IncomingInput & { scanId: string; secrecyLoweredReason?: string | undefined };

/** The highest secrecy the scan shows: what OCR read (the field), or what the scan carries. */
export function scanSecrecy(scan: Pick<Scan, 'secrecy' | 'fields'>): Secrecy | null {
  const read = (scan.fields?.secrecy?.value ?? null) as Secrecy | null;
  return secrecyRank(read) > secrecyRank(scan.secrecy) ? read : scan.secrecy;
}

export function metadataOnly(scan: Scan): ConflictError {
  return new ConflictError(quarantineMessage(scan.quarantine?.secrecy ?? scan.secrecy ?? 'toi-mat', scan.quarantine?.action ?? 'moved'), [
    { path: 'secrecy', message: 'Tối mật / Tuyệt mật: register metadata only', secrecy: scan.secrecy },
  ], 'METADATA_ONLY');
}

const alreadyRegistered = (scanId: string) => new ConflictError(`Scan ${scanId} is already registered`, [{ path: 'body.scanId', message: 'already registered' }], 'ALREADY_REGISTERED');

export class ScanLinker {
  constructor(private readonly deps: ScanLinkDeps) {}

  /** The scan as the caller may use it for a registration; 404 when it does not exist for them. */
  async usable(scanId: string, ctx: WriteContext): Promise<Scan> {
    const scan = await this.deps.scans.get(scanId);
    if (!scan || scanVisibility(ctx.actor, scan) === 'none') throw new NotFoundError(`No scan ${scanId}`, [{ path: 'body.scanId', message: 'no such scan' }]);
    return scan;
  }

  /** Registers the entry and links its scan, in one transaction. */
  async register(input: LinkedInput, ctx: WriteContext, known?: Scan): Promise<WriteResult<IncomingEntryView>> {
    const { secrecyLoweredReason: reason, ...entryInput } = input;
    const secrecy = entryInput.secrecy ?? null;
    // Tối mật / tuyệt mật never carry a scan: the same 400 as without looking the scan up.
    throwIfProblems(metadataOnlyProblems(secrecy, entryInput));
    const scan = known ?? (await this.usable(input.scanId, ctx));
    if (scan.entryId) throw alreadyRegistered(scan.scanId);
    if (scan.status === 'quarantined') throw metadataOnly(scan);
    if (scan.status !== 'done') {
      const why = scan.status === 'failed' ? `it failed: ${scan.failure?.reason ?? 'unknown reason'}` : `it is ${scan.status}`;
      throw new ConflictError(`Scan ${scan.scanId} cannot be registered: ${why}`, [{ path: 'status', message: scan.status }], scan.status === 'failed' ? 'SCAN_FAILED' : 'SCAN_NOT_READY');
    }
    const read = scanSecrecy(scan);
    const lowered = secrecyRank(secrecy) < secrecyRank(read);
    if (lowered && reason === undefined) {
      throw new ValidationError(
        `The scan reads ${secrecyName(read!)} (${read}): the entry must be at least ${read}. Only an office leader (${SECRECY_LOWERING_ROLE}) may register it lower, with secrecyLoweredReason`,
        [{ path: 'body.secrecy', message: `below the scan's ${read}`, scanSecrecy: read }],
        'SECRECY_BELOW_SCAN',
      );
    }
    if (lowered && !hasAnyRole(ctx.actor, [SECRECY_LOWERING_ROLE])) {
      throw new ForbiddenError(`Only an office leader (${SECRECY_LOWERING_ROLE}) may register a letter below the secrecy read on its scan (${read})`, [
        { path: 'body.secrecyLoweredReason', message: `needs role ${SECRECY_LOWERING_ROLE}`, required: [SECRECY_LOWERING_ROLE] },
      ], 'SECRECY_LOWERING_NOT_ALLOWED');
    }
    if (!lowered && reason !== undefined) {
      throw new ValidationError(`secrecyLoweredReason is only for registering a letter below the secrecy read on its scan (${read ?? 'none'})`, [
        { path: 'body.secrecyLoweredReason', message: 'nothing is lowered' },
      ]);
    }
    const now = this.deps.clock.now();
    return this.deps.registers.registerIncoming(entryInput, ctx, {
      keys: [`scan#${scan.scanId}`],
      size: 2,
      items: (entry) => [
        this.deps.scans.linkItem(scan, { id: entry.id, secrecy: entry.secrecy }, now),
        this.deps.audit.prepare({
          actor: ctx.actor,
          action: 'scan.link',
          entityType: 'scan',
          entityId: scan.scanId,
          before: { scanId: scan.scanId, secrecy: scan.secrecy, entryId: null },
          after: { scanId: scan.scanId, secrecy: entry.secrecy, entryId: entry.id, ...(lowered ? { secrecyLowered: { from: read, reason } } : {}) },
          at: now,
          ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
        }).transactItem,
      ],
      conflict: async () => {
        const current = await this.deps.scans.get(scan.scanId);
        if (current?.entryId) return alreadyRegistered(scan.scanId);
        return new ConflictError(`Scan ${scan.scanId} changed meanwhile; read it again`, [{ path: 'body.scanId', message: 'changed meanwhile' }], 'STALE_SCAN');
      },
    });
  }
}
