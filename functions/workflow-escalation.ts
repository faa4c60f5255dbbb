/**
 * Workflow task after a human step timed out (States.Timeout): the first time, escalates to the
 * escalation role (lãnh đạo văn phòng) and extends the step once; the second time, the draft
 * expires (shared/drafts/app).
 */
import { services } from '../shared/composition';
import type { EscalationEvent, RouteSlot } from '../shared/drafts/domain/workflow';

export const handler = async (event: EscalationEvent): Promise<RouteSlot> => services().draftsApp.escalation.run(event);
