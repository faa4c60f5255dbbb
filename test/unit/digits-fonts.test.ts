/**
 * The split of the handwriting fonts into training and held-out fonts (tools/digits-fonts.ts):
 * fixed by a rule before any result was seen, recomputed here from the rule itself, so that a
 * change of the fonts or of the rule shows.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEV_ONLY, digitFonts, droppedFonts, fontPackages, splitFonts, TRAINING_ONLY, trainingFonts } from '../../tools/digits-fonts';

const all = Object.keys((JSON.parse(readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies)
  .filter((n) => n.startsWith('@fontsource/'));
/** The fonts of the split: all but those added later for training only or for dev letters only. */
const pkgs = all.filter((p) => !TRAINING_ONLY.includes(p) && !DEV_ONLY.includes(p));

describe('the handwriting fonts split', () => {
  it('holds out the third with the lowest SHA-256 of daumoi-digit-fonts-v1:<package>', () => {
    const hash = (p: string) => createHash('sha256').update(`daumoi-digit-fonts-v1:${p}`).digest('hex');
    const want = [...pkgs].sort((a, b) => hash(a).localeCompare(hash(b))).slice(0, Math.floor(pkgs.length / 3)).sort();
    const { train, heldOut } = splitFonts(fontPackages());
    expect([...heldOut].sort()).toEqual(want);
    expect(train.filter((p) => heldOut.includes(p))).toEqual([]);
    expect(train.length + heldOut.length).toBe(pkgs.length);
  });
  it('keeps the fonts added for training only out of the split, and trains on them', () => {
    const { train, heldOut, extra } = splitFonts(fontPackages());
    expect(TRAINING_ONLY.every((p) => all.includes(p))).toBe(true);
    expect([...extra].sort()).toEqual([...TRAINING_ONLY].sort());
    expect(extra.filter((p) => train.includes(p) || heldOut.includes(p))).toEqual([]);
  });
  it('keeps the dev-only fonts out of the split and out of training', () => {
    const { train, heldOut, extra, dev } = splitFonts(fontPackages());
    expect(DEV_ONLY.every((p) => all.includes(p))).toBe(true);
    expect([...dev].sort()).toEqual([...DEV_ONLY].sort());
    expect(dev.filter((p) => train.includes(p) || heldOut.includes(p) || extra.includes(p))).toEqual([]);
    const trained = trainingFonts().map((f) => f.pkg);
    expect(trained.filter((p) => DEV_ONLY.includes(p) || heldOut.includes(p))).toEqual([]);
    expect(trained.length).toBe(train.length + extra.length);
  });
  it('is the split the model was trained and measured with (45 fonts, these 15 held out)', () => {
    expect(pkgs.length).toBe(45);
    expect(splitFonts(fontPackages()).heldOut.map((p) => p.slice('@fontsource/'.length))).toEqual([
      'caveat', 'cedarville-cursive', 'covered-by-your-grace', 'dawning-of-a-new-day', 'gochi-hand', 'handlee', 'indie-flower',
      'just-another-hand', 'la-belle-aurore', 'loved-by-the-king', 'marck-script', 'nanum-pen-script', 'schoolbell', 'sriracha',
      'the-girl-next-door',
    ]);
  });
  it('every font has digits of its own (none drawn by the fallback), and none is dropped', () => {
    const { train, heldOut, extra, dev } = digitFonts();
    expect(droppedFonts).toEqual([]);
    expect(train.length).toBe(30);
    expect(heldOut.length).toBe(15);
    expect(extra.length).toBe(16);
    expect(dev.length).toBe(9);
  });
});
