/**
 * Workflow task of every human step (`.waitForTaskToken`): stores the step's task token, keyed by
 * draft and step, and shows the draft as waiting for that step (shared/drafts/app).
 */
import { services } from '../shared/composition';
import type { HumanTaskEvent } from '../shared/drafts/domain/workflow';

export const handler = async (event: HumanTaskEvent): Promise<{ stored: boolean }> => services().draftsApp.humanTask.run(event);
