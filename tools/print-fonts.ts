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
import { FONT_FILES } from '../shared/documents/adapters/fonts';

export const SERIF = 'Tinos';
export const SANS = 'Arimo';
export const DEJAVU_SERIF = 'DejaVu Serif';
export const DEJAVU_SANS = 'DejaVu Sans';

// Registered once, when this module is first imported (the family names are the fonts' own).
const require = createRequire(import.meta.url);
// Tinos: the files the PDF renderer embeds.
for (const f of Object.values(FONT_FILES)) GlobalFonts.registerFromPath(require.resolve(f));
// Arimo: the same four styles, from its package of the same layout.
for (const style of ['400Regular', '400Regular_Italic', '700Bold', '700Bold_Italic']) GlobalFonts.registerFromPath(require.resolve(`@expo-google-fonts/arimo/${style}/Arimo_${style}.ttf`));
const dejavu = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
for (const f of readdirSync(dejavu)) if (/^DejaVu(Sans|Serif)(-(Bold|Oblique|Italic|BoldOblique|BoldItalic))?\.ttf$/.test(f)) GlobalFonts.registerFromPath(path.join(dejavu, f));
const missing = [SERIF, SANS, DEJAVU_SERIF, DEJAVU_SANS].filter((f) => !GlobalFonts.has(f));
if (missing.length) throw new Error(`fonts not registered: ${missing.join(', ')} (npm ci installs them)`);
