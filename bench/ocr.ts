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
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bestSubstringMatch } from '../shared/domain/extract/fuzzy';
import { normalisePhrase } from '../shared/domain/vietnamese';
import type { ScanContentType } from '../shared/domain/scans/model';
import { buildScanReader } from '../shared/services/scans/scan-reader';
import { defaultPoolSize } from '../shared/adapters/ocr/tesseract';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

/** The handbook (env DAUMOI_HANDBOOK, else <repo>/../shared); its scans are in fixtures/scans. */
export const handbookDir = (): string => {
  const root = process.env.DAUMOI_HANDBOOK ?? path.resolve(repoRoot, '../shared');
  const scans = path.join(root, 'fixtures', 'scans');
  // DAUMOI_HANDBOOK may also name the scans folder itself.
  return existsSync(scans) ? scans : root;
};

interface Truth {
  id: string;
  file: string;
  format: string;
  pages: number;
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

export async function run(args: string[] = []): Promise<void> {
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const workers = Number(opt('--workers') ?? defaultPoolSize());
  const dump = opt('--dump');
  const json = args.includes('--json');
  const only: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (['--workers', '--dump', '--psm', '--dpi', '--layout'].includes(args[i]!)) i++;
    else if (!args[i]!.startsWith('--')) only.push(args[i]!);
  }
  const dir = handbookDir();
  const truths: Truth[] = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Truth)
    .filter((t) => t.file && (!only.length || only.includes(t.id)))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (!truths.length) throw new Error(`no fixtures in ${dir}`);
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
    return { info, id: t.id, format: t.format, pages, ms, ok, got, expected, subjectOk, subject: fields.subject?.value as string | null, expectedSubject: t.subject, cer, lowConfidence };
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
  console.log(`\nOCR bench: ${rows.length} scans, ${totalPages} pages, ${workers} tesseract worker(s), handbook ${dir}\n`);
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
    ...(process.env.BENCH_VERBOSE ? Object.entries(r.info).filter(([, ok]) => !ok).map(([k]) => `  ${r.id} ${k} (informational) differs`) : []),
  ]);
  if (misses.length) console.log(`\nMisses:\n${misses.join('\n')}`);
}
