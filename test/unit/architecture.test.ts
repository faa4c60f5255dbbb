/**
 * The dependency rules of docs/architecture.md, checked: dependency-cruiser runs
 * .dependency-cruiser.cjs over the repository and every violation fails the test, listed by rule.
 * Each rule is also run over a small tree under test/fixtures/architecture/<rule>/ that breaks it
 * (and makes the imports the rule allows beside it): the test expects exactly the violations the
 * fixture's comments name, so a rule that stops biting, or starts biting what it allows, fails too.
 *
 * dependency-cruiser's command line refuses Node below 22; its API (used here) runs on Node 20.19+.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/architecture');
/** What the rules are about: the modules, the platform and the layers above them. */
const CHECKED = ['shared', 'functions', 'local', 'infra'];

let options: ICruiseOptions;
let tsConfig: ReturnType<typeof extractTSConfig>;

beforeAll(async () => {
  options = await extractDepcruiseOptions(path.join(ROOT, '.dependency-cruiser.cjs'));
  tsConfig = extractTSConfig(path.join(ROOT, 'tsconfig.json'));
});

/** `rule: from → to` (a cycle: `no-cycles: a → b → … → a`), sorted. */
async function violations(baseDir: string, files: string[]): Promise<string[]> {
  const result = await cruise(files, { ...options, baseDir, validate: true }, undefined, { tsConfig });
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned a report, not a result');
  return result.output.summary.violations.map(describeViolation).sort();
}

function describeViolation(v: IViolation): string {
  if (v.cycle?.length) return `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')}`;
  return `${v.rule.name}: ${v.from} → ${v.to}`;
}

/** The violations grouped by rule, for a failure message a person can act on. */
function byRule(list: string[]): string {
  const groups = new Map<string, string[]>();
  for (const line of list) {
    const [rule, ...rest] = line.split(': ');
    groups.set(rule!, [...(groups.get(rule!) ?? []), rest.join(': ')]);
  }
  return [...groups].map(([rule, lines]) => `${rule} (${lines.length}):\n  ${lines.join('\n  ')}`).join('\n');
}

describe('the repository keeps its dependency rules', () => {
  it('has no violation of .dependency-cruiser.cjs', async () => {
    const found = await violations(ROOT, CHECKED);
    expect(found, `dependency rules broken (docs/architecture.md):\n${byRule(found)}`).toEqual([]);
  }, 60_000);
});

describe('each rule bites (test/fixtures/architecture/)', () => {
  const cases: Record<string, string[]> = {
    'domain-is-pure': [
      'shared/things/domain/rules.ts → fs',
      'shared/things/domain/rules.ts → http',
      'shared/things/domain/rules.ts → @aws-sdk/client-s3',
      'shared/things/domain/rules.ts → @middy/core',
      'shared/things/domain/rules.ts → @aws-lambda-powertools/logger',
      'shared/things/domain/rules.ts → shared/things/adapters/dynamo-thing-store.ts',
      'shared/things/domain/rules.ts → shared/things/app/things.ts',
      'shared/things/domain/rules.ts → shared/platform/aws/tables.ts',
      'shared/things/domain/rules.ts → shared/platform/http/response.ts',
      'shared/things/domain/rules.ts → shared/platform/observability/logger.ts',
      'shared/things/domain/rules.ts → shared/platform/files/s3-blob-store.ts',
    ],
    'domain-clock-type-only': ['shared/things/domain/today.ts → shared/platform/clock.ts'],
    'module-through-public-entry': [
      'shared/things/app/things.ts → shared/letters/adapters/letter-store.ts',
      'shared/things/app/things.ts → shared/letters/domain/rules.ts',
    ],
    'module-not-above-itself': ['shared/things/routes.ts → shared/api/routes.ts', 'shared/things/routes.ts → shared/edge/clock.ts'],
    'platform-imports-no-module': [
      'shared/platform/http/api-handler.ts → shared/identity/adapters/authenticate.ts',
      'shared/platform/http/api-handler.ts → shared/reports/ports/report-files.ts',
      'shared/platform/http/api-handler.ts → shared/identity/domain/identity.ts',
      'shared/platform/http/api-handler.ts → shared/api/routes.ts',
    ],
    'adapters-never-import-app': ['shared/things/adapters/dynamo-thing-store.ts → shared/things/app/count-things.ts'],
    // A cycle is reported once, from the first of its modules.
    'no-cycles': ['shared/things/domain/a.ts → shared/things/domain/b.ts → shared/things/domain/a.ts'],
    'functions-use-public-entries': [
      'functions/things.ts → shared/things/app/things.ts',
      'functions/things.ts → local/embedded.ts',
      'functions/things.ts → functions/other.ts',
    ],
  };

  it('every rule of the configuration has a fixture', () => {
    expect(Object.keys(cases).sort()).toEqual((options.ruleSet?.forbidden ?? []).map((r) => r.name).sort());
  });

  for (const [rule, expected] of Object.entries(cases)) {
    it(rule, async () => {
      const dir = path.join(FIXTURES, rule);
      const found = await violations(dir, ['shared', 'functions', 'local'].filter((d) => existsIn(dir, d)));
      // npm packages resolve to the repository's node_modules, outside the fixture: name them by package.
      const named = found.map((v) => v.replace(/\S*node_modules\/((?:@[^/]+\/)?[^/]+)\/\S*/, '$1'));
      expect(named).toEqual(expected.map((e) => `${rule}: ${e}`).sort());
    });
  }
});

function existsIn(dir: string, sub: string): boolean {
  try {
    return statSync(path.join(dir, sub)).isDirectory();
  } catch {
    return false;
  }
}
