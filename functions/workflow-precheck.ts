/** Workflow task Precheck: runs the automated precheck on the draft and routes it to appraisal or revision. */
import { services } from '../shared/composition';
import { applyPrecheck } from '../shared/drafts/domain/transitions';
import type { PrecheckEvent, RouteSlot } from '../shared/drafts/domain/workflow';

export const handler = async (event: PrecheckEvent): Promise<RouteSlot> => {
  const s = services();
  return s.drafts.mutate(event.draftId, (d) => {
    const { after, route } = applyPrecheck(s.domainConfig, d, s.clock.now());
    return { after, value: route };
  });
};
