import fs from 'node:fs';
import { extractFields } from '/work/main/shared/domain/extract';
import { stripDiacritics } from '/work/main/shared/domain/vietnamese';
const dir = '/work/shared/fixtures/scans';
for (const f of fs.readdirSync(dir).filter((f) => /^s1-\d+\.json$/.test(f))) {
  const d = JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8'));
  for (const variant of ['orig', 'nodia']) {
    const t = variant === 'orig' ? d.fullText : stripDiacritics(d.fullText);
    const { fields } = extractFields(t);
    const v = (k: string) => fields[k]?.value;
    const exp: Record<string, unknown> = { numberSymbol: d.numberSymbol, typeCode: d.typeCode, issuerCode: d.issuerCode, documentDate: d.date, subject: variant === 'orig' ? d.subject : stripDiacritics(d.subject), place: variant==='orig'?d.place:stripDiacritics(d.place), signer: variant==='orig'?d.signerName:stripDiacritics(d.signerName), signingCapacity: variant==='orig'?d.signingCapacity:d.signingCapacity&&stripDiacritics(d.signingCapacity), signerTitle: variant==='orig'?d.signerTitle:stripDiacritics(d.signerTitle), issuer: variant==='orig'?d.issuer:stripDiacritics(d.issuer) };
    const bad: string[] = [];
    for (const [k, e] of Object.entries(exp)) if (JSON.stringify(v(k)) !== JSON.stringify(e)) bad.push(`${k}: got ${JSON.stringify(v(k))} want ${JSON.stringify(e)}`);
    const rec = variant === 'orig' ? d.recipients : d.recipients.map(stripDiacritics);
    if (JSON.stringify(v('recipients')) !== JSON.stringify(rec)) bad.push(`recipients: got ${JSON.stringify(v('recipients'))} want ${JSON.stringify(rec)}`);
    console.log(f, variant, bad.length ? '\n   ' + bad.join('\n   ') : 'OK', 'sec', v('secrecy'), d.secrecy, 'urg', v('urgency'), d.urgency);
  }
}
