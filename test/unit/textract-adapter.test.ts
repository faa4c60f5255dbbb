import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DetectDocumentTextCommand, GetDocumentTextDetectionCommand, StartDocumentTextDetectionCommand } from '@aws-sdk/client-textract';
import { TextractEngine, TextractJobTimeout, pagesOfBlocks, type TextractSender } from '../../shared/scans/adapters/ocr/textract';
import { tiffImages } from '../../shared/platform/files/file-type';
import { extractFields } from '../../shared/scans/domain/extract/index';
import { UnreadableDocumentError, isUnreadableDocumentError, type OcrEngine } from '../../shared/scans/ports/ocr-engine';
import { scanFile } from '../support/fixtures';
import { signedPdf } from '../support/signed-pdf';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => JSON.parse(readFileSync(path.join(here, '../fixtures/textract', name), 'utf8'));

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
const pdfBytes = (): Uint8Array => {
  const head = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n';
  return new Uint8Array(Buffer.from(`${head}xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n${head.length}\n%%EOF\n`, 'latin1'));
};

type Call = { name: string; input: Record<string, unknown> };

/** A fake TextractClient: answers each command from a queue of recorded responses (or errors). */
function fakeClient(responses: Record<string, (unknown | Error)[]>): TextractSender & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    async send(command: { constructor: { name: string }; input: unknown }) {
      const name = command.constructor.name;
      calls.push({ name, input: command.input as Record<string, unknown> });
      const next = responses[name]?.shift();
      if (next === undefined) throw new Error(`unexpected ${name}`);
      if (next instanceof Error) throw next;
      return structuredClone(next);
    },
  } as unknown as TextractSender & { calls: Call[] };
}

/** Every page's text, as the engine recognises it (the port's one call). */
const readAll = (engine: TextractEngine, bytes: Uint8Array) => engine.recognize({ bytes, contentType: '' });

const awsError = (name: string, message = name): Error => Object.assign(new Error(message), { name, $fault: 'client' });

describe('TextractEngine — images (DetectDocumentText)', () => {
  it('sends the bytes and returns the LINE blocks as page text', async () => {
    const client = fakeClient({ DetectDocumentTextCommand: [fixture('detect-document-text.json')] });
    const engine = new TextractEngine({ client });
    const read = await readAll(engine, JPEG);
    expect(read.engine).toBe('textract');
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]!.name).toBe(DetectDocumentTextCommand.name);
    expect((client.calls[0]!.input.Document as { Bytes: Uint8Array }).Bytes).toEqual(JPEG);
    expect(read.pages).toHaveLength(1);
    const lines = read.pages[0]!.text.split('\n');
    expect(lines[0]).toBe('TINH UY HA NAM');
    expect(lines).toContain('So 215-CV/VPTU');
    expect(read.pages[0]!.confidence).toBeGreaterThan(0.8);
    expect(read.pages[0]!.confidence).toBeLessThanOrEqual(1);
  });

  it('gives text the extractor reads without diacritics', async () => {
    const client = fakeClient({ DetectDocumentTextCommand: [fixture('detect-document-text.json')] });
    const read = await readAll(new TextractEngine({ client }), JPEG);
    const { fields } = extractFields(read.pages.map((p) => p.text).join('\n\n'));
    expect(fields.numberSymbol.value).toBe('215-CV/VPTU');
    expect(fields.typeCode.value).toBe('CV');
    expect(fields.issuerCode.value).toBe('VPTU');
    expect(fields.documentDate.value).toBe('2024-03-05');
    expect(fields.place.value).toBe('Ha Nam');
    expect(fields.urgency.value).toBe('khan');
    expect(fields.secrecy.value).toBeNull();
    expect(fields.subject.value).toBe('V/v chuan bi hoi nghi so ket cong tac van phong cap uy');
    expect(fields.signer.value).toBe('Tran Thi Minh');
    expect(fields.recipients.value).toEqual(['Nhu tren', 'Thuong truc Tinh uy (de b/c)', 'Luu Van phong Tinh uy']);
  });

  it('maps Textract document errors to unreadable and leaves throttling retryable', async () => {
    for (const name of ['BadDocumentException', 'UnsupportedDocumentException', 'DocumentTooLargeException']) {
      const engine = new TextractEngine({ client: fakeClient({ DetectDocumentTextCommand: [awsError(name)] }) });
      const err = await readAll(engine, JPEG).catch((e: unknown) => e);
      expect(isUnreadableDocumentError(err), name).toBe(true);
    }
    const throttled = new TextractEngine({ client: fakeClient({ DetectDocumentTextCommand: [awsError('ProvisionedThroughputExceededException')] }) });
    const err = await readAll(throttled, JPEG).catch((e: unknown) => e);
    expect(isUnreadableDocumentError(err)).toBe(false);
    expect((err as Error).name).toBe('ProvisionedThroughputExceededException');
  });

  it('refuses empty and cut-off files without calling Textract', async () => {
    const client = fakeClient({});
    const engine = new TextractEngine({ client });
    for (const bytes of [new Uint8Array(), JPEG.slice(0, 8), pdfBytes().slice(0, 40), new Uint8Array(Buffer.from('just text, not a scan'))]) {
      const err = await readAll(engine, bytes).catch((e: unknown) => e);
      expect(isUnreadableDocumentError(err)).toBe(true);
    }
    expect(client.calls).toHaveLength(0);
  });
});

describe('TextractEngine — PDFs (StartDocumentTextDetection + polling)', () => {
  const staged: string[] = [];
  const removed: string[] = [];
  const staging = {
    async put() {
      staged.push('ocr/textract-input/x.pdf');
      return { bucket: 'daumoi-scans', key: 'ocr/textract-input/x.pdf' };
    },
    async remove(loc: { key: string }) {
      removed.push(loc.key);
    },
  };

  it('starts a job on the staged object, polls with backoff, follows NextToken, cleans up', async () => {
    const client = fakeClient({
      StartDocumentTextDetectionCommand: [fixture('start-document-text-detection.json')],
      GetDocumentTextDetectionCommand: [
        fixture('get-document-text-detection-in-progress.json'),
        fixture('get-document-text-detection-in-progress.json'),
        fixture('get-document-text-detection-page1.json'),
        fixture('get-document-text-detection-page2.json'),
      ],
    });
    const sleeps: number[] = [];
    const engine = new TextractEngine({ client, staging, sleep: async (ms) => void sleeps.push(ms), pollMs: { first: 1000, max: 5000 } });
    const read = await readAll(engine, pdfBytes());
    expect(client.calls.map((c) => c.name)).toEqual([
      StartDocumentTextDetectionCommand.name,
      GetDocumentTextDetectionCommand.name,
      GetDocumentTextDetectionCommand.name,
      GetDocumentTextDetectionCommand.name,
      GetDocumentTextDetectionCommand.name,
    ]);
    expect(client.calls[0]!.input).toEqual({ DocumentLocation: { S3Object: { Bucket: 'daumoi-scans', Name: 'ocr/textract-input/x.pdf' } } });
    const jobId = fixture('start-document-text-detection.json').JobId;
    expect(client.calls[1]!.input).toEqual({ JobId: jobId });
    expect(client.calls[4]!.input).toEqual({ JobId: jobId, NextToken: fixture('get-document-text-detection-page1.json').NextToken });
    expect(sleeps).toEqual([1000, 2000]);
    expect(removed).toEqual(['ocr/textract-input/x.pdf']);
    expect(read.pages).toHaveLength(2);
    expect(read.pages[0]!.text.split('\n')[0]).toBe('DANG BO TINH NAM DINH');
    expect(read.pages[1]!.text).toContain('Nguyen Van Hung');
    const { fields } = extractFields(read.pages.map((p) => p.text).join('\n\n'));
    expect(fields.numberSymbol.value).toBe('31-BC/HU');
    expect(fields.typeCode.value).toBe('BC');
    expect(fields.documentDate.value).toBe('2023-06-28');
    expect(fields.subject.value).toBe('so ket cong tac xay dung Dang 6 thang dau nam 2023');
    expect(fields.signingCapacity!.value).toBe('T/M BAN THUONG VU');
    expect(fields.signerTitle!.value).toBe('BI THU');
    expect(fields.signer.value).toBe('Nguyen Van Hung');
  });

  it('gives up after maxWaitMs with a retryable timeout, and still removes the staged copy', async () => {
    removed.length = 0;
    const inProgress = fixture('get-document-text-detection-in-progress.json');
    const client = fakeClient({
      StartDocumentTextDetectionCommand: [fixture('start-document-text-detection.json')],
      GetDocumentTextDetectionCommand: Array.from({ length: 10 }, () => inProgress),
    });
    const engine = new TextractEngine({ client, staging, sleep: async () => undefined, maxWaitMs: 6000, pollMs: { first: 1000, max: 2000 } });
    const err = await readAll(engine, pdfBytes()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TextractJobTimeout);
    expect(isUnreadableDocumentError(err)).toBe(false);
    expect(removed).toHaveLength(1);
  });

  it('treats a FAILED job as an unreadable file', async () => {
    const client = fakeClient({
      StartDocumentTextDetectionCommand: [fixture('start-document-text-detection.json')],
      GetDocumentTextDetectionCommand: [{ JobStatus: 'FAILED', StatusMessage: 'Request has unsupported document format' }],
    });
    const err = await readAll(new TextractEngine({ client, staging, sleep: async () => undefined }), pdfBytes()).catch((e: unknown) => e);
    expect(isUnreadableDocumentError(err)).toBe(true);
    expect((err as Error).message).toMatch(/unsupported document format/);
  });

  it('without staging, sends each PDF page image to DetectDocumentText', async () => {
    const client = fakeClient({ DetectDocumentTextCommand: [fixture('detect-document-text.json'), fixture('detect-document-text.json')] });
    const read = await readAll(new TextractEngine({ client }), scanFile('s1-012.pdf'));
    expect(read.pages).toHaveLength(2);
    expect(client.calls).toHaveLength(2);
    const sent = (client.calls[0]!.input.Document as { Bytes: Uint8Array }).Bytes;
    expect(Array.from(sent.slice(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]); // PNG
  });

  it('a multi-page TIFF: staged, one asynchronous job reads every page; without staging, each page goes alone to DetectDocumentText', async () => {
    const tiff = scanFile('s1-012-g4.tif');
    const pages = tiffImages(tiff);
    expect(pages).toHaveLength(2);
    const job = fakeClient({
      StartDocumentTextDetectionCommand: [fixture('start-document-text-detection.json')],
      GetDocumentTextDetectionCommand: [fixture('get-document-text-detection-page1.json'), fixture('get-document-text-detection-page2.json')],
    });
    const staged = await readAll(new TextractEngine({ client: job, staging, sleep: async () => undefined }), tiff);
    expect(job.calls.map((c) => c.name)).toEqual([StartDocumentTextDetectionCommand.name, GetDocumentTextDetectionCommand.name, GetDocumentTextDetectionCommand.name]);
    expect(staged.pages).toHaveLength(2);
    const sync = fakeClient({ DetectDocumentTextCommand: [fixture('detect-document-text.json'), fixture('detect-document-text.json')] });
    const alone = await readAll(new TextractEngine({ client: sync }), tiff);
    expect(alone.pages).toHaveLength(2);
    // Each call carries a TIFF whose only image is that page (Textract's synchronous call reads single pages).
    const sent = sync.calls.map((c) => tiffImages((c.input.Document as { Bytes: Uint8Array }).Bytes));
    expect(sent).toEqual([[pages[0]], [pages[1]]]);
  });

  it('a signed PDF’s signing times come back beside its pages; an unsigned one has none', async () => {
    const client = fakeClient({ DetectDocumentTextCommand: [fixture('detect-document-text.json'), fixture('detect-document-text.json'), fixture('detect-document-text.json')] });
    const engine = new TextractEngine({ client });
    const signed = await readAll(engine, await signedPdf([{ m: "D:20250115171017+07'00'", name: 'UBND tỉnh' }]));
    expect(signed.signatures).toEqual([{ signedAt: '2025-01-15T17:10:17+07:00', name: 'UBND tỉnh' }]);
    expect((await readAll(engine, scanFile('s1-012.pdf'))).signatures).toBeUndefined();
  });
});

describe('pagesOfBlocks', () => {
  it('groups LINE blocks by page and ignores WORD blocks', () => {
    const pages = pagesOfBlocks(
      [
        { BlockType: 'PAGE', Page: 1 },
        { BlockType: 'LINE', Text: 'a', Page: 1, Confidence: 90 },
        { BlockType: 'WORD', Text: 'a', Page: 1, Confidence: 90 },
        { BlockType: 'LINE', Text: 'b', Page: 3, Confidence: 80 },
      ],
      3,
    );
    expect(pages.map((p) => p.text)).toEqual(['a', '', 'b']);
    expect(pages[0]!.confidence).toBe(0.9);
    expect(pages[1]!.confidence).toBeNull();
  });
});

describe('TextractEngine — the OcrEngine port (recognize)', () => {
  it('gives each page its LINE blocks with WORD children and boxes, and the text in reading order', async () => {
    const client = fakeClient({ DetectDocumentTextCommand: [fixture('detect-document-text.json')] });
    const engine: OcrEngine = new TextractEngine({ client });
    const r = await engine.recognize({ bytes: JPEG, contentType: 'image/jpeg' });
    expect(r.engine).toBe('textract');
    const page = r.pages[0]!;
    const first = page.lines![0]!;
    expect(first.text).toBe('TINH UY HA NAM');
    expect(first.confidence).toBeCloseTo(0.991, 3);
    // No pixel size in this tiny JPEG's header: boxes are on an A4 page of 1000 × 1414 units.
    expect(first.bbox.x0).toBeCloseTo(120, 5);
    expect(first.bbox.y0).toBeCloseTo(0.06 * 1414, 5);
    expect(first.words!.map((w) => w.text)).toEqual(['TINH', 'UY', 'HA', 'NAM']);
    for (const w of first.words!) expect(w.bbox.x1).toBeGreaterThan(w.bbox.x0);
    // Textract lists the two header columns interleaved; the reading order puts them one after the other.
    const text = page.text.split('\n');
    expect(text.indexOf('So 215-CV/VPTU')).toBeLessThan(text.indexOf('DANG CONG SAN VIET NAM'));
    expect(text.indexOf('VAN PHONG')).toBeLessThan(text.indexOf('DANG CONG SAN VIET NAM'));
    expect(text.indexOf('- Luu Van phong Tinh uy.')).toBeLessThan(text.indexOf('K/T CHANH VAN PHONG'));
  });

  it('scales boxes to the pixel size a PNG header gives', async () => {
    const png = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452000009b000000db60806000000', 'hex'));
    const withEnd = new Uint8Array([...png, ...Buffer.from('IEND')]);
    const client = fakeClient({ DetectDocumentTextCommand: [fixture('detect-document-text.json')] });
    const r = await new TextractEngine({ client }).recognize({ bytes: withEnd, contentType: 'image/png' });
    expect([r.pages[0]!.width, r.pages[0]!.height]).toEqual([2480, 3510]);
    expect(r.pages[0]!.lines![0]!.bbox.x0).toBeCloseTo(0.12 * 2480, 3);
  });

  it('refuses an unreadable file with the typed error and a reason', async () => {
    const engine = new TextractEngine({ client: fakeClient({}) });
    const err = await engine.recognize({ bytes: new Uint8Array(), contentType: 'image/png' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreadableDocumentError);
    expect(isUnreadableDocumentError(err)).toBe(true);
    expect((err as UnreadableDocumentError).kind).toBe('empty');
    expect((err as UnreadableDocumentError).reason).toMatch(/empty/);
  });
});

describe('TextractEngine — handwriting (WORD TextType HANDWRITING)', () => {
  /** LINE and WORD blocks as Textract gives them (relative geometry; words left to right, `hand` marking handwritten ones). */
  function lineBlocks(id: string, top: number, words: { text: string; left: number; width: number; hand?: boolean }[]) {
    const h = 0.016;
    const box = (left: number, width: number) => ({ BoundingBox: { Width: width, Height: h, Left: left, Top: top }, Polygon: [] });
    const wordBlocks = words.map((w, i) => ({
      BlockType: 'WORD',
      Confidence: w.hand ? 88.5 : 99.1,
      Text: w.text,
      TextType: w.hand ? 'HANDWRITING' : 'PRINTED',
      Geometry: box(w.left, w.width),
      Id: `${id}-w${i}`,
    }));
    const left = words[0]!.left;
    const right = Math.max(...words.map((w) => w.left + w.width));
    return [
      { BlockType: 'LINE', Confidence: 97, Text: words.map((w) => w.text).join(' '), Geometry: box(left, right - left), Id: id, Relationships: [{ Type: 'CHILD', Ids: wordBlocks.map((w) => w.Id) }] },
      ...wordBlocks,
    ];
  }
  const header = (hand: boolean) => [
    { BlockType: 'PAGE', Geometry: { BoundingBox: { Width: 1, Height: 1, Left: 0, Top: 0 }, Polygon: [] }, Id: 'p' },
    ...lineBlocks('l1', 0.08, [{ text: 'UY', left: 0.12, width: 0.03 }, { text: 'BAN', left: 0.16, width: 0.05 }, { text: 'NHAN', left: 0.22, width: 0.06 }, { text: 'DAN', left: 0.29, width: 0.05 }]),
    ...lineBlocks('l2', 0.1, [{ text: 'TINH', left: 0.14, width: 0.06 }, { text: 'QUANG', left: 0.21, width: 0.08 }, { text: 'NGAI', left: 0.3, width: 0.06 }]),
    ...lineBlocks('l3', 0.125, [
      { text: 'So:', left: 0.16, width: 0.03 },
      { text: '299', left: 0.2, width: 0.05, hand },
      { text: '/UBND-TTHC', left: 0.26, width: 0.13 },
    ]),
    ...lineBlocks('l4', 0.125, [
      { text: 'Quang', left: 0.5, width: 0.06 },
      { text: 'Ngai,', left: 0.57, width: 0.05 },
      { text: 'ngay', left: 0.63, width: 0.045 },
      { text: '15', left: 0.685, width: 0.03, hand },
      { text: 'thang', left: 0.725, width: 0.055 },
      { text: '01', left: 0.79, width: 0.025 },
      { text: 'nam', left: 0.825, width: 0.04 },
      { text: '2025', left: 0.875, width: 0.05 },
    ]),
    ...lineBlocks('l5', 0.15, [{ text: 'V/v', left: 0.14, width: 0.03 }, { text: 'cong', left: 0.18, width: 0.04 }, { text: 'bo', left: 0.23, width: 0.02 }, { text: 'Danh', left: 0.26, width: 0.05 }, { text: 'muc', left: 0.32, width: 0.04 }]),
  ];

  it('gives the digits Textract marks as handwritten in the gaps after "Số" and "ngày" as the page\'s handwriting readings', async () => {
    const engine = new TextractEngine({ client: fakeClient({ DetectDocumentTextCommand: [{ Blocks: header(true), DocumentMetadata: { Pages: 1 } }] }) });
    const read = await readAll(engine, JPEG);
    const byKind = Object.fromEntries((read.pages[0]!.handwriting ?? []).map((r) => [r.kind, r]));
    expect(byKind.number?.text).toBe('299');
    expect(byKind.day?.text).toBe('15');
    expect(byKind.number?.confidence).toBeCloseTo(0.885, 3);
    // The printed month is print, not handwriting.
    expect(byKind.month).toBeUndefined();
    const f = extractFields(read, { handwriting: read.pages[0]!.handwriting!, signedOn: '2025-01-15', today: new Date('2025-02-01') }).fields;
    expect(f.numberSymbol.value).toBe('299/UBND-TTHC');
    expect(f.documentDate.value).toBe('2025-01-15');
    expect(f.documentDate.confidence).toBeLessThan(0.9);
  });

  it('gives no readings when the same digits are printed', async () => {
    const engine = new TextractEngine({ client: fakeClient({ DetectDocumentTextCommand: [{ Blocks: header(false), DocumentMetadata: { Pages: 1 } }] }) });
    const read = await readAll(engine, JPEG);
    expect(read.pages[0]!.handwriting).toBeUndefined();
  });
});
