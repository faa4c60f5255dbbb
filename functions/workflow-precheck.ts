/** Workflow task Precheck: runs the automated precheck on the draft and routes it to appraisal or revision (shared/drafts/app). */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule, RunPrecheck, type PrecheckEvent, type RouteSlot } from '../shared/drafts/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const task = new RunPrecheck({ drafts: draftsModule(platform, { audit }), clock: platform.clock, config: () => given.office ?? officeConfig() });
  return observed(async (event: PrecheckEvent): Promise<RouteSlot> => task.run(event));
}

export const handler = lazyHandler(() => compose(cloudEdge()));
