/**
 * Workflow task after a human step timed out (States.Timeout): the first time, escalates to the
 * escalation role (lãnh đạo văn phòng) and extends the step once; the second time, the draft
 * expires (shared/drafts/app).
 */

import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule, EscalateStep, type EscalationEvent, type RouteSlot } from '../shared/drafts/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const task = new EscalateStep({ drafts: draftsModule(platform, { audit }), clock: platform.clock, config: () => given.office ?? officeConfig() });
  return observed(async (event: EscalationEvent): Promise<RouteSlot> => task.run(event));
}

export const handler = lazyHandler(() => compose(cloudEdge()));
