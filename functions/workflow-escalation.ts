/**
 * Workflow task after a human step timed out (States.Timeout): the first time, records the
 * escalation to the escalation role (lãnh đạo văn phòng) and extends the step once; the second
 * time, the draft expires.
 */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule } from '../shared/drafts/index';
import { applyTimeout, auditView, WORKFLOW_CALLER } from '../shared/drafts/domain/transitions';
import type { EscalationEvent, RouteSlot } from '../shared/drafts/domain/workflow';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const s = { clock: platform.clock, drafts: draftsModule(platform, { audit }), get domainConfig() { return given.office ?? officeConfig(); } };
  return observed(async (event: EscalationEvent): Promise<RouteSlot> => {
    const now = s.clock.now();
    await s.drafts.closeToken(event.draftId, event.timing.step);
    return s.drafts.mutate(event.draftId, (d) => {
      const { after, route } = applyTimeout(s.domainConfig, d, event.timing, now);
      if (!after) return { value: route };
      const action = route.outcome === 'expired' ? 'draft.expire' : 'draft.escalate';
      return { after, audit: { actor: WORKFLOW_CALLER, action, before: auditView(d), after: auditView(after), at: now }, value: route };
    });
  });
}

export const handler = lazyHandler(() => compose(cloudEdge()));
