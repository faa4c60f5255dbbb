/**
 * The CDK app: data, API, OCR and workflow stacks, checked by cdk-nag's AwsSolutions rules
 * on every synth. Context: `daumoi:stage`, `daumoi:ocrEngine` (tesseract | textract),
 * `daumoi:logRetentionDays`.
 */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { buildStacks } from './stacks';
import { checkDomainConfig } from '../shared/office';

// The functions carry config/domain.json inlined: a bad file stops the synth, naming the line.
checkDomainConfig();
const app = new App();
buildStacks(app);
Tags.of(app).add('project', 'daumoi');
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
