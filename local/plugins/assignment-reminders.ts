/** Embedded stand-in for the hourly schedule of nhắc việc (functions/assignment-reminders.ts): every minute, with the office clock. */
import { periodicPlugin } from './periodic';

export const assignmentRemindersPlugin = periodicPlugin('assignment reminders', 60_000, async (edge) => {
  const handler = (await import('../../functions/assignment-reminders')).compose(edge);
  return () => handler();
});
