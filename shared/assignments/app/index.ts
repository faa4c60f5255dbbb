/** The assignments' use cases, made from one set of ports. */
import { AssignmentService } from './assignment-service';
import { AssignmentQueries } from './assignment-queries';
import { AssignmentReminderJob } from './reminder-job';
import type { AssignmentsDeps } from './deps';

export interface Assignments {
  service: AssignmentService;
  queries: AssignmentQueries;
  reminders: AssignmentReminderJob;
}

export function createAssignments(deps: AssignmentsDeps): Assignments {
  return { service: new AssignmentService(deps), queries: new AssignmentQueries(deps), reminders: new AssignmentReminderJob(deps) };
}
