/**
 * `npm run bench -- ocr [ids…] [--workers N] [--dpi N] [--psm N] [--layout raw] [--dump DIR] [--json]`:
 * every scan of the handbook (<repo>/../shared, or env DAUMOI_HANDBOOK; its fixtures/scans)
 * through the ScanReader (OCR + field extraction), scored against the ground truth:
 *
 * - exact-match accuracy of numberSymbol, typeCode, issuerCode, documentDate, secrecy, urgency
 *   (the fixtures' Vietnamese labels mapped to the API slugs);
 * - subjects equal after normalisation (NFC, tone placement, case, spaces, end punctuation);
 * - body CER: edit distance of `bodyText` against the best-matching stretch of the OCR text,
 *   both NFC with whitespace runs folded, divided by the length of `bodyText`;
 * - seconds per page and pages per minute with the worker pool (wall clock), and CPU seconds
 *   per page (all threads: steadier than the wall clock on a shared machine).
 *
 * Targets: ≥ 95 % exact fields, ≥ 90 % subjects, CER ≤ 2 %.
 *
 * `--degraded [rotate|lowres|noise|jpeg|contrast|blur|mixed|all]` (default mixed) first makes
 * degraded variants of the scans in a temp folder (printed; seeded, so every run makes the same
 * files), then reads and scores those instead: rotated a further ±1.5–3°, downscaled to 150 dpi,
 * grain noise, JPEG quality 35–50, lower contrast on grey paper, blur, or all of them at once.
 * PDFs stay PDFs (their pages degraded one by one). `all` runs the sets one after the other.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import { fileURLToPath } from 'node:url';
import { bestSubstringMatch } from '../shared/scans/domain/extract/fuzzy';
import { normalisePhrase } from '../shared/platform/text/vietnamese';
import type { ScanContentType } from '../shared/scans/domain/model';
import { buildScanReader } from '../shared/scans/ocr';
import { defaultPoolSize } from '../shared/scans/adapters/ocr/tesseract';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

/** The handbook (env DAUMOI_HANDBOOK, else <repo>/../shared); its scans are in fixtures/scans. */
export const handbookDir = (): string => {
  const root = process.env.DAUMOI_HANDBOOK ?? path.resolve(repoRoot, '../shared');
  const scans = path.join(root, 'fixtures', 'scans');
  // DAUMOI_HANDBOOK may also name the scans folder itself.
  const dir = existsSync(scans) ? scans : root;
  if (!existsSync(dir))
    throw new Error(
      `the handbook's scans are not here: ${scans} (nor ${root}). They are the team handbook's fixtures/scans, ` +
        `outside this repository: set DAUMOI_HANDBOOK to the handbook or to a folder of scans with their <id>.json ground truth. ` +
        `Six of them are committed in test/fixtures/scans: DAUMOI_HANDBOOK=test/fixtures/scans npm run bench -- ocr s1-003 s1-010 s1-011.`,
    );
  return dir;
};

interface Truth {
  id: string;
  file: string;
  format: string;
  pages: number;
  dpi: number;
  numberSymbol: string;
  typeCode: string;
  issuerCode: string;
  date: string;
  subject: string;
  secrecy: string | null;
  urgency: string | null;
  place: string;
  signerName: string;
  recipients: string[];
  signingCapacity: string | null;
  signerTitle: string;
  bodyText: string;
}

const SECRECY: Record<string, string> = { 'mật': 'mat', 'tối mật': 'toi-mat', 'tuyệt mật': 'tuyet-mat' };
const URGENCY: Record<string, string> = { 'khẩn': 'khan', 'thượng khẩn': 'thuong-khan', 'hỏa tốc': 'hoa-toc', 'hoả tốc': 'hoa-toc' };
const slug = (map: Record<string, string>, label: string | null): string | null => (label ? (map[label.normalize('NFC').toLowerCase()] ?? label) : null);

const CONTENT_TYPE: Record<string, ScanContentType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', tif: 'image/tiff', tiff: 'image/tiff', pdf: 'application/pdf' };

const ws = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
/** Subjects compared: NFC, one tone placement, lower case, single spaces, no end punctuation. */
export const subjectKey = (s: string | null | undefined): string => normalisePhrase(s ?? '').replace(/[\s.,;:]+$/u, '');

/** Body CER as the fixtures README defines it. */
export function bodyCer(bodyText: string, ocrText: string): number {
  const ref = ws(bodyText);
  if (!ref) return 0;
  return bestSubstringMatch(ref, ws(ocrText)).distance / ref.length;
}

const EXACT = ['numberSymbol', 'typeCode', 'issuerCode', 'documentDate', 'secrecy', 'urgency'] as const;

export const DEGRADATION_SETS = ['rotate', 'lowres', 'noise', 'jpeg', 'contrast', 'blur', 'mixed'] as const;
export type DegradationSet = (typeof DEGRADATION_SETS)[number];

export async function run(args: string[] = []): Promise<void> {
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const degradedAt = args.indexOf('--degraded');
  let sets: DegradationSet[] = [];
  if (degradedAt >= 0) {
    const named = args[degradedAt + 1];
    if (named === 'all') sets = [...DEGRADATION_SETS];
    else if (named && !named.startsWith('--') && (DEGRADATION_SETS as readonly string[]).includes(named)) sets = [named as DegradationSet];
    else if (named && !named.startsWith('--') && !/^s\d+-\d+$/.test(named)) throw new Error(`--degraded takes one of ${DEGRADATION_SETS.join(', ')}, all`);
    else sets = ['mixed'];
  }
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (['--workers', '--dump', '--psm', '--dpi', '--layout', '--seed'].includes(args[i]!)) i++;
    else if (args[i] === '--degraded' && (args[i + 1] === 'all' || (DEGRADATION_SETS as readonly string[]).includes(args[i + 1] ?? ''))) i++;
    else if (!args[i]!.startsWith('--')) only.push(args[i]!);
  }
  const dir = handbookDir();
  const truths: Truth[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Truth)
    .filter((t) => t.file && (!only.length || only.includes(t.id)))
    .sort((a, b) => a.id.localeCompare(b.id));
  const absent = truths.filter((t) => !existsSync(path.join(dir, t.file)));
  if (absent.length) console.log(`${absent.length} of ${truths.length} ground truths in ${dir} have no scan beside them, left out: ${absent.map((t) => t.file).join(', ')}`);
  truths.splice(0, truths.length, ...truths.filter((t) => !absent.includes(t)));
  if (!truths.length) throw new Error(`no fixtures in ${dir}`);
  if (!sets.length) return benchOne(args, dir, truths, dir);
  const seed = Number(opt('--seed') ?? 1);
  for (const set of sets) {
    const out = path.join(os.tmpdir(), `daumoi-ocr-degraded-${set}-seed${seed}`);
    const t0 = Date.now();
    const variants = await makeDegradedVariants(dir, truths, out, set, seed);
    console.log(`\nDegraded variants "${set}" (seed ${seed}) in ${out} (made in ${((Date.now() - t0) / 1000).toFixed(1)} s):`);
    for (const v of variants) console.log(`  ${v.truth.id}  ${v.describe}`);
    await benchOne(args, out, variants.map((v) => v.truth), `${dir} — degraded "${set}"`);
  }
}

async function benchOne(args: string[], dir: string, truths: Truth[], label: string): Promise<void> {
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const workers = Number(opt('--workers') ?? defaultPoolSize());
  const dump = opt('--dump');
  const json = args.includes('--json');
  if (dump) mkdirSync(dump, { recursive: true });

  const psm = opt('--psm');
  const dpi = opt('--dpi');
  const layout = opt('--layout') === 'raw' ? ('raw' as const) : undefined;
  const reader = buildScanReader('tesseract', {
    tesseract: { poolSize: workers, ...(psm ? { psm: Number(psm) as 3 | 6 } : {}), ...(dpi ? { targetDpi: Number(dpi) } : {}), ...(layout ? { layout } : {}) },
  });
  const warm0 = Date.now();
  await reader.warmUp?.();
  const warmMs = Date.now() - warm0;

  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const results = await Promise.all(
    truths.map(async (t) => {
      const bytes = readFileSync(path.join(dir, t.file));
      const ext = path.extname(t.file).slice(1).toLowerCase();
      const s = Date.now();
      const read = await reader.read(new Uint8Array(bytes), CONTENT_TYPE[ext] ?? 'image/jpeg');
      const ms = Date.now() - s;
      const text = read.pages.map((p) => p.text).join('\n\n');
      const { fields, lowConfidence } = reader.extract(text);
      if (dump) writeFileSync(path.join(dump, `${t.id}.txt`), text);
      return { t, text, fields, lowConfidence, ms, pages: read.pages.length };
    }),
  );
  const wallMs = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  await reader.close?.();

  const rows = results.map(({ t, text, fields, lowConfidence, pages, ms }) => {
    const expected: Record<(typeof EXACT)[number], string | null> = {
      numberSymbol: t.numberSymbol,
      typeCode: t.typeCode,
      issuerCode: t.issuerCode,
      documentDate: t.date,
      secrecy: slug(SECRECY, t.secrecy),
      urgency: slug(URGENCY, t.urgency),
    };
    const got = Object.fromEntries(EXACT.map((k) => [k, (fields[k]?.value as string | null) ?? null])) as Record<(typeof EXACT)[number], string | null>;
    const ok = Object.fromEntries(EXACT.map((k) => [k, got[k] === expected[k]])) as Record<(typeof EXACT)[number], boolean>;
    const subjectOk = subjectKey(fields.subject?.value as string) === subjectKey(t.subject);
    const cer = bodyCer(t.bodyText, text);
    const same = (a: unknown, b: unknown) => subjectKey(String(a ?? '')) === subjectKey(String(b ?? ''));
    const info = {
      place: same(fields.place?.value, t.place),
      signer: same(fields.signer?.value, t.signerName),
      signingCapacity: same(fields.signingCapacity?.value, t.signingCapacity),
      signerTitle: same(fields.signerTitle?.value, t.signerTitle),
      recipients: JSON.stringify(((fields.recipients?.value as string[] | null) ?? []).map((r) => subjectKey(r))) === JSON.stringify(t.recipients.map((r) => subjectKey(r))),
    };
    const infoGot = { place: fields.place?.value, signer: fields.signer?.value, signingCapacity: fields.signingCapacity?.value, signerTitle: fields.signerTitle?.value, recipients: fields.recipients?.value };
    const infoWant = { place: t.place, signer: t.signerName, signingCapacity: t.signingCapacity, signerTitle: t.signerTitle, recipients: t.recipients };
    return { info, infoGot, infoWant, id: t.id, format: t.format, pages, ms, ok, got, expected, subjectOk, subject: fields.subject?.value as string | null, expectedSubject: t.subject, cer, lowConfidence };
  });

  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  const totalPages = rows.reduce((a, r) => a + r.pages, 0);
  const fieldTotals = EXACT.map((k) => ({ k, n: rows.filter((r) => r.ok[k]).length }));
  const exactAll = fieldTotals.reduce((a, f) => a + f.n, 0);
  const subjects = rows.filter((r) => r.subjectOk).length;
  const bodyChars = truths.reduce((a, t) => a + ws(t.bodyText).length, 0);
  const cerPooled = rows.reduce((a, r) => a + r.cer * ws(truths.find((t) => t.id === r.id)!.bodyText).length, 0) / bodyChars;
  const cerMean = rows.reduce((a, r) => a + r.cer, 0) / rows.length;

  if (json) {
    console.log(JSON.stringify({ rows, wallMs, cpuMs, warmMs, workers, totalPages }, null, 2));
    return;
  }
  const mark = (b: boolean) => (b ? ' ok ' : ' ✗  ');
  console.log(`\nOCR bench: ${rows.length} scans, ${totalPages} pages, ${workers} tesseract worker(s), handbook ${label}\n`);
  console.log(['id      ', 'fmt', 'pg', ...EXACT.map((k) => k.slice(0, 6).padEnd(6)), 'subj  ', ' CER   ', '  s  '].join(' | '));
  for (const r of rows) {
    console.log(
      [r.id.padEnd(8), r.format.padEnd(3), String(r.pages).padStart(2), ...EXACT.map((k) => mark(r.ok[k]).padEnd(6)), mark(r.subjectOk).padEnd(6), `${(100 * r.cer).toFixed(2)}%`.padStart(6), (r.ms / 1000).toFixed(1).padStart(5)].join(' | '),
    );
  }
  console.log('\nPer field (exact match):');
  for (const f of fieldTotals) console.log(`  ${f.k.padEnd(13)} ${String(f.n).padStart(2)}/${rows.length}  ${pct(f.n, rows.length)}`);
  console.log(`  ${'ALL EXACT'.padEnd(13)} ${exactAll}/${rows.length * EXACT.length}  ${pct(exactAll, rows.length * EXACT.length)}   (target ≥ 95%)`);
  console.log(`  ${'subject'.padEnd(13)} ${subjects}/${rows.length}  ${pct(subjects, rows.length)}   (target ≥ 90%)`);
  console.log(`  body CER      pooled ${(100 * cerPooled).toFixed(2)}%, mean ${(100 * cerMean).toFixed(2)}%, worst ${(100 * Math.max(...rows.map((r) => r.cer))).toFixed(2)}%   (target ≤ 2%)`);
  const infoKeys = ['place', 'signer', 'signingCapacity', 'signerTitle', 'recipients'] as const;
  console.log(`  other fields (no target): ${infoKeys.map((k) => `${k} ${rows.filter((r) => r.info[k]).length}/${rows.length}`).join(', ')}`);
  console.log(`\nSpeed: ${(wallMs / 1000).toFixed(1)} s for ${totalPages} pages with ${workers} worker(s) → ${(wallMs / 1000 / totalPages).toFixed(2)} s/page, ${((totalPages / wallMs) * 60_000).toFixed(1)} pages/min (worker start ${(warmMs / 1000).toFixed(1)} s, not counted)`);
  console.log(`       CPU ${(cpuMs / 1000 / totalPages).toFixed(2)} s/page (all threads; on an idle machine ≈ wall time × workers)`);
  const misses = rows.flatMap((r) => [
    ...EXACT.filter((k) => !r.ok[k]).map((k) => `  ${r.id} ${k}: got ${JSON.stringify(r.got[k])}, want ${JSON.stringify(r.expected[k])}`),
    ...(r.subjectOk ? [] : [`  ${r.id} subject: got ${JSON.stringify(r.subject)}, want ${JSON.stringify(r.expectedSubject)}`]),
    ...(process.env.BENCH_VERBOSE ? Object.entries(r.info).filter(([, ok]) => !ok).map(([k]) => `  ${r.id} ${k} (informational): got ${JSON.stringify(r.infoGot[k as keyof typeof r.infoGot])}, want ${JSON.stringify(r.infoWant[k as keyof typeof r.infoWant])}`) : []),
  ]);
  if (misses.length) console.log(`\nMisses:\n${misses.join('\n')}`);
}

// --- degraded variants ------------------------------------------------------------------------------

/** What one variant got (for the printout and the file's own record). */
export interface Degradation {
  rotateDeg: number;
  dpi: number | null;
  noise: number;
  jpegQuality: number | null;
  contrast: number | null;
  paperGrey: number;
  blur: number;
}

/** A small seeded PRNG (mulberry32): the same seed makes the same variants on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The degradations of one scan in a set (index k alternates the rotation's sign and which half is downscaled). */
export function degradationFor(set: DegradationSet, k: number, seed: number): Degradation {
  const rnd = prng(seed * 1000 + k * 7919 + DEGRADATION_SETS.indexOf(set));
  const between = (a: number, b: number) => a + (b - a) * rnd();
  const sign = k % 2 ? -1 : 1;
  const none: Degradation = { rotateDeg: 0, dpi: null, noise: 0, jpegQuality: null, contrast: null, paperGrey: 0, blur: 0 };
  switch (set) {
    case 'rotate':
      return { ...none, rotateDeg: round2(sign * between(1.5, 3)) };
    case 'lowres':
      return { ...none, dpi: 150 };
    case 'noise':
      return { ...none, noise: round2(between(12, 20)) };
    case 'jpeg':
      return { ...none, jpegQuality: Math.round(between(35, 50)) };
    case 'contrast':
      return { ...none, contrast: round2(between(0.45, 0.6)), paperGrey: Math.round(between(20, 40)) };
    case 'blur':
      return { ...none, blur: round2(between(0.8, 1.4)) };
    case 'mixed':
      return {
        rotateDeg: round2(sign * between(1.5, 3)),
        dpi: k % 3 === 0 ? null : 150,
        noise: round2(between(6, 12)),
        jpegQuality: Math.round(between(35, 50)),
        contrast: round2(between(0.6, 0.75)),
        paperGrey: Math.round(between(10, 30)),
        blur: rnd() < 0.5 ? round2(between(0.5, 0.9)) : 0,
      };
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

const describeDegradation = (d: Degradation, srcDpi: number) =>
  [
    d.rotateDeg ? `rotated ${d.rotateDeg > 0 ? '+' : ''}${d.rotateDeg}°` : '',
    d.dpi && d.dpi < srcDpi ? `${srcDpi}→${d.dpi} dpi` : `${srcDpi} dpi`,
    d.noise ? `noise σ ${d.noise}` : '',
    d.contrast ? `contrast ×${d.contrast} on paper −${d.paperGrey}` : '',
    d.blur ? `blur ${d.blur}px` : '',
    d.jpegQuality ? `JPEG q${d.jpegQuality}` : '',
  ]
    .filter(Boolean)
    .join(', ');

/** The pages of a scan in colour, with their resolution: an image as it is, a PDF's pages rendered at the scan's dpi. */
async function colourPages(bytes: Buffer, format: string, dpi: number): Promise<Canvas[]> {
  if (format !== 'pdf') {
    const img = await loadImage(bytes);
    const c = createCanvas(img.width, img.height);
    c.getContext('2d').drawImage(img, 0, 0);
    return [c];
  }
  const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const out: Canvas[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const c = createCanvas(Math.round(viewport.width), Math.round(viewport.height));
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, c.width, c.height);
      await page.render({ canvasContext: ctx as never, viewport, canvas: c as never }).promise;
      out.push(c);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** One page degraded: rotated (paper-coloured corners), downscaled, blurred, lower contrast, grain. */
function degradePage(src: Canvas, srcDpi: number, d: Degradation, rnd: () => number): Canvas {
  let page = src;
  if (d.rotateDeg) {
    const data = page.getContext('2d').getImageData(0, 0, page.width, page.height).data;
    // Paper colour: the brightest tenth of a sample of pixels.
    const lum: number[] = [];
    for (let i = 0; i < data.length; i += 4 * 97) lum.push((data[i]! + data[i + 1]! + data[i + 2]!) / 3);
    lum.sort((a, b) => a - b);
    const paper = Math.round(lum[Math.floor(lum.length * 0.9)] ?? 255);
    const c = createCanvas(page.width, page.height);
    const ctx = c.getContext('2d');
    ctx.fillStyle = `rgb(${paper},${paper},${paper})`;
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.translate(c.width / 2, c.height / 2);
    ctx.rotate((d.rotateDeg * Math.PI) / 180);
    ctx.drawImage(page, -page.width / 2, -page.height / 2);
    // The canvas applies its transform to putImageData too: leave none behind.
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    page = c;
  }
  if (d.dpi && d.dpi < srcDpi) {
    const f = d.dpi / srcDpi;
    const c = createCanvas(Math.round(page.width * f), Math.round(page.height * f));
    const ctx = c.getContext('2d');
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(page, 0, 0, c.width, c.height);
    page = c;
  }
  if (d.blur) {
    const c = createCanvas(page.width, page.height);
    const ctx = c.getContext('2d');
    ctx.filter = `blur(${d.blur}px)`;
    ctx.drawImage(page, 0, 0);
    ctx.filter = 'none';
    page = c;
  }
  if (d.contrast || d.noise) {
    const ctx = page.getContext('2d');
    const img = ctx.getImageData(0, 0, page.width, page.height);
    const px = img.data;
    const c = d.contrast ?? 1;
    let spare: number | null = null;
    const gauss = () => {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      const u = Math.max(1e-12, rnd());
      const v = rnd();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    };
    for (let i = 0; i < px.length; i += 4) {
      const n = d.noise ? gauss() * d.noise : 0;
      for (let ch = 0; ch < 3; ch++) {
        const v = 255 - (255 - px[i + ch]!) * c - d.paperGrey + n;
        px[i + ch] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
    ctx.putImageData(img, 0, 0);
  }
  return page;
}

/** A PDF of JPEG pages (one image per page, the page sized for the image's resolution). */
function jpegPdf(pages: { jpeg: Buffer; width: number; height: number; dpi: number }[]): Buffer {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    length += buf.length;
  };
  const obj = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  obj(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  obj(2, [`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`]);
  pages.forEach((p, i) => {
    const n = 3 + i * 3;
    const w = ((p.width / p.dpi) * 72).toFixed(2);
    const h = ((p.height / p.dpi) * 72).toFixed(2);
    obj(n, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${n + 1} 0 R >> >> /Contents ${n + 2} 0 R >>`]);
    obj(n + 1, [`<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`, p.jpeg, '\nendstream']);
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    obj(n + 2, [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`]);
  });
  const xref = length;
  const count = 3 + pages.length * 3;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/**
 * Writes a degraded variant of every scan to `out` (with its ground truth, the file and dpi
 * updated) and returns the variants' truths. PNGs stay PNG unless the set compresses to JPEG.
 */
export async function makeDegradedVariants(dir: string, truths: Truth[], out: string, set: DegradationSet, seed: number): Promise<{ truth: Truth; describe: string }[]> {
  mkdirSync(out, { recursive: true });
  const result: { truth: Truth; describe: string }[] = [];
  for (const t of truths) {
    // The scan's place in the handbook (s1-007 → 6), so a subset of ids gets the same variants.
    const k = Number(/(\d+)$/.exec(t.id)?.[1] ?? 1) - 1;
    const d = degradationFor(set, k, seed);
    const rnd = prng(seed * 31 + k);
    const srcDpi = t.dpi || 200;
    const pages = (await colourPages(readFileSync(path.join(dir, t.file)), t.format, srcDpi)).map((p) => degradePage(p, srcDpi, d, rnd));
    const dpi = d.dpi && d.dpi < srcDpi ? d.dpi : srcDpi;
    const quality = d.jpegQuality ?? 92;
    let file: string;
    if (t.format === 'pdf') {
      file = `${t.id}.pdf`;
      writeFileSync(path.join(out, file), jpegPdf(pages.map((p) => ({ jpeg: p.encodeSync('jpeg', quality), width: p.width, height: p.height, dpi }))));
    } else if (t.format === 'png' && !d.jpegQuality) {
      file = `${t.id}.png`;
      writeFileSync(path.join(out, file), pages[0]!.encodeSync('png'));
    } else {
      file = `${t.id}.jpg`;
      writeFileSync(path.join(out, file), pages[0]!.encodeSync('jpeg', quality));
    }
    const truth: Truth = { ...t, file, format: path.extname(file).slice(1), dpi };
    writeFileSync(path.join(out, `${t.id}.json`), JSON.stringify({ ...truth, degradedFrom: t.file, degradedBy: { set, seed, ...d } }, null, 2));
    result.push({ truth, describe: describeDegradation(d, srcDpi) });
  }
  return result;
}
