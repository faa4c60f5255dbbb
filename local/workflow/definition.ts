/**
 * The appraisal state machine's definition as CDK synthesizes it, made runnable offline: the
 * `DefinitionString` of the workflow stack's template with its CloudFormation tokens resolved
 * (`Fn::Join`, `Ref AWS::*`, Lambda `Fn::GetAtt … Arn`), and the entry file of each Lambda it
 * calls (from the function's `daumoi:entry` tag).
 */
import { ENTRY_TAG } from '../../infra/constructs/appraisal-workflow';

/** Region and account the resolved ARNs carry in the embedded office. */
export const LOCAL_REGION = 'ap-southeast-1';
export const LOCAL_ACCOUNT = '000000000000';

export interface AslDefinition {
  StartAt: string;
  States: Record<string, AslState>;
  Comment?: string;
  TimeoutSeconds?: number;
}
export interface AslState {
  Type: string;
  Resource?: string;
  Parameters?: Record<string, unknown>;
  TimeoutSeconds?: number;
  TimeoutSecondsPath?: string;
  [field: string]: unknown;
}

/** What `npm run build:workflow` writes to local/generated/appraisal.asl.json. */
export interface GeneratedWorkflow {
  note: string;
  /** Logical id of the state machine in the workflow stack's template. */
  stateMachine: string;
  definition: AslDefinition;
  /** Lambda ARN (as resolved here) → entry file (functions/…ts). */
  functions: Record<string, string>;
}

type Template = { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> };

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::Region': LOCAL_REGION,
  'AWS::AccountId': LOCAL_ACCOUNT,
  'AWS::URLSuffix': 'amazonaws.com',
};

export const localFunctionArn = (logicalId: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${logicalId}`;

/** Resolves the intrinsic functions CDK puts in a state machine's DefinitionString. */
export function resolveTokens(value: unknown, template: Template): unknown {
  if (typeof value === 'string' || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => resolveTokens(v, template));
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1 && keys[0] === 'Fn::Join') {
    const [sep, parts] = o['Fn::Join'] as [string, unknown[]];
    return parts.map((p) => String(resolveTokens(p, template))).join(sep);
  }
  if (keys.length === 1 && keys[0] === 'Ref') {
    const ref = o.Ref as string;
    if (PSEUDO[ref]) return PSEUDO[ref];
    throw new Error(`Cannot resolve Ref ${ref} in the state machine definition (only AWS:: pseudo parameters)`);
  }
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
    const [logicalId, attr] = o['Fn::GetAtt'] as [string, string];
    const res = template.Resources[logicalId];
    if (res?.Type === 'AWS::Lambda::Function' && attr === 'Arn') return localFunctionArn(logicalId);
    throw new Error(`Cannot resolve Fn::GetAtt ${logicalId}.${attr} (${res?.Type ?? 'missing'}) in the state machine definition`);
  }
  return Object.fromEntries(keys.map((k) => [k, resolveTokens(o[k], template)]));
}

/** Takes the one state machine of a template and resolves it; throws when there is not exactly one. */
export function workflowFromTemplate(template: Template, note: string): GeneratedWorkflow {
  const machines = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::StepFunctions::StateMachine');
  if (machines.length !== 1) throw new Error(`Expected one state machine in the workflow template, found ${machines.length}`);
  const [logicalId, machine] = machines[0]!;
  const raw = machine.Properties?.DefinitionString;
  const text = typeof raw === 'string' ? raw : resolveTokens(raw, template);
  if (typeof text !== 'string') throw new Error('DefinitionString did not resolve to a string');
  const definition = JSON.parse(text) as AslDefinition;
  const functions: Record<string, string> = {};
  for (const [id, r] of Object.entries(template.Resources)) {
    if (r.Type !== 'AWS::Lambda::Function') continue;
    const tags = (r.Properties?.Tags ?? []) as { Key: string; Value: string }[];
    const entry = tags.find((t) => t.Key === ENTRY_TAG)?.Value;
    if (entry) functions[localFunctionArn(id)] = entry;
  }
  for (const [name, state] of Object.entries(definition.States)) {
    const arn = (state.Parameters?.FunctionName as string | undefined) ?? (state.Resource?.startsWith('arn:aws:lambda:') ? state.Resource : undefined);
    if (state.Type === 'Task' && (!arn || !functions[arn])) throw new Error(`Task state ${name} calls ${arn ?? 'no function'}, which has no ${ENTRY_TAG} tag`);
  }
  return { note, stateMachine: logicalId, definition, functions };
}
