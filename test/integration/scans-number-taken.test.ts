/**
 * The scan reader's cross-check of a handwritten number against the incoming register (issue 14,
 * point 4), on DynamoDB Local and s3rver through the composed scans module (scansModule wires the
 * registers' answer in): a letter registered from one issuer with a number makes a handwritten
 * reading of the same number from that issuer, on another letter (another date), null with the
 * reason; another issuer, the same letter again, and a printed number stay as read. A secret
 * entry's number counts, and nothing of that entry reaches the scan.
 *
 * The OCR engine stands in (its digit recogniser is tested on real scans elsewhere): its fields
 * are those the extractor gives a number read by the digit recogniser (reason "handwritten: …").
 */
import { describe, expect, it } from 'vitest';
import { useEmbeddedEnv } from '../support/integration';

useEmbeddedEnv();
const { officeParts } = await import('../support/parts');
const { scansModule } = await import('../../shared/scans/index');
import type { ScanReader } from '../../shared/scans/index';
import type { Caller } from '../../shared/platform/security';

const clerk: Caller = { sub: 'user-vanthu', username: 'vanthu', roles: ['van-thu'], clearance: 'mat' };
const lowClerk: Caller = { sub: 'user-vanthu-2', username: 'vanthu2', roles: ['van-thu'], clearance: 'none' };
/** Numbers of this run only: other files share DynamoDB Local. */
const base = 10_000 + Math.floor(Math.random() * 80_000);
const YEAR = new Date().getUTCFullYear() - 1;
const day = (md: string) => `${YEAR}-${md}`;

const HAND_REASON = 'handwritten: read by the digit recogniser; check it on the page';
const f = <T>(value: T | null, confidence = 0.95, reason?: string | null) => ({ value, confidence, ...(reason ? { reason } : {}) });

/** A reader that reads every file as a State công văn with this number-symbol and date. */
/** `reason` null: a printed number (no handwriting reason). */
function reader(numberSymbol: string, documentDate: string, reason: string | null = HAND_REASON): ScanReader {
  return {
    detectType: () => 'pdf',
    read: async () => ({ engine: 'stand-in', pages: [{ text: `Số: ${numberSymbol}\nV/v triển khai công tác năm`, confidence: 0.9 }] }),
    isUnreadable: () => false,
    extract: () => ({
      fields: {
        numberSymbol: f(numberSymbol, reason ? 0.8 : 0.93, reason),
        typeCode: f('CV'),
        issuer: f('ỦY BAN NHÂN DÂN TỈNH'),
        issuerCode: f('UBND'),
        place: f('Quảng Ngãi'),
        documentDate: f(documentDate, 0.85),
        subject: f('V/v triển khai công tác năm'),
        secrecy: f<never>(null),
        urgency: f<never>(null),
        signer: f('Nguyễn Văn An'),
        recipients: f<string[]>([]),
      },
      lowConfidence: [],
    }),
  };
}

/** Uploads a stand-in file and reads it with `r` through the composed scans module; the scan as the clerk sees it. */
async function readWith(r: ScanReader) {
  const parts = officeParts();
  const { scans } = scansModule(parts.platform, { audit: parts.audit, registers: parts.registers, blobs: parts.blobs, reader: () => r });
  const { scanId } = await scans.createUpload({ fileName: 'cong-van.pdf', contentType: 'application/pdf', size: 17 }, clerk);
  await parts.blobs.put(`scans/${scanId}`, '%PDF-1.4 stand-in', 'application/pdf');
  const outcome = await scans.processUpload({ bucket: null, key: `scans/${scanId}`, size: 17, etag: `e-${scanId}`, versionId: null, sequencer: null });
  expect(outcome.outcome).toBe('done');
  return (await scans.view(scanId, clerk)) as unknown as { fields: Record<string, { value: unknown; confidence: number; reason?: string }>; lowConfidence: string[] };
}

async function register(numberSymbol: string, documentDate: string, over: Record<string, unknown> = {}) {
  const body = { numberSymbol, documentDate, issuer: 'Ủy ban nhân dân tỉnh', typeCode: 'CV', subject: 'về việc triển khai công tác năm', secrecy: null, urgency: null, ...over };
  return officeParts().registers.registerIncoming(body as never, { actor: clerk });
}

describe('a handwritten number the register already holds from that issuer', () => {
  const n = base;
  it('on another letter (another date): null, with the reason the clerk sees', async () => {
    await register(`${n}/UBND-VP`, day('03-10'));
    const scan = await readWith(reader(`${n}/UBND-VP`, day('04-02')));
    expect(scan.fields.numberSymbol!.value).toBeNull();
    expect(scan.fields.numberSymbol!.confidence).toBeLessThan(0.5);
    expect(scan.fields.numberSymbol!.reason).toMatch(/^handwritten/);
    expect(scan.fields.numberSymbol!.reason).toContain(`${n}/UBND-VP`);
    expect(scan.fields.numberSymbol!.reason).toMatch(/sổ văn bản đến/);
    expect(scan.lowConfidence).toContain('numberSymbol');
  });

  it('from another issuer, the same number: untouched', async () => {
    const scan = await readWith(reader(`${n}/BYT-KHTC`, day('04-02')));
    expect(scan.fields.numberSymbol).toMatchObject({ value: `${n}/BYT-KHTC`, reason: HAND_REASON });
  });

  it('the same letter arriving again (same symbol and date): untouched', async () => {
    const scan = await readWith(reader(`${n}/UBND-VP`, day('03-10')));
    expect(scan.fields.numberSymbol).toMatchObject({ value: `${n}/UBND-VP`, reason: HAND_REASON });
  });

  it('the same number in another year: untouched', async () => {
    const scan = await readWith(reader(`${n}/UBND-VP`, `${YEAR - 1}-04-02`));
    expect(scan.fields.numberSymbol!.value).toBe(`${n}/UBND-VP`);
  });

  it('a printed number (not handwritten) is the issuer’s own: untouched', async () => {
    const scan = await readWith(reader(`${n}/UBND-VP`, day('04-02'), null));
    expect(scan.fields.numberSymbol!.value).toBe(`${n}/UBND-VP`);
  });

  it('a secret entry’s number counts, and nothing of the entry reaches the scan', async () => {
    const m = n + 1;
    const secretSubject = 'về việc phương án bảo vệ mục tiêu trọng yếu';
    const { entry } = await register(`${m}/UBND-NC`, day('05-06'), { secrecy: 'mat', subject: secretSubject });
    // A clerk who may not see it still cannot read it…
    await expect(officeParts().registers.getIncoming(entry.id, lowClerk)).rejects.toMatchObject({ status: 404 });
    const scan = await readWith(reader(`${m}/UBND-NC`, day('05-20')));
    expect(scan.fields.numberSymbol!.value).toBeNull();
    const shown = JSON.stringify(scan);
    expect(shown).not.toContain(entry.id);
    expect(shown).not.toContain(secretSubject);
    expect(shown).not.toContain(day('05-06'));
  });
});
