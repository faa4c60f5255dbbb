/**
 * Workflow task of every human step (`.waitForTaskToken`): stores the step's task token, keyed by
 * draft and step, and shows the draft as waiting for that step (shared/drafts/app).
 */

import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule, StartHumanTask, type HumanTaskEvent } from '../shared/drafts/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const task = new StartHumanTask({ drafts: draftsModule(platform, { audit }), clock: platform.clock, config: () => given.office ?? officeConfig() });
  return observed(async (event: HumanTaskEvent): Promise<{ stored: boolean }> => task.run(event));
}

export const handler = lazyHandler(() => compose(cloudEdge()));
