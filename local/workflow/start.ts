/**
 * Starts the embedded workflow runner in this process: loads the generated definition (or
 * synthesizes it when the file is missing), registers the runner as the process's Workflow,
 * and resumes the executions that were running when the office last stopped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';
import { registerLocalWorkflow } from '../../shared/drafts/adapters/local-workflow';
import { WORKFLOW_MODE_ENV } from '../../shared/drafts/adapters/select-workflow';
import { services } from '../../shared/composition';
import { lambdaContext } from '../gateway';
import { REPO_ROOT } from '../paths';
import type { GeneratedWorkflow } from './definition';
import { LocalStepFunctions } from './runner';

export const GENERATED_FILE = path.join(REPO_ROOT, 'local/generated/appraisal.asl.json');

type Handler = (event: unknown, context: unknown) => Promise<unknown>;
const handlers = new Map<string, Promise<Handler>>();

/** Runs `functions/<entry>` in-process, loaded once as Lambda would on a cold start. */
export async function invokeLocal(entry: string, event: unknown): Promise<unknown> {
  let h = handlers.get(entry);
  if (!h) {
    h = import(pathToFileURL(path.join(REPO_ROOT, entry)).href).then((m: { handler: Handler }) => m.handler);
    handlers.set(entry, h);
  }
  const name = path.basename(entry, '.ts');
  return (await h)(event, lambdaContext(name, `local-${Date.now().toString(36)}`));
}

export async function loadGeneratedWorkflow(): Promise<GeneratedWorkflow> {
  if (existsSync(GENERATED_FILE)) return JSON.parse(readFileSync(GENERATED_FILE, 'utf8')) as GeneratedWorkflow;
  // Missing (a fresh checkout that deleted it): synthesize it now, once.
  const { writeGenerated } = await import('./build');
  return writeGenerated(GENERATED_FILE);
}

export interface StartedRunner {
  runner: LocalStepFunctions;
  resumed: number;
  stop(): Promise<void>;
}

export async function startLocalWorkflow(opts: { tickMs?: number; log?: (line: string) => void } = {}): Promise<StartedRunner> {
  process.env[WORKFLOW_MODE_ENV] = 'local';
  const runner = new LocalStepFunctions({
    db: documentClient(),
    table: tableName('Data'),
    workflow: await loadGeneratedWorkflow(),
    invoke: invokeLocal,
    now: () => services().clock.now(),
    ...(opts.tickMs ? { tickMs: opts.tickMs } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  registerLocalWorkflow(runner);
  const resumed = await runner.resume();
  return {
    runner,
    resumed,
    async stop() {
      await runner.stop();
      registerLocalWorkflow(undefined);
    },
  };
}
