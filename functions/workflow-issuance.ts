/**
 * Workflow task Issuance (ban hành): takes the outgoing number through the registers (keyed by
 * the draft, so a retried issuance gets the same number back), writes the outgoing entry, and
 * marks the draft issued with its number symbol.
 */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule } from '../shared/drafts/index';
import { registersModule } from '../shared/registers/index';
import { NotFoundError } from '../shared/platform/errors';
import { applyIssued, auditView, WORKFLOW_CALLER } from '../shared/drafts/domain/transitions';
import type { IssuanceEvent } from '../shared/drafts/domain/workflow';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const registers = given.registers ?? registersModule(platform, { audit, office: () => given.office ?? officeConfig() });
  const s = { clock: platform.clock, drafts: draftsModule(platform, { audit }), registers };
  return observed(async (event: IssuanceEvent): Promise<{ numberSymbol: string; outgoingEntryId: string }> => {
    const draft = await s.drafts.get(event.draftId);
    if (!draft) throw new NotFoundError(`Draft ${event.draftId} not found`);
    if (draft.status === 'issued' && draft.numberSymbol && draft.outgoingEntryId) {
      return { numberSymbol: draft.numberSymbol, outgoingEntryId: draft.outgoingEntryId };
    }
    const approval = [...draft.history].reverse().find((h) => h.step === 'approval' && h.decision === 'approve');
    const { typeCode, issuerCode, subject, recipients, secrecy, urgency } = draft;
    const input = { typeCode, issuerCode, subject, recipients, secrecy, urgency, issuerId: draft.precheck?.issuerBodyId ?? null, signer: approval?.actor.username ?? 'unknown', draftId: draft.id };
    const { entry } = await s.registers.allocateOutgoing(input, { actor: WORKFLOW_CALLER, idempotencyKey: `draft#${draft.id}` });
    const issued = { numberSymbol: entry.numberSymbol, outgoingEntryId: entry.id };
    const now = s.clock.now();
    await s.drafts.mutate(draft.id, (d) => {
      const after = applyIssued(d, issued, now);
      return after ? { after, audit: { actor: WORKFLOW_CALLER, action: 'draft.issue', before: auditView(d), after: auditView(after), at: now }, value: undefined } : { value: undefined };
    }, draft);
    return issued;
  });
}

export const handler = lazyHandler(() => compose(cloudEdge()));
