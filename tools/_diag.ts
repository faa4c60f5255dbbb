import { readDigits, warmUpDigits } from '../shared/scans/adapters/ocr/digits';
import { heldOutFontCrops } from './digits-fonts';
import { rngOf } from './digits-data';
await warmUpDigits();
const crops = heldOutFontCrops(rngOf(20260105), 600);
const byFont = new Map<string, number>(); const kinds = new Map<string, number>();
for (const { label, font, crop } of crops) {
  const run = await readDigits(crop);
  if (run.text !== String(label)) {
    byFont.set(font, (byFont.get(font) ?? 0) + 1);
    const k = run.text.length === 0 ? 'none' : run.text.length > 1 ? 'several' : 'other digit';
    kinds.set(k, (kinds.get(k) ?? 0) + 1);
    if (k !== 'other digit') console.log(font.slice(12), label, JSON.stringify(run.text), run.rejected);
  }
}
console.log([...byFont].map(([f, n]) => `${f.slice(12)} ${n}`).join(', '));
console.log([...kinds]);
