/**
 * The CDK app: data, API, OCR and workflow stacks, checked by cdk-nag's AwsSolutions rules
 * on every synth. Context: `daumoi:stage`, `daumoi:ocrEngine` (tesseract | textract),
 * `daumoi:logRetentionDays`.
 */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildStacks } from './stacks';

const app = new App();
buildStacks(app);
Tags.of(app).add('project', 'daumoi');
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
