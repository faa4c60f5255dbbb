/** Builds the stacks in-process for Template assertions, without bundling (fast, offline). */
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildStacks } from '../../infra/stacks';

export function synthTemplates(context: Record<string, unknown> = {}) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [], '@aws-cdk/core:defaultCrossStackReferences': 'strong', ...context } });
  const stacks = buildStacks(app);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  return {
    app,
    assembly,
    data: Template.fromStack(stacks.data),
    api: Template.fromStack(stacks.api),
    ocr: Template.fromStack(stacks.ocr),
    workflow: Template.fromStack(stacks.workflow),
    monitoring: Template.fromStack(stacks.monitoring),
  };
}
