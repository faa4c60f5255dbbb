/**
 * The office's parts for tests and benches, built the way the functions compose them (their
 * modules' factories, on this process's embedded edge), and the functions themselves composed
 * with that edge (`composed('registers')`). `useParts({ clock, domainConfig, registers, scans,
 * search })` makes both see another clock or part until the next call (`useParts()` restores);
 * `useWorkflow(runner)` makes the edge's workflow another runner.
 */
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import { embeddedEdge, type EmbeddedEdge } from '../../local/edge';
import type { Clock } from '../../shared/platform/clock';
import { platformFromEnv, type Platform } from '../../shared/platform/platform';
import type { Given } from '../../shared/edge/edge';
import type { Workflow } from '../../shared/drafts/ports/workflow';
import { auditModule } from '../../shared/audit/index';
import { officeConfig, type DomainConfig } from '../../shared/office/index';
import type { Registers } from '../../shared/registers/index';
import { registersOf } from '../../shared/edge/compose';
import { blobStore, scansModule, type ScanReader, type ScanService } from '../../shared/scans/index';
import { signatureVerifier } from '../../shared/scans/signatures';
import { searchIndex, searchModule, type SearchIndex } from '../../shared/search/index';
import { draftsModule } from '../../shared/drafts/index';
import { reportsModule } from '../../shared/reports/index';
import { clientRegistry } from '../../shared/identity/index';

const edge = (): EmbeddedEdge => embeddedEdge();

export interface Overrides {
  clock?: Clock;
  domainConfig?: DomainConfig;
  registers?: Registers;
  scans?: ScanService;
  search?: SearchIndex;
}

let given: Given = {};
let generation = 0;

/** Replaces the overrides (the clock, the configuration, a part); call with none to restore. */
export function useParts(o: Overrides = {}): void {
  const { clock, domainConfig, ...parts } = o;
  edge().clock.set(clock ?? null);
  given = { ...parts, ...(domainConfig ? { office: domainConfig } : {}) };
  generation++;
}

/** Makes the embedded edge's workflow this runner (undefined: none). */
export function useWorkflow(runner: Workflow | undefined): void {
  edge().useWorkflow(runner);
}

let ocr: ScanReader | undefined;
/** Gives the parts (and the composed OCR worker) the engine DAUMOI_OCR_ENGINE names; tests that read scans call it. */
export async function withOcrEngine(): Promise<ScanReader> {
  const { ocrReader } = await import('../../shared/scans/ocr');
  return (ocr ??= ocrReader(platformFromEnv()));
}

export interface OfficeParts {
  clock: Clock;
  platform: Platform;
  db: Platform['db'];
  audit: ReturnType<typeof auditModule>;
  domainConfig: DomainConfig;
  registers: Registers;
  blobs: ReturnType<typeof blobStore>;
  scans: ScanService;
  search: SearchIndex;
  indexer: ReturnType<typeof searchModule>['indexer'];
  drafts: ReturnType<typeof draftsModule>;
  clients: ReturnType<typeof clientRegistry>;
  users: ReturnType<EmbeddedEdge['users']>;
  identity: ReturnType<EmbeddedEdge['verifier']>;
  reporting: ReturnType<typeof reportsModule>;
  /** The OCR engine (after `withOcrEngine()`). */
  ocr: ScanReader;
}

let built: { generation: number; parts: OfficeParts } | undefined;

/** The parts as the current overrides make them (rebuilt when `useParts` changes them). */
export function officeParts(): OfficeParts {
  if (built?.generation === generation) return built.parts;
  const e = edge();
  const platform = platformFromEnv({ clock: e.clock });
  const audit = auditModule(platform);
  const domainConfig = given.office ?? officeConfig();
  const registers = registersOf(platform, audit, { ...given, office: domainConfig });
  const blobs = blobStore(platform);
  const reader = (): ScanReader => {
    if (!ocr) throw new Error('no OCR engine in this test: await withOcrEngine() first (test/support/parts.ts)');
    return ocr;
  };
  const scans = given.scans ?? scansModule(platform, { audit, registers, blobs, reader, signatures: () => signatureVerifier(platform) }).scans;
  const search = given.search ?? searchIndex(platform);
  const { indexer } = searchModule(platform, { registers, scanText: (id) => scans.textOf(id), index: search });
  const parts: OfficeParts = {
    clock: e.clock,
    platform,
    db: platform.db,
    audit,
    domainConfig,
    registers,
    blobs,
    scans,
    search,
    indexer,
    drafts: draftsModule(platform, { audit }),
    clients: clientRegistry(platform),
    users: e.users(platform, audit),
    reporting: reportsModule(platform, { audit, office: () => domainConfig, provisioner: () => e.provisioner(), notifier: (o) => e.notifier(o, platform.clock) }),
    get identity() {
      return e.verifier();
    },
    get ocr() {
      return reader();
    },
  };
  built = { generation, parts };
  return parts;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every function's handler shape
export type Handler = (event?: any, context?: Context | any) => Promise<any>;

/** `functions/<fn>.ts` composed with the embedded edge and the current overrides (composed again when they change). */
export function composed(fn: string): Promise<Handler> {
  let h = composedHandlers.get(fn);
  if (!h) composedHandlers.set(fn, (h = composeNow(fn)));
  return h;
}
const composedHandlers = new Map<string, Promise<Handler>>();

async function composeNow(fn: string): Promise<Handler> {
  const m = (await import(`../../functions/${fn}.ts`)) as { compose: (edge: EmbeddedEdge, given?: unknown) => Handler };
  let current: { generation: number; handler: Handler } | undefined;
  const handlerNow = (): Handler => {
    if (current?.generation !== generation) {
      // The OCR worker reads with the parts' engine, so that the test's warmUp and close reach it.
      const g = fn === 'ocr-worker' ? { scans: officeParts().scans } : given;
      current = { generation, handler: m.compose(edge(), g) };
    }
    return current.handler;
  };
  return (event?: APIGatewayProxyEvent, context?: Context) => handlerNow()(event, context);
}
