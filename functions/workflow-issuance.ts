/**
 * Workflow task Issuance (ban hành): takes the outgoing number through the registers (keyed by
 * the draft, so a retried issuance gets the same number back) and marks the draft issued
 * (shared/drafts/app).
 */
import { services } from '../shared/composition';
import type { IssuanceEvent } from '../shared/drafts/domain/workflow';

export const handler = async (event: IssuanceEvent): Promise<{ numberSymbol: string; outgoingEntryId: string }> => services().draftsApp.issuance.run(event);
