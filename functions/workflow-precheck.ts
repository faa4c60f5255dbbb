/** Workflow task Precheck: runs the automated precheck on the draft and routes it to appraisal or revision (shared/drafts/app). */
import { services } from '../shared/composition';
import type { PrecheckEvent, RouteSlot } from '../shared/drafts/domain/workflow';

export const handler = async (event: PrecheckEvent): Promise<RouteSlot> => services().draftsApp.precheck.run(event);
