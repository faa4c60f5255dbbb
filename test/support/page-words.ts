/**
 * What a reader sees on a drawn page: the real tesseract.js (Vietnamese) reads a picture, and
 * the words of an issued document (its own fields, not the renderer's) to look for in it.
 */
import { createRequire } from 'node:module';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { IssuedDocument } from '../../shared/documents/domain/layout';

const require = createRequire(import.meta.url);

export async function vieReader(): Promise<Worker> {
  const { langPath } = require('@tesseract.js-data/vie') as { langPath: string };
  const worker = await createWorker('vie', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1' });
  return worker;
}

export const words = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2);

/** The words a reader must see on the document's pages. */
export const expectedWords = (d: IssuedDocument) =>
  words([d.header.superior ?? '', d.header.name, 'ĐẢNG CỘNG SẢN VIỆT NAM', d.hasTitle ? d.typeName : '', d.subject, ...d.body, d.signing.title, d.signing.signer, ...d.recipients].join(' '));

/** The words tesseract reads in each picture, as one set. */
export async function wordsSeen(worker: Worker, pictures: (Buffer | string)[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const p of pictures) for (const w of words((await worker.recognize(p)).data.text)) seen.add(w);
  return seen;
}

export const recall = (expected: string[], seen: Set<string>) => expected.filter((w) => seen.has(w)).length / expected.length;
