/**
 * Handwritten numbers and days on real State letters (dev split of fixtures/real-scans only:
 * never qn-03, qn-08, qn-10). Each crop is the gap a reader would cut after "Số:" or after
 * "ngày" on page 1, as page fractions measured by eye on the dev pages (some hold a sliver of
 * the printed text beside the gap). The same model and thresholds for all: nothing is tuned per
 * crop. A handwritten digit can be misread, so the table asks for a share, and for no wrong
 * reading given with the trusted probability. The crops are committed as PNGs in
 * test/fixtures/digit-crops/ (cut from the dev PDFs with the fractions below; README there), so
 * the test reads nothing outside this repository.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDigits, warmUpDigits, type DigitRun } from '../../shared/scans/adapters/ocr/digits';
import type { GrayImage } from '../../shared/scans/adapters/ocr/image';
import { decodeToGray } from '../../shared/scans/adapters/ocr/image';

const DIR = path.join(__dirname, '../fixtures/digit-crops');
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

const runs = new Map<string, DigitRun>();

beforeAll(async () => {
  await warmUpDigits();
  for (const [doc, field] of CROPS) {
    const crop: GrayImage = await decodeToGray(new Uint8Array(readFileSync(path.join(DIR, `${doc}-${field}.png`))));
    runs.set(`${doc} ${field}`, await readDigits(crop));
  }
}, 120_000);

describe('handwritten numbers and days on real dev letters', () => {
  it('takes each expected value from the document\'s ground truth', () => {
    for (const [doc, field, want] of CROPS) {
      const truth = JSON.parse(readFileSync(path.join(DIR, `${doc}.json`), 'utf8')) as { number: string; documentDate: string };
      expect(want).toBe(field === 'number' ? truth.number : truth.documentDate.slice(8, 10));
    }
  });
  it('reads at least 13 of the 14 crops right', () => {
    const right = CROPS.filter(([doc, field, want]) => runs.get(`${doc} ${field}`)!.text === want);
    console.log(CROPS.map(([doc, field, want]) => {
      const r = runs.get(`${doc} ${field}`)!;
      return `${doc} ${field} ${want}: read "${r.text}" (${r.digits.map((d) => `${d.char} ${d.p.toFixed(3)}/${d.second.char} ${d.second.p.toFixed(3)}`).join(', ')}; rejected ${r.rejected})`;
    }).join('\n'));
    // Measured 13/14: qn-12's looped 2 rejected ("99", with the doubt of a rejected piece). The network fitted
    // without the fonts read 14/14; the one fitted on tfjs's cpu backend 12/14 (qn-12's looped 2 and qn-05's flagged 1).
    expect(right.length).toBeGreaterThanOrEqual(13);
  });
  it('gives no wrong reading with every digit at the trusted p and no piece it could not read', () => {
    // A piece the recogniser rejected may be a digit it could not read ("299" read "99"): the extractor
    // then gives the reading with doubt, never trusted (handwrittenNumber, handwrittenDate).
    const trustedWrong = CROPS.filter(([doc, field, want]) => {
      const r = runs.get(`${doc} ${field}`)!;
      return r.digits.length > 0 && r.confidence >= TRUST && !r.rejected && r.text !== want;
    });
    expect(trustedWrong.map(([doc, field]) => `${doc} ${field}`)).toEqual([]);
  });
});
