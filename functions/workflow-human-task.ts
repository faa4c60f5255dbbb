/**
 * Workflow task of every human step (`.waitForTaskToken`): stores the step's task token, keyed by
 * draft and step, and shows the draft as waiting for that step (shared/drafts/app).
 */
import { services } from '../shared/composition';
import { StartHumanTask, type HumanTaskEvent } from '../shared/drafts/index';

let start: StartHumanTask | undefined;
// The clock is read through services() on every call: tests and the embedded clock hook replace it.
const useCase = () => (start ??= new StartHumanTask({ drafts: services().drafts, clock: { now: () => services().clock.now() }, config: () => services().domainConfig }));

export const handler = async (event: HumanTaskEvent): Promise<{ stored: boolean }> => useCase().run(event);
