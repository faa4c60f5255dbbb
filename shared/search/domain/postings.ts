/**
 * The inverted index's storage format, as pure functions: a posting (one document under one
 * term), its order key, the packed encoding of a posting list, and how a list is cut into
 * blocks so that no stored item grows without bound.
 *
 * A term's postings are kept sorted by their order key: the document date, newest first, then
 * the document id. Small lists live inline in the term's head item; longer ones in blocks,
 * each covering a range of order keys.
 */

/** One document under one term. */
export interface Posting {
  /** Order key: inverted document date (8 digits, newest first) + document id. Unique per document. */
  ok: string;
  /** The term occurs in a heading field (number-symbol, subject, issuer, type). */
  head: boolean;
  /** The forms the term takes in the document (NFC, lower case, tone marks in one placement). */
  surfaces: string[];
  /** Filter values, stored with the posting so filtering needs no other read. */
  register: 'incoming' | 'outgoing';
  year: number;
  typeCode: string;
  issuerCode: string;
}

/** A range of a term's postings stored as one item. `start` is the smallest order key it may hold. */
export interface BlockRef {
  start: string;
  n: number;
}

/** Lists up to this many postings stay inline in the term's head item. */
export const INLINE_MAX = 24;
/** A block holding more than this is split in two. */
export const BLOCK_MAX = 256;

const FIELD = '\u001f';
const RECORD = '\u001e';
const SURFACE = '\u001d';
const clean = (s: string): string => s.replace(/[\u001d-\u001f]/g, ' ');

/** Order key of a document: newest document date first, then the id. */
export function orderKey(documentDate: string, id: string): string {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(documentDate) ? Number(documentDate.replace(/-/g, '')) : 0;
  return `${String(99_999_999 - d).padStart(8, '0')}${id}`;
}

/** The document id in an order key. */
export const idOfOrderKey = (ok: string): string => ok.slice(8);

/** The document date (YYYY-MM-DD) in an order key, or null when the document had none. */
export function dateOfOrderKey(ok: string): string | null {
  const d = 99_999_999 - Number(ok.slice(0, 8));
  if (!d) return null;
  const s = String(d).padStart(8, '0');
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
}

/**
 * Packs postings (sorted by order key) into one string. A surface equal to the folded term
 * (`same`) is not repeated, which is the usual case for text without diacritics.
 */
export function encodePostings(postings: readonly Posting[], same = ''): string {
  return postings
    .map((p) =>
      [
        p.ok,
        p.head ? '1' : '0',
        p.surfaces.map((s) => (s === same ? '' : clean(s))).join(SURFACE),
        p.register === 'outgoing' ? 'o' : 'i',
        String(p.year),
        clean(p.typeCode),
        clean(p.issuerCode),
      ].join(FIELD),
    )
    .join(RECORD);
}

export function decodePostings(packed: string | undefined, same = ''): Posting[] {
  if (!packed) return [];
  return packed.split(RECORD).map((rec) => {
    const [ok = '', head, surfaces = '', register, year, typeCode = '', issuerCode = ''] = rec.split(FIELD);
    return {
      ok,
      head: head === '1',
      surfaces: surfaces.split(SURFACE).map((s) => (s === '' ? same : s)),
      register: register === 'o' ? 'outgoing' : 'incoming',
      year: Number(year),
      typeCode,
      issuerCode,
    };
  });
}

const byOk = (a: { ok: string }, b: { ok: string }): number => (a.ok < b.ok ? -1 : a.ok > b.ok ? 1 : 0);

/** Applies removals (by order key) and additions (replacing the same order key) to a sorted list. */
export function applyChanges(list: readonly Posting[], add: readonly Posting[], remove: readonly string[]): Posting[] {
  const gone = new Set([...remove, ...add.map((p) => p.ok)]);
  return [...list.filter((p) => !gone.has(p.ok)), ...add].sort(byOk);
}

/** Index of the block that holds (or would hold) this order key: the last block starting at or before it. */
export function blockFor(blocks: readonly BlockRef[], ok: string): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= ok) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Cuts a sorted list that outgrew its block into blocks of at most BLOCK_MAX postings, evenly.
 * The first piece keeps the block's own start; each other piece starts at its first posting.
 */
export function splitBlock(start: string, postings: readonly Posting[], max = BLOCK_MAX): { start: string; postings: Posting[] }[] {
  if (postings.length <= max) return [{ start, postings: [...postings] }];
  const pieces = Math.ceil(postings.length / max);
  const size = Math.ceil(postings.length / pieces);
  const out: { start: string; postings: Posting[] }[] = [];
  for (let i = 0; i < postings.length; i += size) {
    const part = postings.slice(i, i + size);
    out.push({ start: i === 0 ? start : part[0]!.ok, postings: part });
  }
  return out;
}

/** A document's own list of its terms (the forward index): each term key with its heading flag and forms. */
export interface ForwardTerm {
  key: string;
  head: boolean;
  surfaces: string[];
}

/** Packs a document's terms into one string (surfaces equal to the folded term are not repeated). */
export function encodeForward(terms: readonly ForwardTerm[]): string {
  return terms
    .map((t) => {
      const same = t.key.slice(2);
      return [clean(t.key), t.head ? '1' : '0', t.surfaces.map((s) => (s === same ? '' : clean(s))).join(SURFACE)].join(FIELD);
    })
    .join(RECORD);
}

export function decodeForward(packed: string | undefined): ForwardTerm[] {
  if (!packed) return [];
  return packed.split(RECORD).map((rec) => {
    const [key = '', head, surfaces = ''] = rec.split(FIELD);
    const same = key.slice(2);
    return { key, head: head === '1', surfaces: surfaces.split(SURFACE).map((s) => (s === '' ? same : s)) };
  });
}

/** Packs a term's block directory (start and count of each block) into one string. */
export function encodeBlockRefs(refs: readonly BlockRef[]): string {
  return refs.map((r) => `${clean(r.start)}${FIELD}${r.n}`).join(RECORD);
}

export function decodeBlockRefs(packed: string): BlockRef[] {
  return packed.split(RECORD).map((rec) => {
    const [start = '', n] = rec.split(FIELD);
    return { start, n: Number(n) };
  });
}
