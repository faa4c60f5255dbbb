import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import aslValidator from 'asl-validator';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { HUMAN_STATES, STATES, WORKFLOW_FUNCTIONS } from '../../infra/constructs/appraisal-workflow';
import { workflowFromTemplate, type AslDefinition, type AslState, type GeneratedWorkflow } from '../../local/workflow/definition';
import { GENERATED_PATH, serialise, synthWorkflow } from '../../local/workflow/build';
import { runnableDefinition } from '../../local/workflow/runner';
import { TRANSIENT_ERRORS, WORKFLOW_ERRORS } from '../../shared/drafts/domain/workflow';
import { buildStacks } from '../../infra/stacks';
import { grantDraftsApi } from '../../infra/stacks/workflow-stack';
import { ENV } from '../../shared/platform/env';
import { synthTemplates } from './stacks';

let t: ReturnType<typeof synthTemplates>;
let wf: GeneratedWorkflow;
let def: AslDefinition;
beforeAll(() => {
  t = synthTemplates();
  wf = workflowFromTemplate(t.workflow.toJSON() as never, 'test');
  def = wf.definition;
});

const tasks = () => Object.entries(def.States).filter(([, s]) => s.Type === 'Task');
const humanTasks = () => tasks().filter(([, s]) => s.Resource!.endsWith(':states:::lambda:invoke.waitForTaskToken'));
const lambdaTasks = () => tasks().filter(([, s]) => s.Resource!.endsWith(':states:::lambda:invoke'));
const catchOf = (s: AslState) => (s.Catch ?? []) as { ErrorEquals: string[]; Next: string }[];
const retryOf = (s: AslState) => (s.Retry ?? []) as { ErrorEquals: string[]; MaxAttempts: number; BackoffRate: number; IntervalSeconds: number }[];

describe('appraisal state machine', () => {
  it('is one standard state machine with logging of every event and X-Ray tracing', () => {
    t.workflow.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    t.workflow.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: false }),
    });
  });

  it('has the three human steps as .waitForTaskToken tasks passing the token to the Lambda', () => {
    expect(humanTasks().map(([n]) => n).sort()).toEqual([...HUMAN_STATES].sort());
    for (const [, s] of humanTasks()) {
      expect((s.Parameters!.Payload as Record<string, string>)['token.$']).toBe('$$.Task.Token');
      expect(wf.functions[s.Parameters!.FunctionName as string]).toBe(WORKFLOW_FUNCTIONS.humanTask);
    }
  });

  it('gives every human step a timeout from its due time and catches States.Timeout into the escalation', () => {
    expect(humanTasks()).toHaveLength(3);
    for (const [name, s] of humanTasks()) {
      expect(s.TimeoutSecondsPath, name).toBe('$.route.timing.timeoutSeconds');
      const timeout = catchOf(s).find((c) => c.ErrorEquals.includes('States.Timeout'));
      expect(timeout?.Next, name).toBe(STATES.escalate);
      expect(catchOf(s).find((c) => c.ErrorEquals.includes(WORKFLOW_ERRORS.rejected))?.Next, name).toBe(STATES.rejected);
    }
  });

  it('routes an escalation back to its step once, then to Expired', () => {
    expect(def.States[STATES.escalate]!.Next).toBe(STATES.afterEscalation);
    const choice = def.States[STATES.afterEscalation] as AslState & { Choices: { Variable: string; StringEquals: string; Next: string }[] };
    expect(choice.Choices.map((c) => [c.Variable, c.StringEquals, c.Next])).toEqual([
      ['$.route.outcome', 'expired', STATES.expired],
      ['$.route.timing.step', 'appraisal', STATES.appraisal],
      ['$.route.timing.step', 'revision', STATES.revision],
      ['$.route.timing.step', 'approval', STATES.approval],
    ]);
    expect(def.States[STATES.expired]).toMatchObject({ Type: 'Fail', Error: WORKFLOW_ERRORS.expired });
  });

  it('wires precheck → appraisal → approval → issuance → issued, with revision back to precheck', () => {
    expect(def.StartAt).toBe(STATES.precheck);
    const next = (choice: string, outcome: string) =>
      (def.States[choice] as AslState & { Choices: { StringEquals: string; Next: string }[] }).Choices.find((c) => c.StringEquals === outcome)?.Next;
    expect(def.States[STATES.precheck]!.Next).toBe(STATES.precheckResult);
    expect(next(STATES.precheckResult, 'ok')).toBe(STATES.appraisal);
    expect(next(STATES.precheckResult, 'errors')).toBe(STATES.revision);
    expect(next(STATES.appraisalDecision, 'approve')).toBe(STATES.approval);
    expect(next(STATES.appraisalDecision, 'return')).toBe(STATES.revision);
    expect(next(STATES.approvalDecision, 'approve')).toBe(STATES.issuance);
    expect(next(STATES.approvalDecision, 'return')).toBe(STATES.revision);
    expect(def.States[STATES.revision]!.Next).toBe(STATES.precheck);
    expect(def.States[STATES.issuance]!.Next).toBe(STATES.issued);
    expect(def.States[STATES.issued]!.Type).toBe('Succeed');
  });

  it('retries Lambda tasks with backoff on the original (SDK) error names, and bounds each task', () => {
    expect(lambdaTasks().map(([n]) => n).sort()).toEqual([STATES.escalate, STATES.issuance, STATES.precheck].sort());
    for (const [name, s] of lambdaTasks()) {
      expect(s.TimeoutSeconds, name).toBeGreaterThan(0);
      const transient = retryOf(s).find((r) => r.ErrorEquals.includes('ThrottlingException'));
      expect(transient, name).toBeDefined();
      expect(transient!.ErrorEquals).toEqual(expect.arrayContaining([...TRANSIENT_ERRORS]));
      expect(transient!.BackoffRate).toBeGreaterThan(1);
      expect(retryOf(s).some((r) => r.ErrorEquals.includes('Lambda.TooManyRequestsException')), name).toBe(true);
      // Never a blanket retry: domain errors (a 4xx) must not be repeated.
      expect(retryOf(s).flatMap((r) => r.ErrorEquals)).not.toContain('States.ALL');
      expect(retryOf(s).flatMap((r) => r.ErrorEquals)).not.toContain('States.TaskFailed');
    }
  });

  it('is accepted by asl-validator, ARNs and paths checked (also after the embedded runner’s adaptation)', () => {
    // asl-validator fills defaults into what it checks (ajv useDefaults): give it copies.
    const strict = aslValidator(structuredClone(def) as never, { checkArn: true, checkPaths: true });
    expect(strict.errors).toEqual([]);
    expect(strict.isValid).toBe(true);
    expect(aslValidator(structuredClone(runnableDefinition(def)) as never, { checkArn: true, checkPaths: true }).isValid).toBe(true);
  });

  it('gives each task Lambda the Data and Audit tables only (issuance also Search, to index the entry), and tags its entry file', () => {
    const fns = Object.values(t.workflow.findResources('AWS::Lambda::Function'));
    const entryOf = (f: (typeof fns)[number]) => (f.Properties.Tags as { Key: string; Value: string }[]).find((x) => x.Key === 'daumoi:entry')?.Value;
    expect(fns.map(entryOf).sort()).toEqual(Object.values(WORKFLOW_FUNCTIONS).sort());
    for (const f of fns) {
      const tables = Object.keys(f.Properties.Environment.Variables).filter((k) => k.startsWith('DAUMOI_TABLE_')).sort();
      const expected = entryOf(f) === WORKFLOW_FUNCTIONS.issuance ? ['DAUMOI_TABLE_AUDIT', 'DAUMOI_TABLE_DATA', 'DAUMOI_TABLE_SEARCH'] : ['DAUMOI_TABLE_AUDIT', 'DAUMOI_TABLE_DATA'];
      expect(tables, entryOf(f)).toEqual(expected);
    }
  });
});

describe('the embedded runner’s definition', () => {
  it('local/generated/appraisal.asl.json equals a fresh synth (run `npm run build:workflow` after changing the workflow)', () => {
    expect(readFileSync(GENERATED_PATH, 'utf8')).toBe(serialise(synthWorkflow()));
  });

  it('is the same definition the test synth produced', () => {
    const committed = JSON.parse(readFileSync(GENERATED_PATH, 'utf8')) as GeneratedWorkflow;
    expect(committed.definition).toEqual(def);
    expect(committed.functions).toEqual(wf.functions);
  });
});

describe('grantDraftsApi (what the API stack calls for its drafts function)', () => {
  it('sets the state machine ARN and allows starting executions and answering tasks on that machine only, cdk-nag clean', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:defaultCrossStackReferences': 'strong' } });
    const stacks = buildStacks(app);
    grantDraftsApi(stacks.api.functions.drafts, stacks.workflow.stateMachine);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const assembly = app.synth();
    const api = assembly.getStackByName(stacks.api.stackName).template as { Resources: Record<string, { Type: string; Properties: any }> };
    const machineRef = { 'Fn::ImportValue': expect.stringContaining('AppraisalStateMachine') };
    const drafts = Object.values(api.Resources).find((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Description === 'daumoi API: drafts')!;
    expect(drafts.Properties.Environment.Variables[ENV.stateMachineArn]).toEqual(machineRef);
    const statements = Object.values(api.Resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => r.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[])
      .filter((st) => JSON.stringify(st.Action).includes('states:'));
    expect(statements).toEqual([
      expect.objectContaining({ Action: 'states:StartExecution', Resource: machineRef }),
      expect.objectContaining({ Action: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'], Resource: machineRef }),
    ]);
    const report = path.join(assembly.directory, 'validation-report.json');
    const violations = existsSync(report)
      ? (JSON.parse(readFileSync(report, 'utf8')) as { pluginReports: { pluginName: string; violations: unknown[] }[] }).pluginReports.filter((p) => /AwsSolutions/.test(p.pluginName)).flatMap((p) => p.violations)
      : [];
    expect(violations).toEqual([]);
  });
});
