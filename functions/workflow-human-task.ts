/**
 * Workflow task of every human step (`.waitForTaskToken`): stores the step's task token in
 * DynamoDB, keyed by draft and step, and shows the draft as waiting for that step. The
 * execution waits until the decision API answers the token, or the step times out.
 */
import { services } from '../shared/composition';
import { applyTaskStarted } from '../shared/drafts/domain/transitions';
import type { HumanTaskEvent } from '../shared/drafts/domain/workflow';

export const handler = async (event: HumanTaskEvent): Promise<{ stored: boolean }> => {
  const s = services();
  const now = s.clock.now();
  // Invoked again for the same token (a retried or replayed start): already stored, change nothing.
  const stored = await s.drafts.getToken(event.draftId, event.timing.step);
  if (stored?.token === event.token) return { stored: true };
  return s.drafts.mutate<{ stored: boolean }>(event.draftId, (d) => {
    const after = applyTaskStarted(s.domainConfig, d, event.timing, now);
    if (!after) return { value: { stored: false } };
    const token = {
      draftId: d.id,
      step: event.timing.step,
      token: event.token,
      status: 'pending' as const,
      round: d.round,
      dueAt: event.timing.dueAt,
      createdAt: now.toISOString(),
    };
    return { after, token, value: { stored: true } };
  });
};
