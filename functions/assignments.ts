/** Assignments API (giao việc): instructions on letters, assignments and their life, the overdue list, stats and the sổ theo dõi giải quyết. */
import { apiHandler } from '../shared/api/api-handler';
import { lazyHandler, once } from '../shared/platform/lambda';
import { basics, registersOf, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { assignmentsModule } from '../shared/assignments/index';
import { assignmentsOperations } from '../shared/assignments/http';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit, auth } = basics(edge);
  const office = () => given.office ?? officeConfig();
  const registers = once(() => registersOf(platform, audit, given));
  const users = once(() => edge.users(platform, audit));
  const assignments = assignmentsModule(platform, { audit, office, registers, users, notifier: (o) => edge.notifier(o, platform.clock) });
  return apiHandler('assignments', assignmentsOperations(assignments, office), auth);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
