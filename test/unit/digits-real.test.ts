/**
 * Handwritten numbers and days on real State letters (dev split of fixtures/real-scans only:
 * never qn-03, qn-08, qn-10). Each crop is the gap a reader would cut after "Số:" or after
 * "ngày" on page 1, as page fractions measured by eye on the dev pages (some hold a sliver of
 * the printed text beside the gap). The same model and thresholds for all: nothing is tuned per
 * crop. A handwritten digit can be misread, so the table asks for a share, and for no wrong
 * reading given with the trusted probability.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDigits, warmUpDigits, type DigitRun } from '../../shared/scans/adapters/ocr/digits';
import type { GrayImage } from '../../shared/scans/adapters/ocr/image';
import { pdfPages } from '../../shared/scans/adapters/ocr/pdf';

const DIR = path.join(process.env.DAUMOI_HANDBOOK ?? path.join(__dirname, '../../../shared'), 'fixtures/real-scans');
/** p at or above which the lead may take a digit without a cross-check. */
const TRUST = 0.9;

// [document, field, handwritten value (from the document's ground truth), x0, x1, y0, y1 as page fractions]
const CROPS: [string, 'number' | 'day', string, number, number, number, number][] = [
  ['qn-12', 'number', '299', 0.196, 0.24, 0.118, 0.142],
  ['qn-12', 'day', '15', 0.664, 0.706, 0.118, 0.145],
  ['qn-17', 'number', '574', 0.184, 0.238, 0.14, 0.166],
  ['qn-17', 'day', '04', 0.658, 0.692, 0.138, 0.165],
  ['qn-02', 'number', '08', 0.175, 0.232, 0.097, 0.122],
  ['qn-02', 'day', '03', 0.662, 0.697, 0.097, 0.121],
  ['qn-22', 'number', '88', 0.222, 0.27, 0.131, 0.156],
  ['qn-22', 'day', '05', 0.683, 0.73, 0.14, 0.166],
  ['qn-14', 'number', '09', 0.215, 0.262, 0.15, 0.172],
  ['qn-14', 'day', '20', 0.687, 0.714, 0.153, 0.177],
  ['qn-19', 'number', '04', 0.228, 0.268, 0.115, 0.139],
  ['qn-19', 'day', '05', 0.666, 0.706, 0.115, 0.141],
  ['qn-05', 'number', '16', 0.226, 0.268, 0.126, 0.15],
  ['qn-05', 'day', '27', 0.687, 0.728, 0.124, 0.15],
];

function crop(g: GrayImage, x0: number, x1: number, y0: number, y1: number): GrayImage {
  const a = Math.round(x0 * g.width), b = Math.round(x1 * g.width), c = Math.round(y0 * g.height), d = Math.round(y1 * g.height);
  const w = b - a, h = d - c, data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) data.set(g.data.subarray((y + c) * g.width + a, (y + c) * g.width + b), y * w);
  return { width: w, height: h, data };
}

const runs = new Map<string, DigitRun>();

beforeAll(async () => {
  await warmUpDigits();
  const pages = new Map<string, GrayImage>();
  for (const [doc, field, , ...f] of CROPS) {
    if (!pages.has(doc)) {
      for await (const p of pdfPages(new Uint8Array(readFileSync(path.join(DIR, `${doc}.pdf`))), { useTextLayer: false })) {
        if (p.kind === 'image') pages.set(doc, p.image);
        break;
      }
    }
    runs.set(`${doc} ${field}`, await readDigits(crop(pages.get(doc)!, f[0]!, f[1]!, f[2]!, f[3]!)));
  }
}, 120_000);

describe('handwritten numbers and days on real dev letters', () => {
  it('takes each expected value from the document\'s ground truth', () => {
    for (const [doc, field, want] of CROPS) {
      const truth = JSON.parse(readFileSync(path.join(DIR, `${doc}.json`), 'utf8')) as { number: string; documentDate: string };
      expect(want).toBe(field === 'number' ? truth.number : truth.documentDate.slice(8, 10));
    }
  });
  it('reads at least 10 of the 14 crops right', () => {
    const right = CROPS.filter(([doc, field, want]) => runs.get(`${doc} ${field}`)!.text === want);
    console.log(CROPS.map(([doc, field, want]) => {
      const r = runs.get(`${doc} ${field}`)!;
      return `${doc} ${field} ${want}: read "${r.text}" (${r.digits.map((d) => `${d.char} ${d.p.toFixed(3)}/${d.second.char} ${d.second.p.toFixed(3)}`).join(', ')}; rejected ${r.rejected})`;
    }).join('\n'));
    expect(right.length).toBeGreaterThanOrEqual(10);
  });
  it('gives no wrong reading with every digit at the trusted p', () => {
    const trustedWrong = CROPS.filter(([doc, field, want]) => {
      const r = runs.get(`${doc} ${field}`)!;
      return r.digits.length > 0 && r.confidence >= TRUST && r.text !== want;
    });
    expect(trustedWrong.map(([doc, field]) => `${doc} ${field}`)).toEqual([]);
  });
});
