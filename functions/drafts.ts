/**
 * Drafts API: submit a draft (starts its workflow), read it, decide its pending step (answers
 * the waiting task token), and list the caller's tasks. The use cases are shared/drafts/app.
 */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler, once } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule, DraftService } from '../shared/drafts/index';
import { draftsOperations } from '../shared/drafts/http';
import { assignmentsModule } from '../shared/assignments/index';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit, auth } = basics(edge);
  const drafts = new DraftService({ drafts: draftsModule(platform, { audit }), workflow: edge.workflow(), clock: platform.clock, config: () => given.office ?? officeConfig() });
  // GET /v1/tasks also lists the caller's open assignments.
  const office = () => given.office ?? officeConfig();
  const assignments = once(() => assignmentsModule(platform, { audit, office, registers: () => registersOf(platform, audit, given), users: () => edge.users(platform, audit), notifier: (o) => edge.notifier(o, platform.clock) }));
  return apiHandler('drafts', draftsOperations(drafts, (caller) => assignments().queries.tasksOf(caller)), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
