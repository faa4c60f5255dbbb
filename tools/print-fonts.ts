/**
 * The printed typefaces the digit model's samples, the letter generator and the tests draw
 * with, registered from npm packages rather than taken from the machine: a machine without
 * Debian's fonts-liberation drew "Liberation Serif" in a fallback whose "g" is single-storey (a
 * 9's shape), and four digit tests failed there though they passed where the font was
 * installed. Registering the files the project installs makes a drawing the same everywhere.
 *
 * - {@link SERIF}: Tinos, Times New Roman's shapes and metrics (what State and Party letters
 *   are set in; Liberation Serif 2 is drawn from it).
 * - {@link SANS}: Arimo, Arial's (Liberation Sans 2 is drawn from it).
 * - DejaVu Serif and DejaVu Sans under their own names (the files of Debian's fonts-dejavu-core,
 *   from the `dejavu-fonts-ttf` package): they have the precomposed Vietnamese letters.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

const pkgDir = (pkg: string) => path.dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));

export const SERIF = 'Tinos';
export const SANS = 'Arimo';
export const DEJAVU_SERIF = 'DejaVu Serif';
export const DEJAVU_SANS = 'DejaVu Sans';

const STYLES = ['400Regular', '400Regular_Italic', '700Bold', '700Bold_Italic'];

let done = false;

/** Registers the typefaces once per process (the family names are the fonts' own). */
export function registerPrintFonts(): void {
  if (done) return;
  for (const [pkg, family] of [['@expo-google-fonts/tinos', SERIF], ['@expo-google-fonts/arimo', SANS]] as const) {
    for (const style of STYLES) GlobalFonts.registerFromPath(path.join(pkgDir(pkg), style, `${family}_${style}.ttf`));
  }
  const dejavu = path.join(pkgDir('dejavu-fonts-ttf'), 'ttf');
  for (const f of readdirSync(dejavu)) if (/^DejaVu(Sans|Serif)(-(Bold|Oblique|Italic|BoldOblique|BoldItalic))?\.ttf$/.test(f)) GlobalFonts.registerFromPath(path.join(dejavu, f));
  const missing = [SERIF, SANS, DEJAVU_SERIF, DEJAVU_SANS].filter((f) => !GlobalFonts.has(f));
  if (missing.length) throw new Error(`fonts not registered: ${missing.join(', ')} (npm ci installs them)`);
  done = true;
}

registerPrintFonts();
