/**
 * Workflow task Issuance (ban hành): takes the outgoing number through the registers (keyed by
 * the draft, so a retried issuance gets the same number back) and marks the draft issued
 * (shared/drafts/app).
 */
import { services } from '../shared/composition';
import { IssueDraft, type IssuanceEvent } from '../shared/drafts/index';

let issue: IssueDraft | undefined;
// The clock and the registers are read through services() on every call: tests replace them.
const useCase = () =>
  (issue ??= new IssueDraft({
    drafts: services().drafts,
    registers: { allocateOutgoing: (input, ctx) => services().registers.allocateOutgoing(input, ctx) },
    clock: { now: () => services().clock.now() },
  }));

export const handler = async (event: IssuanceEvent): Promise<{ numberSymbol: string; outgoingEntryId: string }> => useCase().run(event);
