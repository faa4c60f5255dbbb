/**
 * Every Lambda function composes with exactly the environment CDK gives it: for each function of
 * the synthesized app, the process environment is set to that function's variables (references to
 * other resources become placeholder names) and its file's `compose(cloudEdge())` is called, as
 * the first invocation in the cloud would. A module that names a table, bucket or setting the
 * stack never binds fails here, not on AWS at the first upload.
 */
import path from 'node:path';
import { Stack } from 'aws-cdk-lib';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import { DaumoiFunction } from '../../infra/constructs/daumoi-function';
import { REPO_ROOT } from '../../infra/constructs/repo-root';
import { cloudEdge } from '../../shared/edge/cloud';
import type { Edge } from '../../shared/edge/edge';
import { synthTemplates } from './stacks';

const { app } = synthTemplates();
const functions = app.node.findAll().filter((c): c is DaumoiFunction => c instanceof DaumoiFunction);
const saved = { ...process.env };

/** The function's variables as CloudFormation will set them: a token (a table's name, a key's ARN) becomes a placeholder. */
function environmentOf(fn: DaumoiFunction): Record<string, string> {
  const cfn = fn.node.defaultChild as CfnFunction;
  const resolved = Stack.of(fn).resolve(cfn.environment) as { variables?: Record<string, unknown> } | undefined;
  const vars = resolved?.variables ?? {};
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, typeof v === 'string' ? v : `resolved-${k.toLowerCase()}`]));
}

afterAll(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

describe('each function composes with the environment its stack gives it', () => {
  it('finds every function file among the stacks', () => {
    const files = new Set(functions.map((f) => f.entryFile));
    expect(files.size).toBeGreaterThanOrEqual(20);
  });

  for (const fn of functions) {
    it(`${fn.entryFile} (${fn.node.path})`, async () => {
      for (const k of Object.keys(process.env)) if (k.startsWith('DAUMOI_')) delete process.env[k];
      Object.assign(process.env, environmentOf(fn), { AWS_REGION: 'ap-southeast-1' });
      const mod = (await import(path.join(REPO_ROOT, fn.entryFile))) as { compose?: (edge: Edge) => unknown };
      expect(typeof mod.compose).toBe('function');
      expect(() => mod.compose!(cloudEdge())).not.toThrow();
    });
  }
});
