/**
 * The OCR bench's dev / held-out split (issue 14), decided once and committed as
 * bench/ocr-sets.json. The rule looks at no content, only at two metadata fields of each
 * ground truth, and is recomputed by test/unit/ocr-bench-split.test.ts from the file alone:
 *
 * 1. A document's stratum is its file kind (`pdf` or `image`) and its secrecy
 *    (`none`, `mat`, `toi-mat`, `tuyet-mat`).
 * 2. Within a stratum, documents are ordered by SHA-256 of `daumoi-ocr-split-v1:<set>:<id>`
 *    (hex, ascending).
 * 3. The first round(n / 3) of each stratum are held out (n = 1 → 0, 2 → 1, 4 → 1, 6 → 2, 26 → 9),
 *    the rest are dev.
 *
 * `scans` (the handbook's first twelve) is not split: it has been tuned on since the OCR was
 * written, so every one of its documents is dev.
 *
 * `npm run bench -- ocr-split` checks the committed file against the handbook (same ids, same
 * strata, same split); `npm run bench -- ocr-split --write` writes it (only when the handbook's
 * sets change; a new split is a new decision, say so in the commit).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod';

export const SPLIT_SALT = 'daumoi-ocr-split-v1';
export const PARTS = ['dev', 'held-out'] as const;
export type Part = (typeof PARTS)[number];

/** The sets the handbook holds, in the order the bench scores them; `split: false` = all dev. */
export const HANDBOOK_SETS = [
  { name: 'scans', split: false },
  { name: 'scans-2', split: true },
  { name: 'real-scans', split: true },
] as const;

export const SplitDoc = z.object({
  id: z.string().min(1),
  kind: z.enum(['pdf', 'image']),
  secrecy: z.enum(['none', 'mat', 'toi-mat', 'tuyet-mat']),
});
export type SplitDoc = z.infer<typeof SplitDoc>;

export const SplitSet = z.object({
  split: z.boolean(),
  note: z.string().optional(),
  docs: z.array(SplitDoc),
  parts: z.object({ dev: z.array(z.string()), 'held-out': z.array(z.string()) }),
});
export type SplitSet = z.infer<typeof SplitSet>;

export const SplitFile = z.object({
  rule: z.string(),
  salt: z.literal(SPLIT_SALT),
  sets: z.record(z.string(), SplitSet),
});
export type SplitFile = z.infer<typeof SplitFile>;

export const RULE_TEXT =
  'Stratum = file kind (pdf | image) × secrecy (none | mat | toi-mat | tuyet-mat) from the ground truth. ' +
  'Within a stratum, order documents by SHA-256 hex of "daumoi-ocr-split-v1:<set>:<id>" ascending; the first round(n/3) are held out, the rest dev. ' +
  'Sets with split=false (scans: tuned on since the start) are all dev. Held-out documents are measured only: never read, dumped or tuned on.';

export const splitHash = (set: string, id: string): string => createHash('sha256').update(`${SPLIT_SALT}:${set}:${id}`).digest('hex');
export const stratumOf = (d: SplitDoc): string => `${d.kind}|${d.secrecy}`;

/** The split of one set's documents by the rule above; ids sorted in each part. */
export function splitSet(set: string, docs: readonly SplitDoc[], split = true): { dev: string[]; 'held-out': string[] } {
  if (!split) return { dev: docs.map((d) => d.id).sort(), 'held-out': [] };
  const strata = new Map<string, SplitDoc[]>();
  for (const d of docs) strata.set(stratumOf(d), [...(strata.get(stratumOf(d)) ?? []), d]);
  const held: string[] = [];
  const dev: string[] = [];
  for (const members of strata.values()) {
    const ordered = [...members].sort((a, b) => (splitHash(set, a.id) < splitHash(set, b.id) ? -1 : 1));
    const k = Math.round(members.length / 3);
    ordered.forEach((d, i) => (i < k ? held : dev).push(d.id));
  }
  return { dev: dev.sort(), 'held-out': held.sort() };
}

/** The split metadata of one ground-truth file (either truth format): id, file kind, secrecy slug. */
export function splitDocOf(truth: { id?: string; file: string; format?: string; secrecy?: string | null }): SplitDoc {
  const id = truth.id ?? path.basename(truth.file).replace(/\.[^.]+$/, '');
  const ext = (truth.format ?? path.extname(truth.file).slice(1)).toLowerCase();
  const label = (truth.secrecy ?? '').normalize('NFC').toLowerCase().trim();
  const secrecy = !label ? 'none' : ({ 'mật': 'mat', 'tối mật': 'toi-mat', 'tuyệt mật': 'tuyet-mat' } as const)[label];
  if (!secrecy) throw new Error(`${id}: unknown secrecy "${truth.secrecy}"`);
  return { id, kind: ext === 'pdf' ? 'pdf' : 'image', secrecy };
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const SPLIT_FILE = path.join(here, 'ocr-sets.json');

export function loadSplitFile(file = SPLIT_FILE): SplitFile {
  return SplitFile.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The handbook's fixtures folder (env DAUMOI_HANDBOOK, else <repo>/../shared). */
export const handbookRoot = (): string => process.env.DAUMOI_HANDBOOK ?? path.resolve(here, '../../shared');

/** The ground truths of a folder of scans: every <id>.json beside its scan, but index.json. */
export function truthFiles(dir: string): unknown[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown);
}

const TruthMeta = z.object({ id: z.string().optional(), file: z.string(), format: z.string().optional(), secrecy: z.string().nullable().optional() });

/** The split file the handbook's sets give today. */
export function computeSplitFile(root = handbookRoot()): SplitFile {
  const sets: Record<string, SplitSet> = {};
  for (const s of HANDBOOK_SETS) {
    const dir = path.join(root, 'fixtures', s.name);
    if (!existsSync(dir)) throw new Error(`${dir} is missing: the split is made from the whole handbook`);
    const docs = truthFiles(dir)
      .map((t) => splitDocOf(TruthMeta.parse(t)))
      .sort((a, b) => a.id.localeCompare(b.id));
    sets[s.name] = {
      split: s.split,
      ...(s.split ? {} : { note: 'tuned on since the OCR was written: all dev, no held-out part' }),
      docs,
      parts: splitSet(s.name, docs, s.split),
    };
  }
  return { rule: RULE_TEXT, salt: SPLIT_SALT, sets };
}

/** `npm run bench -- ocr-split [--write]`: checks (or writes) bench/ocr-sets.json against the handbook. */
export async function run(args: string[] = []): Promise<void> {
  const fresh = computeSplitFile();
  if (args.includes('--write')) {
    writeFileSync(SPLIT_FILE, `${JSON.stringify(fresh, null, 2)}\n`);
    console.log(`wrote ${SPLIT_FILE}`);
  }
  const committed = loadSplitFile();
  let same = true;
  for (const [name, s] of Object.entries(fresh.sets)) {
    const c = committed.sets[name];
    const ok = JSON.stringify(c) === JSON.stringify(s);
    same &&= ok;
    console.log(`${name.padEnd(11)} ${s.docs.length} docs: dev ${s.parts.dev.length}, held-out ${s.parts['held-out'].length}${ok ? '' : '  ≠ bench/ocr-sets.json'}`);
    const strata = [...new Set(s.docs.map(stratumOf))].sort();
    for (const st of strata) {
      const ids = s.docs.filter((d) => stratumOf(d) === st).map((d) => d.id);
      console.log(`  ${st.padEnd(16)} ${ids.length} docs, held out ${ids.filter((id) => s.parts['held-out'].includes(id)).length}`);
    }
  }
  if (!same) throw new Error('bench/ocr-sets.json does not match the handbook: the handbook changed (a new split is a new decision: --write and commit it saying so)');
}
