/**
 * Workflow task Issuance (ban hành): takes the outgoing number through the registers (keyed by
 * the draft, so a retried issuance gets the same number back) and marks the draft issued
 * (shared/drafts/app).
 */

import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule, IssueDraft, type IssuanceEvent } from '../shared/drafts/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const registers = registersOf(platform, audit, given);
  const issue = new IssueDraft({ drafts: draftsModule(platform, { audit }), registers, clock: platform.clock });
  return observed(async (event: IssuanceEvent): Promise<{ numberSymbol: string; outgoingEntryId: string }> => issue.run(event));
}

export const handler = lazyHandler(() => compose(cloudEdge()));
