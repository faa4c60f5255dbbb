/**
 * Starts the embedded workflow runner in this process: loads the generated definition (or
 * synthesizes it when the file is missing), makes the runner the embedded edge's Workflow, and
 * resumes the executions that were running when the office last stopped. Its tasks run the
 * workflow functions composed with the same edge.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';
import { embeddedEdge, type EmbeddedEdge } from '../edge';
import { lambdaContext } from '../gateway';
import { REPO_ROOT } from '../paths';
import type { GeneratedWorkflow } from './definition';
import { LocalStepFunctions } from './runner';

export const GENERATED_FILE = path.join(REPO_ROOT, 'local/generated/appraisal.asl.json');

type Handler = (event: unknown, context: unknown) => Promise<unknown>;
const handlers = new WeakMap<EmbeddedEdge, Map<string, Promise<Handler>>>();

/** Runs `functions/<entry>` in-process, loaded and composed with the edge once, as Lambda would on a cold start. */
export async function invokeLocal(entry: string, event: unknown, edge: EmbeddedEdge = embeddedEdge()): Promise<unknown> {
  let byEntry = handlers.get(edge);
  if (!byEntry) handlers.set(edge, (byEntry = new Map()));
  let h = byEntry.get(entry);
  if (!h) {
    h = import(pathToFileURL(path.join(REPO_ROOT, entry)).href).then((m: { compose: (edge: EmbeddedEdge) => Handler }) => m.compose(edge));
    byEntry.set(entry, h);
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

export async function startLocalWorkflow(opts: { tickMs?: number; log?: (line: string) => void; edge?: EmbeddedEdge } = {}): Promise<StartedRunner> {
  const edge = opts.edge ?? embeddedEdge();
  const runner = new LocalStepFunctions({
    db: documentClient(),
    table: tableName('Data'),
    workflow: await loadGeneratedWorkflow(),
    invoke: (entry, event) => invokeLocal(entry, event, edge),
    now: () => edge.clock.now(),
    ...(opts.tickMs ? { tickMs: opts.tickMs } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  edge.useWorkflow(runner);
  const resumed = await runner.resume();
  return {
    runner,
    resumed,
    async stop() {
      await runner.stop();
      edge.useWorkflow(undefined);
    },
  };
}
