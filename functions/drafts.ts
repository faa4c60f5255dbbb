/**
 * Drafts API: submit a draft (starts its workflow), read it, decide its pending step (answers
 * the waiting task token), and list the caller's tasks. The use cases are shared/drafts/app.
 */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule, DraftService } from '../shared/drafts/index';
import { draftsOperations } from '../shared/drafts/http';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit, auth } = basics(edge);
  const drafts = new DraftService({ drafts: draftsModule(platform, { audit }), workflow: edge.workflow(), clock: platform.clock, config: () => given.office ?? officeConfig() });
  return apiHandler('drafts', draftsOperations(drafts), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
