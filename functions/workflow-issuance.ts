/**
 * Workflow task Issuance (ban hành): takes the outgoing number through the registers (keyed by
 * the draft, so a retried issuance gets the same number back), writes the outgoing entry, and
 * marks the draft issued with its number symbol.
 */
import { services } from '../shared/composition';
import { NotFoundError } from '../shared/platform/errors';
import { applyIssued, auditView, WORKFLOW_CALLER } from '../shared/drafts/domain/transitions';
import type { IssuanceEvent } from '../shared/drafts/domain/workflow';

export const handler = async (event: IssuanceEvent): Promise<{ numberSymbol: string; outgoingEntryId: string }> => {
  const s = services();
  const draft = await s.drafts.get(event.draftId);
  if (!draft) throw new NotFoundError(`Draft ${event.draftId} not found`);
  if (draft.status === 'issued' && draft.numberSymbol && draft.outgoingEntryId) {
    return { numberSymbol: draft.numberSymbol, outgoingEntryId: draft.outgoingEntryId };
  }
  const approval = [...draft.history].reverse().find((h) => h.step === 'approval' && h.decision === 'approve');
  const { entry } = await s.registers.allocateOutgoing(
    {
      typeCode: draft.typeCode,
      issuerCode: draft.issuerCode,
      issuerId: draft.precheck?.issuerBodyId ?? null,
      subject: draft.subject,
      signer: approval?.actor.username ?? 'unknown',
      recipients: draft.recipients,
      secrecy: draft.secrecy,
      urgency: draft.urgency,
      draftId: draft.id,
    },
    { actor: WORKFLOW_CALLER, idempotencyKey: `draft#${draft.id}` },
  );
  const issued = { numberSymbol: entry.numberSymbol, outgoingEntryId: entry.id };
  const now = s.clock.now();
  await s.drafts.mutate(draft.id, (d) => {
    const after = applyIssued(d, issued, now);
    return after ? { after, audit: { actor: WORKFLOW_CALLER, action: 'draft.issue', before: auditView(d), after: auditView(after), at: now }, value: undefined } : { value: undefined };
  }, draft);
  return issued;
};
