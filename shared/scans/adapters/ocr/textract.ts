/**
 * Amazon Textract as the OCR engine (DAUMOI_OCR_ENGINE=textract). Textract does not support
 * Vietnamese: it reads the Latin letters and drops or garbles the diacritics, which is why the
 * extractor also works on text without diacritics. Use it for throughput, not for text quality.
 *
 * - JPEG, PNG, TIFF: DetectDocumentText (synchronous) on the bytes; a multi-page TIFF as a PDF is
 *   (staged: the asynchronous job; otherwise each page alone through DetectDocumentText).
 * - PDF with a staging place in S3: StartDocumentTextDetection on the staged object, then
 *   GetDocumentTextDetection polled with backoff (1 s doubling to 5 s, up to `maxWaitMs`) and
 *   paged through NextToken; the staged copy is removed afterwards. The OCR function's timeout
 *   (5 min) bounds the wait, and a job still running then is a transient failure (the queue
 *   delivers the event again and a new job starts).
 * - PDF without staging: each page's image (shared/scans/adapters/ocr/pdf) through DetectDocumentText.
 *
 * Errors Textract gives for a bad file (BadDocument, UnsupportedDocument, DocumentTooLarge,
 * InvalidS3Object…) become UnreadableDocumentError; throttling and the rest stay retryable.
 *
 * For a deployment that must not hold a Lambda while a long job runs, the same
 * StartDocumentTextDetection takes a `NotificationChannel` (SNS topic + role): the job's
 * completion message then triggers a second function that calls GetDocumentTextDetection
 * (`collectJob`, below) and hands the pages to the extractor. The polling here is the
 * default because the OCR function's 5 minutes cover Textract's typical latency for a
 * few-page scan.
 *
 * Pages come back with their LINE blocks, WORD children and boxes (relative geometry scaled
 * to the image's pixel size when the header tells it, else to an A4 page of 1000 × 1414), and
 * their text in reading order (shared/scans/domain/extract/layout).
 */
import type {
  Block,
  DetectDocumentTextCommand,
  DetectDocumentTextCommandOutput,
  GetDocumentTextDetectionCommand,
  GetDocumentTextDetectionCommandOutput,
  StartDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommandOutput,
} from '@aws-sdk/client-textract';
import { imageSize, tiffImages, tiffWithOnlyImage } from '../../../platform/files/file-type';
import { readingOrderText } from '../../domain/extract/layout';
import { readableScanKind } from '../../domain/unreadable';
import { UnreadableDocumentError, type OcrEngine, type OcrInput, type OcrLine, type OcrPage, type OcrResult, type OcrWord } from '../../ports/ocr-engine';
import { handwritingSpots, type HandReading } from '../../domain/extract/handwriting';
import { encodePng } from './image';
import { pdfPageCount, pdfPages, textPage } from './pdf';
import { pdfSignatures } from './pdf-signatures';
import { SCAN_LIMITS } from '../../domain/model';
import { lazily } from '../../../platform/aws/lazy';

/** @aws-sdk/client-textract, loaded on first use: the OCR worker with the tesseract engine never loads it. */
const textractSdk = lazily(() => import('@aws-sdk/client-textract'));

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

  private async client(): Promise<TextractSender> {
    return (this.clientInstance ??= new (await textractSdk()).TextractClient({}) as unknown as TextractSender);
  }

  async recognize({ bytes }: OcrInput): Promise<OcrResult> {
    // Textract decodes images on its side; a PDF's pages are rendered here, so a bomb inside one is refused first.
    const kind = readableScanKind(bytes, { pixels: 'over-limit' });
    if (kind === 'pdf') {
      // A PDF's signing times (read here, not by Textract), beside its pages.
      const signed = async (pages: OcrPage[]): Promise<OcrResult> => {
        const signatures = await pdfSignatures(bytes);
        return { engine: this.name, pages, ...(signatures.length ? { signatures } : {}) };
      };
      if (this.opts.staging) {
        // Textract reads the staged file on its side; the office's page limit still holds. A file pdfjs cannot
        // open is left to Textract, which says what is wrong with it.
        const n = await pdfPageCount(bytes).catch(() => null);
        if (n !== null && n > SCAN_LIMITS.pages) throw new UnreadableDocumentError(`the PDF has ${n} pages; a scan may have at most ${SCAN_LIMITS.pages}`, { kind: 'too-many-pages' });
        return signed(await this.readAsync(bytes, this.opts.staging));
      }
      const out: OcrPage[] = [];
      for await (const p of pdfPages(bytes, { renderDpi: this.opts.renderDpi ?? 200 })) {
        if (p.kind === 'text') out.push(textPage(p));
        else out.push((await this.detect(new Uint8Array(encodePng(p.image)), { width: p.image.width, height: p.image.height }))[0] ?? { text: '', confidence: 0 });
      }
      return signed(out);
    }
    // A multi-page TIFF: Textract's asynchronous call reads every page of the staged file; without a
    // staging place each page goes to the synchronous call (which reads single pages only) as a copy
    // in which it is the only image.
    const images = kind === 'tiff' ? tiffImages(bytes) : [];
    if (images.length > 1 && this.opts.staging) return { engine: this.name, pages: await this.readAsync(bytes, this.opts.staging) };
    if (bytes.length > SYNC_MAX_BYTES) throw new UnreadableDocumentError(`the image has ${bytes.length} bytes; Textract reads at most ${SYNC_MAX_BYTES}`, { kind: 'too-large' });
    if (images.length > 1) {
      const out: OcrPage[] = [];
      for (const image of images) out.push((await this.detect(tiffWithOnlyImage(bytes, image), image))[0] ?? { text: '', confidence: 0 });
      return { engine: this.name, pages: out };
    }
    return { engine: this.name, pages: await this.detect(bytes, imageSize(bytes)) };
  }

  /** DetectDocumentText on one image (or single-page PDF). */
  private async detect(bytes: Uint8Array, size: PageSize | null): Promise<OcrPage[]> {
    const [{ DetectDocumentTextCommand }, client] = await Promise.all([textractSdk(), this.client()]);
    const res = await this.call(() => client.send(new DetectDocumentTextCommand({ Document: { Bytes: bytes } })));
    return ocrPagesOfBlocks(res.Blocks ?? [], res.DocumentMetadata?.Pages ?? 1, size);
  }

  private async readAsync(bytes: Uint8Array, staging: TextractStaging): Promise<OcrPage[]> {
    const [{ StartDocumentTextDetectionCommand }, client] = await Promise.all([textractSdk(), this.client()]);
    const loc = await staging.put(bytes);
    try {
      const started = await this.call(() =>
        client.send(
          new StartDocumentTextDetectionCommand({
            DocumentLocation: { S3Object: { Bucket: loc.bucket, Name: loc.key, ...(loc.versionId ? { Version: loc.versionId } : {}) } },
          }),
        ),
      );
      const jobId = started.JobId;
      if (!jobId) throw new Error('Textract started no job');
      return await this.collectJob(jobId);
    } finally {
      await staging.remove?.({ bucket: loc.bucket, key: loc.key }).catch(() => undefined);
    }
  }

  /**
   * The pages of a text-detection job: polls GetDocumentTextDetection until the job ends
   * (at once when an SNS completion message started this call), then pages through NextToken.
   */
  async collectJob(jobId: string): Promise<OcrPage[]> {
    const blocks: Block[] = [];
    let pageCount = 0;
    let nextToken: string | undefined;
    const sleep = this.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const maxWait = this.opts.maxWaitMs ?? 4 * 60_000;
    let pause = this.opts.pollMs?.first ?? 1000;
    const maxPause = this.opts.pollMs?.max ?? 5000;
    let waited = 0;
    const [{ GetDocumentTextDetectionCommand }, client] = await Promise.all([textractSdk(), this.client()]);
    for (;;) {
      const res = await this.call(() => client.send(new GetDocumentTextDetectionCommand({ JobId: jobId, ...(nextToken ? { NextToken: nextToken } : {}) })));
      if (res.JobStatus === 'IN_PROGRESS') {
        if (waited >= maxWait) throw new TextractJobTimeout(jobId, waited);
        await sleep(pause);
        waited += pause;
        pause = Math.min(maxPause, pause * 2);
        continue;
      }
      if (res.JobStatus === 'FAILED') {
        throw new UnreadableDocumentError(`Textract could not read the document: ${res.StatusMessage ?? 'job failed'}`);
      }
      // SUCCEEDED or PARTIAL_SUCCESS: collect this page of results, follow NextToken.
      blocks.push(...(res.Blocks ?? []));
      pageCount = Math.max(pageCount, res.DocumentMetadata?.Pages ?? 0);
      nextToken = res.NextToken;
      if (!nextToken) break;
    }
    return ocrPagesOfBlocks(blocks, pageCount, null);
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      const name = (err as { name?: string })?.name ?? '';
      if (UNREADABLE.has(name)) throw new UnreadableDocumentError(`Textract: ${(err as Error).message || name}`, { cause: err });
      throw err;
    }
  }
}

type PageSize = { width: number; height: number };

/** Textract gives no pixel size for a PDF page: an A4 page in nominal units keeps the boxes' proportions. */
const A4_NOMINAL: PageSize = { width: 1000, height: 1414 };

/**
 * Pages from Textract blocks: each page's LINE blocks with their WORD children and boxes
 * (scaled to `size`), the page text in reading order, confidence = mean line confidence
 * (0 for a page without lines).
 */
export function ocrPagesOfBlocks(blocks: Block[], pageCount: number, size: PageSize | null): OcrPage[] {
  const { width, height } = size ?? A4_NOMINAL;
  const byId = new Map<string, Block>();
  for (const b of blocks) if (b.Id) byId.set(b.Id, b);
  const toBox = (b: Block) => {
    const g = b.Geometry?.BoundingBox;
    if (!g) return null;
    const x0 = (g.Left ?? 0) * width;
    const y0 = (g.Top ?? 0) * height;
    return { x0, y0, x1: x0 + (g.Width ?? 0) * width, y1: y0 + (g.Height ?? 0) * height };
  };
  const n = Math.max(1, pageCount, ...blocks.map((b) => b.Page ?? 1));
  const pages = new Map<number, OcrLine[]>();
  const handwritten = new Set<OcrWord>();
  for (let p = 1; p <= n; p++) pages.set(p, []);
  for (const b of blocks) {
    if (b.BlockType !== 'LINE' || typeof b.Text !== 'string') continue;
    const bbox = toBox(b);
    const childIds = (b.Relationships ?? []).filter((r) => r.Type === 'CHILD').flatMap((r) => r.Ids ?? []);
    const words = childIds
      .map((id) => byId.get(id))
      .filter((w): w is Block => !!w && w.BlockType === 'WORD' && typeof w.Text === 'string')
      .map((w) => ({ text: w.Text!.normalize('NFC'), confidence: (w.Confidence ?? 0) / 100, bbox: toBox(w), hand: w.TextType === 'HANDWRITING' }))
      .filter((w): w is { text: string; confidence: number; bbox: NonNullable<ReturnType<typeof toBox>>; hand: boolean } => w.bbox !== null)
      .map(({ hand, ...w }) => {
        if (hand) handwritten.add(w);
        return w;
      });
    // A LINE always has a geometry in Textract's answers; one without (hand-made input) is kept as text only.
    const line = {
      text: b.Text.normalize('NFC'),
      confidence: typeof b.Confidence === 'number' ? b.Confidence / 100 : 0,
      ...(bbox ? { bbox } : {}),
      ...(words.length ? { words } : {}),
    } as OcrLine;
    pages.get(b.Page ?? 1)!.push(line);
  }
  return [...pages.values()].map((lines) => {
    const confs = lines.map((l) => l.confidence);
    const handwriting = handwritingOfWords(lines, handwritten, width, height);
    return {
      text: readingOrderText(lines),
      confidence: confs.length ? Math.round((confs.reduce((a, c) => a + c, 0) / confs.length) * 1000) / 1000 : 0,
      // The size the boxes are in (the nominal A4 one for a PDF page): the reading step turns them into page fractions.
      width,
      height,
      lines,
      ...(handwriting.length ? { handwriting } : {}),
    };
  });
}

/**
 * Textract reads handwriting itself and says so (a WORD's TextType HANDWRITING): in each gap the
 * văn thư fills (the extractor's handwritingSpots), its handwritten digits are the reading, with
 * Textract's confidence; the same readings the tesseract engine's digit recogniser gives.
 */
function handwritingOfWords(lines: OcrLine[], handwritten: Set<OcrWord>, width: number, height: number): HandReading[] {
  if (!handwritten.size) return [];
  const out: HandReading[] = [];
  for (const spot of handwritingSpots({ lines, width, height })) {
    const inside = lines
      .flatMap((l) => l.words ?? [])
      .filter((w) => handwritten.has(w))
      .filter((w) => {
        const cx = (w.bbox.x0 + w.bbox.x1) / 2;
        const cy = (w.bbox.y0 + w.bbox.y1) / 2;
        return cx >= spot.bbox.x0 && cx <= spot.bbox.x1 && cy >= spot.bbox.y0 && cy <= spot.bbox.y1;
      })
      .sort((a, b) => a.bbox.x0 - b.bbox.x0);
    const text = inside.map((w) => w.text).join('');
    if (!inside.length || !/^\d+$/.test(text)) continue;
    out.push({
      kind: spot.kind,
      text,
      confidence: Math.min(...inside.map((w) => w.confidence)),
      digits: [...text].map((char) => ({ char, p: Math.min(...inside.map((w) => w.confidence)) })),
      bbox: { x0: Math.min(...inside.map((w) => w.bbox.x0)), y0: Math.min(...inside.map((w) => w.bbox.y0)), x1: Math.max(...inside.map((w) => w.bbox.x1)), y1: Math.max(...inside.map((w) => w.bbox.y1)) },
    });
  }
  return out;
}

/** Page texts and confidences (null for a page without lines) from Textract blocks. */
export function pagesOfBlocks(blocks: Block[], pageCount: number): { text: string; confidence: number | null }[] {
  return ocrPagesOfBlocks(blocks, pageCount, null).map((p) => ({ text: p.text, confidence: p.lines?.length ? p.confidence : null }));
}
