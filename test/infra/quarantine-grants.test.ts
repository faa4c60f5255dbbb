/**
 * Removing every version of a quarantined scan needs s3:ListBucketVersions (on the bucket) and
 * s3:DeleteObjectVersion (on the upload's and the OCR text's prefixes). Exactly the two functions
 * that apply the secrecy guard hold them — the OCR worker (OCR reads Tối mật) and the scans API
 * function (the clerk corrects to Tối mật) — on exactly those resources, and no other function does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Template } from 'aws-cdk-lib/assertions';
import { synthTemplates } from './stacks';

const VERSION_ACTIONS = ['s3:DeleteObjectVersion', 's3:ListBucketVersions'];
const BUCKET = 'arn:<AWS::Partition>:s3:::daumoi-scans-<AWS::AccountId>-<AWS::Region>';

/** An ARN as CloudFormation writes it, with each Ref shown as <Name>. */
function arn(v: unknown): string {
  if (typeof v === 'string') return v;
  const o = v as Record<string, unknown>;
  if (o.Ref) return `<${String(o.Ref)}>`;
  if (o['Fn::Join']) {
    const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
    return parts.map(arn).join(sep);
  }
  return JSON.stringify(v);
}

interface Grant {
  fn: string;
  action: string;
  resource: string;
}

/** Every (function, version action, resource) the templates grant. */
function versionGrants(t: Template): Grant[] {
  const resources = t.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, any> }>;
  const fnOfRole = new Map<string, string>();
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::Lambda::Function') continue;
    const role = r.Properties.Role?.['Fn::GetAtt']?.[0] as string | undefined;
    if (role) fnOfRole.set(role, `${id} (${String(r.Properties.Description ?? '')})`);
  }
  const out: Grant[] = [];
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::IAM::Policy') continue;
    const roles = (r.Properties.Roles as { Ref: string }[]).map((x) => fnOfRole.get(x.Ref) ?? `role ${x.Ref}`);
    for (const st of r.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown; Effect: string }[]) {
      const actions = [st.Action].flat();
      if (!actions.some((a) => VERSION_ACTIONS.includes(a) || a === 's3:*')) continue;
      for (const fn of roles) for (const a of actions) for (const res of [st.Resource].flat()) out.push({ fn, action: a, resource: arn(res) });
    }
  }
  return out;
}

let grants: Grant[];
beforeAll(() => {
  const t = synthTemplates();
  grants = [...versionGrants(t.api), ...versionGrants(t.ocr), ...versionGrants(t.workflow), ...versionGrants(t.data), ...versionGrants(t.monitoring)];
}, 300_000);

describe('the grants that purge a quarantined scan', () => {
  it('only the OCR worker and the scans function hold version actions, on the scans/ and ocr/ prefixes and the bucket, nothing else', () => {
    const fns = [...new Set(grants.map((g) => g.fn))].sort();
    expect(fns).toHaveLength(2);
    expect(fns.some((f) => f.endsWith('(daumoi API: scans)'))).toBe(true);
    expect(fns.some((f) => f.includes('(daumoi OCR worker'))).toBe(true);
    for (const fn of fns) {
      const mine = grants.filter((g) => g.fn === fn);
      expect(mine.map((g) => `${g.action} ${g.resource}`).sort(), fn).toEqual(
        [`s3:DeleteObjectVersion ${BUCKET}/ocr/*`, `s3:DeleteObjectVersion ${BUCKET}/scans/*`, `s3:ListBucketVersions ${BUCKET}`].sort(),
      );
    }
  });
});
