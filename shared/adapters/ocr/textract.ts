/**
 * Amazon Textract as the OCR engine (DAUMOI_OCR_ENGINE=textract). Textract does not support
 * Vietnamese: it reads the Latin letters and drops or garbles the diacritics, which is why the
 * extractor also works on text without diacritics. Use it for throughput, not for text quality.
 *
 * - JPEG, PNG, TIFF: DetectDocumentText (synchronous) on the bytes.
 * - PDF with a staging place in S3: StartDocumentTextDetection on the staged object, then
 *   GetDocumentTextDetection polled with backoff (1 s doubling to 5 s, up to `maxWaitMs`) and
 *   paged through NextToken; the staged copy is removed afterwards. The OCR function's timeout
 *   (5 min) bounds the wait, and a job still running then is a transient failure (the queue
 *   delivers the event again and a new job starts).
 * - PDF without staging: each page's image (shared/adapters/ocr/pdf) through DetectDocumentText.
 *
 * Errors Textract gives for a bad file (BadDocument, UnsupportedDocument, DocumentTooLarge,
 * InvalidS3Object…) become UnreadableScanError; throttling and the rest stay retryable.
 */
import {
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommand,
  TextractClient,
  type Block,
  type DetectDocumentTextCommandOutput,
  type GetDocumentTextDetectionCommandOutput,
  type StartDocumentTextDetectionCommandOutput,
} from '@aws-sdk/client-textract';
import { detectScanKind, unreadableReason } from '../../domain/file-type';
import type { ReadText } from '../../services/scans/deps';
import type { OcrEngine } from './engine';
import { UnreadableScanError } from './errors';
import { encodePng } from './image';
import { pdfPages } from './pdf';

/** The one method of TextractClient the engine uses (tests inject a fake). */
export interface TextractSender {
  send(command: DetectDocumentTextCommand): Promise<DetectDocumentTextCommandOutput>;
  send(command: StartDocumentTextDetectionCommand): Promise<StartDocumentTextDetectionCommandOutput>;
  send(command: GetDocumentTextDetectionCommand): Promise<GetDocumentTextDetectionCommandOutput>;
}

/** Where a multi-page PDF is put for Textract's asynchronous API (an S3 bucket Textract may read). */
export interface TextractStaging {
  put(bytes: Uint8Array): Promise<{ bucket: string; key: string; versionId?: string }>;
  remove?(location: { bucket: string; key: string }): Promise<void>;
}

export interface TextractOptions {
  client?: TextractSender;
  staging?: TextractStaging;
  /** Longest wait for an asynchronous job (default 4 min, inside the function's 5). */
  maxWaitMs?: number;
  /** First and longest pause between polls (defaults 1 s and 5 s). */
  pollMs?: { first: number; max: number };
  sleep?: (ms: number) => Promise<void>;
  /** Resolution at which PDF pages without an embedded image are rendered (default 200). */
  renderDpi?: number;
}

/** Sync API limit on document bytes. */
const SYNC_MAX_BYTES = 10 * 1024 * 1024;

const UNREADABLE = new Set([
  'BadDocumentException',
  'UnsupportedDocumentException',
  'DocumentTooLargeException',
  'InvalidS3ObjectException',
  'InvalidParameterException',
]);

export class TextractJobTimeout extends Error {
  constructor(jobId: string, ms: number) {
    super(`Textract job ${jobId} still running after ${Math.round(ms / 1000)} s`);
    this.name = 'TextractJobTimeout';
  }
}

export class TextractEngine implements OcrEngine {
  readonly name = 'textract';
  private clientInstance: TextractSender | null;

  constructor(private readonly opts: TextractOptions = {}) {
    this.clientInstance = opts.client ?? null;
  }

  private get client(): TextractSender {
    return (this.clientInstance ??= new TextractClient({}) as unknown as TextractSender);
  }

  async read(bytes: Uint8Array): Promise<ReadText> {
    const problem = unreadableReason(bytes);
    if (problem) throw new UnreadableScanError(problem);
    const kind = detectScanKind(bytes);
    if (kind === 'pdf') {
      if (this.opts.staging) return { engine: this.name, pages: await this.readAsync(bytes, this.opts.staging) };
      const pages = await pdfPages(bytes, { renderDpi: this.opts.renderDpi ?? 200 });
      const out: ReadText['pages'] = [];
      for (const p of pages) {
        if (p.kind === 'text') out.push({ text: p.text, confidence: 1 });
        else out.push((await this.detect(new Uint8Array(encodePng(p.image))))[0] ?? { text: '', confidence: null });
      }
      return { engine: this.name, pages: out };
    }
    if (bytes.length > SYNC_MAX_BYTES) throw new UnreadableScanError(`the image has ${bytes.length} bytes; Textract reads at most ${SYNC_MAX_BYTES}`);
    return { engine: this.name, pages: await this.detect(bytes) };
  }

  /** DetectDocumentText on one image (or single-page PDF). */
  private async detect(bytes: Uint8Array): Promise<ReadText['pages']> {
    const res = await this.call(() => this.client.send(new DetectDocumentTextCommand({ Document: { Bytes: bytes } })));
    return pagesOfBlocks(res.Blocks ?? [], res.DocumentMetadata?.Pages ?? 1);
  }

  private async readAsync(bytes: Uint8Array, staging: TextractStaging): Promise<ReadText['pages']> {
    const loc = await staging.put(bytes);
    try {
      const started = await this.call(() =>
        this.client.send(
          new StartDocumentTextDetectionCommand({
            DocumentLocation: { S3Object: { Bucket: loc.bucket, Name: loc.key, ...(loc.versionId ? { Version: loc.versionId } : {}) } },
          }),
        ),
      );
      const jobId = started.JobId;
      if (!jobId) throw new Error('Textract started no job');
      const blocks: Block[] = [];
      let pageCount = 0;
      let nextToken: string | undefined;
      const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
      const maxWait = this.opts.maxWaitMs ?? 4 * 60_000;
      let pause = this.opts.pollMs?.first ?? 1000;
      const maxPause = this.opts.pollMs?.max ?? 5000;
      let waited = 0;
      for (;;) {
        const res = await this.call(() => this.client.send(new GetDocumentTextDetectionCommand({ JobId: jobId, ...(nextToken ? { NextToken: nextToken } : {}) })));
        if (res.JobStatus === 'IN_PROGRESS') {
          if (waited >= maxWait) throw new TextractJobTimeout(jobId, waited);
          await sleep(pause);
          waited += pause;
          pause = Math.min(maxPause, pause * 2);
          continue;
        }
        if (res.JobStatus === 'FAILED') {
          throw new UnreadableScanError(`Textract could not read the document: ${res.StatusMessage ?? 'job failed'}`);
        }
        // SUCCEEDED or PARTIAL_SUCCESS: collect this page of results, follow NextToken.
        blocks.push(...(res.Blocks ?? []));
        pageCount = Math.max(pageCount, res.DocumentMetadata?.Pages ?? 0);
        nextToken = res.NextToken;
        if (!nextToken) break;
      }
      return pagesOfBlocks(blocks, pageCount);
    } finally {
      await staging.remove?.({ bucket: loc.bucket, key: loc.key }).catch(() => undefined);
    }
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const name = (err as { name?: string })?.name ?? '';
      if (UNREADABLE.has(name)) throw new UnreadableScanError(`Textract: ${(err as Error).message || name}`, { cause: err });
      throw err;
    }
  }
}

/**
 * Page texts from Textract blocks: the LINE blocks of each page in the order Textract gives
 * them (its reading order), joined by newlines; confidence = mean line confidence.
 */
export function pagesOfBlocks(blocks: Block[], pageCount: number): ReadText['pages'] {
  const pages = new Map<number, { lines: string[]; conf: number[] }>();
  const n = Math.max(1, pageCount, ...blocks.map((b) => b.Page ?? 1));
  for (let p = 1; p <= n; p++) pages.set(p, { lines: [], conf: [] });
  for (const b of blocks) {
    if (b.BlockType !== 'LINE' || typeof b.Text !== 'string') continue;
    const page = pages.get(b.Page ?? 1)!;
    page.lines.push(b.Text.normalize('NFC'));
    if (typeof b.Confidence === 'number') page.conf.push(b.Confidence);
  }
  return [...pages.values()].map((p) => ({
    text: p.lines.join('\n'),
    confidence: p.conf.length ? Math.round((p.conf.reduce((a, c) => a + c, 0) / p.conf.length / 100) * 1000) / 1000 : null,
  }));
}
