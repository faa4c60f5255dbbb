/**
 * `npm run bench -- ocr [ids…] [--set NAME]… [--part dev|held-out] [--dir PATH]… [--json FILE]
 *  [--workers N] [--dpi N] [--psm N] [--layout raw] [--tessdata DIR] [--later-tessdata DIR|none]
 *  [--dump DIR] [--degraded [SET]]`
 *
 * `--tessdata` reads page 1 with another model (a folder holding vie.traineddata.gz),
 * `--later-tessdata` the pages after it (`none`: with page 1's model, as before the fast model).
 *
 * Reads the handbook's three sets of scans (<repo>/../shared, or env DAUMOI_HANDBOOK; its
 * fixtures/scans, fixtures/scans-2, fixtures/real-scans) and any folder given with `--dir`
 * (the same truth formats) through the ScanReader, and scores each set's dev and held-out parts
 * separately (bench/ocr-sets.json; bench/ocr-split.ts says how the split was made). `--set`
 * (repeatable; a `--dir` folder's name is its base name) and `--part` run a subset; ids given
 * run those documents only. Per set and part (bench/lib/ocr-score.ts says how each is counted):
 *
 * - accuracy of numberSymbol, typeCode, documentDate, issuer (code for the synthetic Party
 *   truth, printed name for the real State truth: bench/lib/ocr-truth.ts), subject (NFC, tone
 *   placement, case, spaces, end punctuation), secrecy and urgency;
 * - coverage (value fields given non-null) and high-confidence precision (answers given with
 *   confidence ≥ 0.9 that are right; goal ≥ 98 %);
 * - secret documents read as not secret, by id;
 * - body CER where the truth has a body; seconds per page (wall clock, with this many documents
 *   in flight: workers + 1) and CPU seconds per page (all threads: steadier than the wall clock on
 *   a shared machine; on an idle one wall ≈ CPU / workers).
 *
 * Over 400 lines: reading the sets, running the reader, degrading the scans and printing the
 * tables are one command's parts; the pure scoring and truth mapping are in bench/lib/.
 *
 * A held-out part prints figures only: no document's reading, miss or OCR text (and `--dump`
 * skips it). `--json FILE` writes every figure (and the dev parts' per-document readings).
 *
 * `--degraded [rotate|lowres|noise|jpeg|contrast|blur|mixed|turned|bilevel|all]` (default mixed; synthetic Party
 * sets only, `scans` unless `--set` says otherwise) first makes degraded variants of the scans in
 * a temp folder (printed; seeded, so every run makes the same files), then reads and scores those
 * instead: rotated a further ±1.5–3°, downscaled to 150 dpi, grain noise, JPEG quality 35–50,
 * lower contrast on grey paper, blur, or all of them at once; turned a quarter or a half; black and
 * white at 200 dpi (`bilevel`, every scan written as a TIFF of all its pages, as a bilevel office
 * scanner writes it). Otherwise PDFs stay PDFs (their pages degraded one by one). `all` runs the
 * sets one after the other.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage, type Canvas } from '@napi-rs/canvas';
import type { ScanContentType } from '../shared/scans/domain/model';
import { buildScanReader } from '../shared/scans/ocr';
import { defaultPoolSize } from '../shared/scans/adapters/ocr/tesseract';
import { HANDBOOK_SETS, handbookRoot, loadSplitFile, truthFiles, type SplitSet } from './ocr-split';
import { expectedOf, subjectKey, type Expected } from './lib/ocr-truth';
import { FIELDS, HIGH_CONFIDENCE, bodyCer, scoreDoc, summarise, type DocRead, type DocScore, type PartSummary, type ReadFields } from './lib/ocr-score';
import { seededRng } from '../test/support/seeded-rng';
import { encodeTiff } from '../test/support/tiff';

export { subjectKey, bodyCer };

/** The handbook's first set of scans (DAUMOI_HANDBOOK may also name a folder of scans itself). */
export const handbookDir = (): string => {
  const root = handbookRoot();
  const scans = path.join(root, 'fixtures', 'scans');
  const dir = existsSync(scans) ? scans : root;
  if (!existsSync(dir))
    throw new Error(
      `the handbook's scans are not here: ${scans} (nor ${root}). They are the team handbook's fixtures, ` +
        `outside this repository: set DAUMOI_HANDBOOK to the handbook or to a folder of scans with their <id>.json ground truth. ` +
        `Six of them are committed in test/fixtures/scans: DAUMOI_HANDBOOK=test/fixtures/scans npm run bench -- ocr --set scans s1-003 s1-010 s1-011.`,
    );
  return dir;
};

/** A synthetic Party ground truth as the degraded variants need it. */
interface Truth {
  id: string;
  file: string;
  format: string;
  pages: number;
  dpi: number;
  [more: string]: unknown;
}

const CONTENT_TYPE: Record<string, ScanContentType> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', tif: 'image/tiff', tiff: 'image/tiff', pdf: 'application/pdf' };

// --- the reader -------------------------------------------------------------------------------------

export interface BenchReaderOptions {
  workers: number;
  psm?: 3 | 6 | undefined;
  dpi?: number | undefined;
  layout?: 'raw' | undefined;
  /** Folder holding vie.traineddata.gz (another Tesseract model); default the package's. */
  tessdata?: string | undefined;
  /** Folder of the model for pages after the first; 'none': every page with the page model. */
  laterTessdata?: string | undefined;
}

/** What the bench needs of a reader: the pages' text and the fields, each with a confidence (and a reason when null). */
export interface BenchReader {
  read(bytes: Uint8Array, contentType: ScanContentType): Promise<{ pages: number; text: string; fields: ReadFields }>;
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The one place the bench calls the reader (the ScanReader contract as of this writing:
 * `read` gives pages of text, `extract` the fields from the joined text). When the contract
 * changes, re-point this function only; the scoring reads `{ value, confidence, reason? }` per
 * field name (numberSymbol, typeCode, documentDate, issuer, issuerCode, subject, secrecy, urgency).
 */
export function benchReader(o: BenchReaderOptions): BenchReader {
  const reader = buildScanReader('tesseract', {
    tesseract: { poolSize: o.workers, ...(o.psm ? { psm: o.psm } : {}), ...(o.dpi ? { targetDpi: o.dpi } : {}), ...(o.layout ? { layout: o.layout } : {}), ...(o.tessdata ? { langPath: o.tessdata } : {}), ...(o.laterTessdata ? { laterPagesLangPath: o.laterTessdata === 'none' ? null : o.laterTessdata } : {}) },
  });
  return {
    async read(bytes, contentType) {
      const read = await reader.read(bytes, contentType);
      const text = read.pages.map((p) => p.text).join('\n\n');
      const { fields } = reader.extract(text, read);
      return { pages: read.pages.length, text, fields };
    },
    warmUp: async () => {
      await reader.warmUp?.();
    },
    close: async () => {
      await reader.close?.();
    },
  };
}

// --- sets and parts ---------------------------------------------------------------------------------

interface BenchDoc {
  exp: Expected;
  raw: unknown;
}

interface BenchSet {
  name: string;
  dir: string;
  docs: BenchDoc[];
  /** The committed split (handbook sets), or null: a `--dir` folder is scored whole as part `all`. */
  split: SplitSet | null;
}

const PART_ORDER = ['dev', 'held-out', 'unlisted', 'all'];
const isHidden = (part: string): boolean => part === 'held-out';

function loadSet(name: string, dir: string, split: SplitSet | null, only: readonly string[]): BenchSet {
  const raws = truthFiles(dir);
  const docs = raws.map((raw) => ({ exp: expectedOf(raw), raw })).filter((d) => !only.length || only.includes(d.exp.id));
  const absent = docs.filter((d) => !existsSync(path.join(dir, d.exp.file)));
  if (absent.length) console.log(`${name}: ${absent.length} ground truths have no scan beside them, left out: ${absent.map((d) => d.exp.file).join(', ')}`);
  return { name, dir, docs: docs.filter((d) => !absent.includes(d)).sort((a, b) => a.exp.id.localeCompare(b.exp.id)), split };
}

/** The parts of a set: the split file's dev and held-out (ids it does not list: `unlisted`), or `all`. */
export function partsOf(ids: readonly string[], split: SplitSet | null): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  const add = (p: string, id: string) => parts.set(p, [...(parts.get(p) ?? []), id]);
  for (const id of ids) {
    if (!split) add('all', id);
    else if (split.parts.dev.includes(id)) add('dev', id);
    else if (split.parts['held-out'].includes(id)) add('held-out', id);
    else add('unlisted', id);
  }
  return new Map([...parts].sort((a, b) => PART_ORDER.indexOf(a[0]) - PART_ORDER.indexOf(b[0])));
}

// --- run ----------------------------------------------------------------------------------------------

export const DEGRADATION_SETS = ['rotate', 'lowres', 'noise', 'jpeg', 'contrast', 'blur', 'mixed', 'turned', 'bilevel'] as const;
export type DegradationSet = (typeof DEGRADATION_SETS)[number];

const VALUE_FLAGS = ['--workers', '--dump', '--psm', '--dpi', '--layout', '--tessdata', '--later-tessdata', '--seed', '--set', '--part', '--dir', '--json'];

export async function run(args: string[] = []): Promise<void> {
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const many = (name: string): string[] => args.flatMap((a, i) => (a === name && args[i + 1] ? args[i + 1]!.split(',') : []));
  const degradedAt = args.indexOf('--degraded');
  let degraded: DegradationSet[] = [];
  if (degradedAt >= 0) {
    const named = args[degradedAt + 1];
    if (named === 'all') degraded = [...DEGRADATION_SETS];
    else if (named && !named.startsWith('--') && (DEGRADATION_SETS as readonly string[]).includes(named)) degraded = [named as DegradationSet];
    else if (named && !named.startsWith('--') && !/^[a-z]+\d*-\d+$/.test(named)) throw new Error(`--degraded takes one of ${DEGRADATION_SETS.join(', ')}, all`);
    else degraded = ['mixed'];
  }
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (VALUE_FLAGS.includes(args[i]!)) i++;
    else if (args[i] === '--degraded' && (args[i + 1] === 'all' || (DEGRADATION_SETS as readonly string[]).includes(args[i + 1] ?? ''))) i++;
    else if (!args[i]!.startsWith('--')) only.push(args[i]!);
  }
  const part = opt('--part');
  if (part !== undefined && !['dev', 'held-out'].includes(part)) throw new Error('--part takes dev or held-out');
  const wantedSets = many('--set');
  const dirs = many('--dir').map((d) => path.resolve(d));

  // The handbook's sets (those present), then the --dir folders.
  const splitFile = loadSplitFile();
  const root = handbookRoot();
  const sources: { name: string; dir: string; split: SplitSet | null }[] = [];
  for (const s of HANDBOOK_SETS) {
    if (wantedSets.length && !wantedSets.includes(s.name)) continue;
    if (!wantedSets.length && degraded.length && s.name !== 'scans') continue;
    const dir = s.name === 'scans' ? handbookDir() : path.join(root, 'fixtures', s.name);
    if (!existsSync(dir)) {
      if (wantedSets.includes(s.name)) throw new Error(`set ${s.name}: ${dir} is missing`);
      console.log(`set ${s.name}: ${dir} is missing, skipped`);
      continue;
    }
    const split = splitFile.sets[s.name];
    if (!split) throw new Error(`bench/ocr-sets.json has no split for ${s.name}`);
    sources.push({ name: s.name, dir, split });
  }
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new Error(`--dir ${dir}: no such folder`);
    const base = path.basename(dir);
    const name = sources.some((s) => s.name === base) ? dir : base;
    if (wantedSets.length && !wantedSets.includes(base) && !wantedSets.includes(dir)) continue;
    sources.push({ name, dir, split: null });
  }
  if (wantedSets.length) {
    const unknown = wantedSets.filter((w) => !HANDBOOK_SETS.some((s) => s.name === w) && !dirs.some((d) => d === path.resolve(w) || path.basename(d) === w));
    if (unknown.length) throw new Error(`--set ${unknown.join(', ')}: not a handbook set (${HANDBOOK_SETS.map((s) => s.name).join(', ')}) nor a --dir folder's name`);
  }
  let sets = sources.map((s) => loadSet(s.name, s.dir, s.split, only)).filter((s) => s.docs.length);
  if (!sets.length) throw new Error(`no documents to read${only.length ? ` (ids ${only.join(', ')})` : ''}`);

  if (degraded.length) {
    const seed = Number(opt('--seed') ?? 1);
    const made: BenchSet[] = [];
    for (const s of sets) {
      if (s.docs.some((d) => d.exp.truthFormat !== 'party-synthetic')) throw new Error(`--degraded makes variants of synthetic Party scans only; ${s.name} is not`);
      for (const set of degraded) {
        const out = path.join(os.tmpdir(), `daumoi-ocr-degraded-${s.name}-${set}-seed${seed}`);
        const t0 = Date.now();
        const variants = await makeDegradedVariants(s.dir, s.docs.map((d) => d.raw as Truth), out, set, seed);
        console.log(`\nDegraded variants "${set}" of ${s.name} (seed ${seed}) in ${out} (made in ${((Date.now() - t0) / 1000).toFixed(1)} s):`);
        const hidden = new Set(partsOf(s.docs.map((d) => d.exp.id), s.split).get('held-out') ?? []);
        for (const v of variants) if (!hidden.has(v.truth.id)) console.log(`  ${v.truth.id}  ${v.describe}`);
        made.push({ ...loadSet(`${s.name}~${set}`, out, s.split, s.docs.map((d) => d.exp.id)) });
      }
    }
    sets = made;
  }

  const workers = Number(opt('--workers') ?? defaultPoolSize());
  const psm = opt('--psm');
  const dpi = opt('--dpi');
  const reader = benchReader({ workers, psm: psm ? (Number(psm) as 3 | 6) : undefined, dpi: dpi ? Number(dpi) : undefined, layout: opt('--layout') === 'raw' ? 'raw' : undefined, tessdata: opt('--tessdata'), laterTessdata: opt('--later-tessdata') });
  const dump = opt('--dump');
  if (dump) mkdirSync(dump, { recursive: true });
  const warm0 = Date.now();
  await reader.warmUp();
  console.log(`OCR bench: ${workers} tesseract worker(s) (start ${((Date.now() - warm0) / 1000).toFixed(1)} s, not counted), handbook ${root}`);

  const results: { summary: PartSummary; cpuMs: number; docs: DocScore[] }[] = [];
  try {
    for (const s of sets) {
      for (const [p, ids] of partsOf(s.docs.map((d) => d.exp.id), s.split)) {
        if (part && p !== part) continue;
        const docs = s.docs.filter((d) => ids.includes(d.exp.id));
        const r = await benchPart(reader, s, p, docs, workers, isHidden(p) ? undefined : dump);
        printPart(r.summary, r.cpuMs, r.docs, isHidden(p));
        results.push(r);
      }
    }
  } finally {
    await reader.close();
  }
  if (!results.length) throw new Error('no part to read (check --set / --part)');
  printSummary(results);
  const json = opt('--json');
  if (json) {
    const out = {
      at: new Date().toISOString(),
      handbook: root,
      reader: { engine: 'tesseract', workers, psm: psm ?? null, dpi: dpi ?? null, layout: opt('--layout') ?? null },
      split: { file: 'bench/ocr-sets.json', rule: splitFile.rule },
      highConfidence: HIGH_CONFIDENCE,
      parts: results.map((r) => ({
        ...r.summary,
        cpuMs: r.cpuMs,
        // A held-out part gives its figures and its secret documents read as not secret, nothing per document.
        docs: isHidden(r.summary.part) ? null : r.docs,
      })),
    };
    mkdirSync(path.dirname(path.resolve(json)), { recursive: true });
    writeFileSync(json, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\nwrote ${path.resolve(json)}`);
  }
}

/** Reads one part's documents (as many at a time as there are workers, plus one) and scores them. */
async function benchPart(reader: BenchReader, set: BenchSet, part: string, docs: BenchDoc[], workers: number, dump: string | undefined): Promise<{ summary: PartSummary; cpuMs: number; docs: DocScore[] }> {
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  const scores: DocScore[] = new Array<DocScore>(docs.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < docs.length; i = next++) {
      const d = docs[i]!;
      const bytes = readFileSync(path.join(set.dir, d.exp.file));
      const ext = path.extname(d.exp.file).slice(1).toLowerCase();
      const s = Date.now();
      let read: DocRead;
      try {
        const r = await reader.read(new Uint8Array(bytes), CONTENT_TYPE[ext] ?? 'image/jpeg');
        read = { ...r, ms: Date.now() - s };
        if (dump) writeFileSync(path.join(dump, `${d.exp.id}.txt`), r.text);
      } catch (e) {
        read = { error: e instanceof Error ? e.message : String(e), ms: Date.now() - s };
      }
      scores[i] = scoreDoc(d.exp, read);
    }
  };
  await Promise.all(Array.from({ length: Math.min(docs.length, workers + 1) }, lane));
  const wallMs = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { summary: summarise(set.name, part, scores, wallMs), cpuMs: (cpu.user + cpu.system) / 1000, docs: scores };
}

// --- printing -----------------------------------------------------------------------------------------

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
const SHORT: Record<(typeof FIELDS)[number], string> = { numberSymbol: 'number', typeCode: 'type', documentDate: 'date', issuer: 'issuer', subject: 'subject', secrecy: 'secrecy', urgency: 'urgency' };

function printPart(s: PartSummary, cpuMs: number, docs: DocScore[], hidden: boolean): void {
  console.log(`\n=== ${s.set} · ${s.part}: ${s.docs} documents, ${s.pages} pages${hidden ? ' (held out: figures only)' : ''} ===`);
  if (!hidden) {
    const mark = (b: boolean) => (b ? ' ok ' : ' ✗  ');
    console.log(['id      ', 'fmt', 'pg', ...FIELDS.map((f) => SHORT[f].padEnd(7)), ' CER   ', '  s  '].join(' | '));
    for (const d of docs) {
      console.log(
        [
          d.id.padEnd(8),
          d.format.padEnd(3),
          String(d.pages).padStart(2),
          ...FIELDS.map((f) => mark(d.fields[f].ok).padEnd(7)),
          (d.cer === null ? '—' : `${(100 * d.cer).toFixed(2)}%`).padStart(6),
          (d.ms / 1000).toFixed(1).padStart(5),
        ].join(' | ') + (d.error ? `  read failed: ${d.error}` : ''),
      );
    }
  }
  console.log(`\n  ${'field'.padEnd(13)} ${'right'.padStart(7)}  ${'acc'.padStart(6)}  ${'given'.padStart(7)}  ${'≥0.9 right'.padStart(11)}`);
  for (const f of FIELDS) {
    const x = s.fields[f];
    const given = f === 'secrecy' || f === 'urgency' ? '—' : `${x.given}/${x.of}`;
    console.log(`  ${f.padEnd(13)} ${`${x.ok}/${x.of}`.padStart(7)}  ${pct(x.ok, x.of).padStart(6)}  ${given.padStart(7)}  ${`${x.highRight}/${x.high}`.padStart(11)}`);
  }
  console.log(`  coverage ${s.coverage.right}/${s.coverage.of} ${pct(s.coverage.right, s.coverage.of)}; high-confidence precision ${s.highConfidence.right}/${s.highConfidence.of} ${pct(s.highConfidence.right, s.highConfidence.of)} (goal ≥ 98%)`);
  console.log(`  secret documents read as not secret: ${s.secret.readAsNotSecret.length} of ${s.secret.docs}${s.secret.readAsNotSecret.length ? ` (${s.secret.readAsNotSecret.join(', ')})` : ''}`);
  if (s.secretLeftToClerk.length) console.log(`    of which null with a reason (possibly secret, left to the clerk): ${s.secretLeftToClerk.join(', ')}`);
  if (s.cer) console.log(`  body CER pooled ${(100 * s.cer.pooled).toFixed(2)}%, mean ${(100 * s.cer.mean).toFixed(2)}%, worst ${(100 * s.cer.worst).toFixed(2)}% (${s.cer.docs} documents with body truth)`);
  else console.log('  body CER: no body in this truth');
  if (s.errors.length) console.log(`  read failed: ${s.errors.join(', ')}`);
  console.log(`  speed ${(s.wallMs / 1000).toFixed(1)} s for ${s.pages} pages → ${s.sPerPage?.toFixed(2) ?? '—'} s/page wall, CPU ${(cpuMs / 1000 / Math.max(1, s.pages)).toFixed(2)} s/page`);
  if (hidden) return;
  const misses = docs.flatMap((d) =>
    FIELDS.filter((f) => !d.fields[f].ok).map((f) => {
      const x = d.fields[f];
      return `  ${d.id} ${f}: got ${JSON.stringify(x.got)} (${x.confidence.toFixed(2)}${x.reason ? `, ${x.reason}` : ''}), want ${JSON.stringify(x.want)}`;
    }),
  );
  if (misses.length) console.log(`\n  Misses:\n${misses.map((m) => `  ${m}`).join('\n')}`);
}

function printSummary(results: { summary: PartSummary; cpuMs: number }[]): void {
  const parts = results.map((r) => r.summary);
  console.log('\n=== Summary (accuracy per field; coverage of value fields; precision of answers with confidence ≥ 0.9) ===');
  const head = ['set', 'part', 'docs', 'pages', ...FIELDS.map((f) => SHORT[f]), 'coverage', 'hi-conf prec', 'secret→not', 'body CER', 's/page', 'CPU s/page'];
  const rows = results.map(({ summary: s, cpuMs }) => [
    s.set,
    s.part,
    String(s.docs),
    String(s.pages),
    ...FIELDS.map((f) => `${s.fields[f].ok}/${s.fields[f].of}`),
    pct(s.coverage.right, s.coverage.of),
    `${s.highConfidence.right}/${s.highConfidence.of} ${pct(s.highConfidence.right, s.highConfidence.of)}`,
    `${s.secret.readAsNotSecret.length}/${s.secret.docs}`,
    s.cer ? `${(100 * s.cer.pooled).toFixed(2)}%` : '—',
    s.sPerPage?.toFixed(2) ?? '—',
    s.pages ? (cpuMs / 1000 / s.pages).toFixed(2) : '—',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  const missed = parts.filter((s) => s.secret.readAsNotSecret.length);
  if (missed.length) console.log(`\nSecret documents read as not secret: ${missed.map((s) => `${s.set} ${s.part}: ${s.secret.readAsNotSecret.join(', ')}`).join('; ')}`);
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
  /** Every page turned clockwise by this many quarters (a letter fed upside down, a page scanned sideways). */
  quarterTurns: number;
  /** Black and white only, as a bilevel office scanner makes (grey below this is black, the rest white; colour lost), written as a TIFF of every page. */
  bilevel: number | null;
}

/** A small seeded PRNG (mulberry32): the same seed makes the same variants on every machine. */

/** The degradations of one scan in a set (index k alternates the rotation's sign and which half is downscaled). */
export function degradationFor(set: DegradationSet, k: number, seed: number): Degradation {
  const rnd = seededRng(seed * 1000 + k * 7919 + DEGRADATION_SETS.indexOf(set));
  const between = (a: number, b: number) => a + (b - a) * rnd();
  const sign = k % 2 ? -1 : 1;
  const none: Degradation = { rotateDeg: 0, dpi: null, noise: 0, jpegQuality: null, contrast: null, paperGrey: 0, blur: 0, quarterTurns: 0, bilevel: null };
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
        quarterTurns: 0,
        bilevel: null,
      };
    case 'turned':
      // A half turn, a quarter clockwise and a quarter counter-clockwise, in turn.
      return { ...none, quarterTurns: [2, 1, 3][k % 3]! };
    case 'bilevel':
      // A scanner's black-and-white mode at 200 dpi, its threshold lighter or darker.
      return { ...none, dpi: 200, bilevel: Math.round(between(120, 170)) };
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
    d.quarterTurns ? `turned ${d.quarterTurns * 90}° clockwise` : '',
    d.bilevel ? `black and white at grey ${d.bilevel}, a TIFF` : '',
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
  if (d.quarterTurns) {
    const odd = d.quarterTurns % 2 === 1;
    const c = createCanvas(odd ? page.height : page.width, odd ? page.width : page.height);
    const ctx = c.getContext('2d');
    ctx.translate(c.width / 2, c.height / 2);
    ctx.rotate((d.quarterTurns * Math.PI) / 2);
    ctx.drawImage(page, -page.width / 2, -page.height / 2);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    page = c;
  }
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
    const rnd = seededRng(seed * 31 + k);
    const srcDpi = t.dpi || 200;
    const pages = (await colourPages(readFileSync(path.join(dir, t.file)), t.format, srcDpi)).map((p) => degradePage(p, srcDpi, d, rnd));
    const dpi = d.dpi && d.dpi < srcDpi ? d.dpi : srcDpi;
    const quality = d.jpegQuality ?? 92;
    let file: string;
    if (d.bilevel) {
      // Every page black or white, in one (multi-page) TIFF as the scanner writes it.
      const t0 = d.bilevel;
      file = `${t.id}.tif`;
      writeFileSync(
        path.join(out, file),
        encodeTiff(
          pages.map((p) => {
            const rgba = p.getContext('2d').getImageData(0, 0, p.width, p.height).data;
            const data = new Uint8Array(p.width * p.height);
            for (let i = 0; i < data.length; i++) data[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]! < t0 ? 0 : 255;
            return { width: p.width, height: p.height, data };
          }),
        ),
      );
    } else if (t.format === 'pdf') {
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
