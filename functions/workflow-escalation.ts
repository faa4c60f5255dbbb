/**
 * Workflow task after a human step timed out (States.Timeout): the first time, escalates to the
 * escalation role (lãnh đạo văn phòng) and extends the step once; the second time, the draft
 * expires (shared/drafts/app).
 */
import { services } from '../shared/composition';
import { EscalateStep, type EscalationEvent, type RouteSlot } from '../shared/drafts/index';

let escalate: EscalateStep | undefined;
// The clock is read through services() on every call: tests and the embedded clock hook replace it.
const useCase = () => (escalate ??= new EscalateStep({ drafts: services().drafts, clock: { now: () => services().clock.now() }, config: () => services().domainConfig }));

export const handler = async (event: EscalationEvent): Promise<RouteSlot> => useCase().run(event);
