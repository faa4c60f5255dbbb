/** Workflow task Precheck: runs the automated precheck on the draft and routes it to appraisal or revision (shared/drafts/app). */
import { services } from '../shared/composition';
import { RunPrecheck, type PrecheckEvent, type RouteSlot } from '../shared/drafts/index';

let precheck: RunPrecheck | undefined;
// The clock is read through services() on every call: tests and the embedded clock hook replace it.
const useCase = () => (precheck ??= new RunPrecheck({ drafts: services().drafts, clock: { now: () => services().clock.now() }, config: () => services().domainConfig }));

export const handler = async (event: PrecheckEvent): Promise<RouteSlot> => useCase().run(event);
