/**
 * Submitting a draft (pure): who may submit it, and the draft as it is stored before its
 * workflow starts (status precheck, round 1, one history line).
 */
import { ForbiddenError } from '../../platform/errors';
import { canSee, type Caller } from '../../platform/security';
import type { Draft, DraftInput } from './model';
import { actorOf } from './rules';
import { executionNameFor } from './workflow';

/** Throws 403 unless the caller belongs to a drafting department and their clearance covers the draft's secrecy. */
export function assertMaySubmit(caller: Caller, input: Pick<DraftInput, 'secrecy'>): asserts caller is Caller & { dept: string } {
  if (!caller.dept) throw new ForbiddenError('Only a member of a drafting department (custom:dept) may submit a draft', [], 'NO_DEPARTMENT');
  if (!canSee(caller.clearance, input.secrecy ?? null)) {
    throw new ForbiddenError(`Your clearance (${caller.clearance}) does not cover a ${input.secrecy} draft`, [{ path: 'secrecy', message: 'above your clearance' }]);
  }
}

/** The new draft `id` submitted by `caller` (a member of a drafting department) at `now`. */
export function newDraft(id: string, input: DraftInput, caller: Caller & { dept: string }, now: Date): Draft {
  const at = now.toISOString();
  return {
    id,
    typeCode: input.typeCode,
    issuerCode: input.issuerCode,
    subject: input.subject,
    body: input.body,
    recipients: input.recipients,
    dossier: input.dossier,
    signingForm: input.signingForm ?? null,
    signerTitle: input.signerTitle ?? null,
    secrecy: input.secrecy ?? null,
    urgency: input.urgency ?? null,
    dept: caller.dept,
    status: 'precheck',
    round: 1,
    precheck: null,
    pendingTask: null,
    history: [{ at, step: 'submitted', actor: actorOf(caller), round: 1 }],
    numberSymbol: null,
    outgoingEntryId: null,
    executionName: executionNameFor(id),
    version: 1,
    createdAt: at,
    createdBy: actorOf(caller),
    updatedAt: at,
  };
}
