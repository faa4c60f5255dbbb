/**
 * Workflow task of every human step (`.waitForTaskToken`): stores the step's task token in
 * DynamoDB, keyed by draft and step, and shows the draft as waiting for that step. The
 * execution waits until the decision API answers the token, or the step times out.
 */
import { lazyHandler, observed } from '../shared/platform/lambda';
import { basics, type Edge, type Given } from '../shared/edge/compose';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { draftsModule } from '../shared/drafts/index';
import { applyTaskStarted } from '../shared/drafts/domain/transitions';
import type { HumanTaskEvent } from '../shared/drafts/domain/workflow';

export function compose(edge: Edge, given: Given = {}) {
  const { platform, audit } = basics(edge);
  const s = { clock: platform.clock, drafts: draftsModule(platform, { audit }), get domainConfig() { return given.office ?? officeConfig(); } };
  return observed(async (event: HumanTaskEvent): Promise<{ stored: boolean }> => {
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
  });
}

export const handler = lazyHandler(() => compose(cloudEdge()));
