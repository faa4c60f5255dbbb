/** Workflow task Precheck: runs the automated precheck on the draft and routes it to appraisal or revision. */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule } from '../shared/drafts/index';
import { applyPrecheck } from '../shared/drafts/domain/transitions';
import type { PrecheckEvent, RouteSlot } from '../shared/drafts/domain/workflow';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const s = { clock: platform.clock, drafts: draftsModule(platform, { audit }), get domainConfig() { return given.office ?? officeConfig(); } };
  return observed(async (event: PrecheckEvent): Promise<RouteSlot> => {
    return s.drafts.mutate(event.draftId, (d) => {
      const { after, route } = applyPrecheck(s.domainConfig, d, s.clock.now());
      return { after, value: route };
    });
  });
}

export const handler = lazyHandler(() => compose(cloudEdge()));
