/** Embedded stand-in for Step Functions: the local runner executing the synthesized appraisal definition. */
import type { EmbeddedPlugin } from './types';
import { startLocalWorkflow } from '../workflow/start';

export const workflowPlugin: EmbeddedPlugin = {
  name: 'workflow (Step Functions definition on aws-local-stepfunctions)',
  async start(ctx) {
    const tick = Number(process.env.DAUMOI_WORKFLOW_TICK_MS ?? '');
    const started = await startLocalWorkflow({ log: ctx.log, edge: ctx.edge, ...(tick > 0 ? { tickMs: tick } : {}) });
    if (started.resumed > 0) ctx.log(`workflow: resumed ${started.resumed} running execution(s)`);
    return { stop: () => started.stop() };
  },
};
