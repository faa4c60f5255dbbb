/** The OCR stack: queue and DLQ, the worker's event source, grants, and the engine switch. */
import { describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { synthTemplates } from './stacks';
import { dependencyClosure, OCR_RUNTIME_PACKAGES } from '../../infra/stacks/ocr-stack';
import { JOB_LEASE_MS } from '../../shared/scans/app/deps';

const statementsOf = (t: ReturnType<typeof synthTemplates>['ocr']) =>
  Object.values(t.findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
const actions = (s: { Action: string | string[] }) => (Array.isArray(s.Action) ? s.Action : [s.Action]);

describe('OCR stack (tesseract, the default)', () => {
  const t = synthTemplates();

  it('feeds the worker from the queue with partial batch responses, and parks repeated failures in a DLQ', () => {
    t.ocr.hasResourceProperties('AWS::Lambda::EventSourceMapping', { BatchSize: 1, FunctionResponseTypes: ['ReportBatchItemFailures'] });
    const queues = Object.values(t.ocr.findResources('AWS::SQS::Queue')).map((q) => q.Properties);
    const jobs = queues.find((q) => q.RedrivePolicy)!;
    expect(jobs.RedrivePolicy.maxReceiveCount).toBe(5);
    // Function timeout < job lease < visibility timeout: a live worker is never taken over, and the
    // delivery after a dead one finds the lease over.
    const worker = Object.values(t.ocr.findResources('AWS::Lambda::Function')).find((f) => f.Properties.Timeout === 300)!;
    expect(worker).toBeDefined();
    expect(JOB_LEASE_MS / 1000).toBeGreaterThan(worker.Properties.Timeout);
    expect(jobs.VisibilityTimeout).toBeGreaterThan(JOB_LEASE_MS / 1000);
  });

  it('sizes the worker for tesseract and tells it the engine and the quarantine action', () => {
    t.ocr.hasResourceProperties('AWS::Lambda::Function', {
      MemorySize: 3584,
      Timeout: 300,
      Environment: { Variables: Match.objectLike({ DAUMOI_OCR_ENGINE: 'tesseract', DAUMOI_QUARANTINE_ACTION: 'move', DAUMOI_TABLE_DATA: Match.anyValue(), DAUMOI_BUCKET: Match.anyValue() }) },
    });
  });

  it('grants object access under scans/, ocr/ and quarantine/ only, and no Textract', () => {
    const st = statementsOf(t.ocr);
    const s3 = st.filter((s) => actions(s).includes('s3:PutObject'));
    expect(JSON.stringify(s3.map((s) => s.Resource))).toMatch(/scans\/\*.*ocr\/\*.*quarantine\/\*/);
    expect(st.some((s) => actions(s).includes('s3:DeleteObjectVersion'))).toBe(true);
    expect(st.flatMap(actions).filter((a) => a.startsWith('textract:'))).toEqual([]);
  });

  it('ships tesseract.js, the vie model, pdfjs and canvas with their dependencies', () => {
    const closure = dependencyClosure(OCR_RUNTIME_PACKAGES);
    expect(closure).toEqual(expect.arrayContaining(['tesseract.js', 'tesseract.js-core', '@tesseract.js-data/vie', 'pdfjs-dist', '@napi-rs/canvas']));
  });
});

describe('OCR stack with Textract', () => {
  const t = synthTemplates({ 'daumoi:ocrEngine': 'textract' });

  it('allows exactly the text-detection actions, never textract:*', () => {
    const textract = statementsOf(t.ocr).flatMap(actions).filter((a) => a.startsWith('textract:'));
    expect(textract.sort()).toEqual(['textract:DetectDocumentText', 'textract:GetDocumentTextDetection', 'textract:StartDocumentTextDetection']);
    t.ocr.hasResourceProperties('AWS::Lambda::Function', { Environment: { Variables: Match.objectLike({ DAUMOI_OCR_ENGINE: 'textract' }) } });
  });
});
