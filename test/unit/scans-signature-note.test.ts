/** What the register keeps of a received PDF's signatures (the entry's note), and the office's trust list from its configuration. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { noteWithSignatures, signatureNote } from '../../shared/scans/domain/signatures';
import { incomingFromScan } from '../../shared/scans/domain/registration';
import type { ScanSignature } from '../../shared/scans/domain/model';
import { officeTrustList } from '../../shared/documents/verify';
import { pem, selfSignedSigner } from '../../shared/documents/index';
import { SIGNING_ENV } from '../../shared/documents/env';

const sig = (o: Partial<ScanSignature> = {}): ScanSignature => ({ signer: 'Sở Nội vụ', organisation: 'UBND tỉnh', signedAt: '2026-01-05T02:00:00.000Z', intact: true, chain: 'trusted', coversWholeDocument: true, ...o });

describe('the signature sentence of the entry note', () => {
  it.each([
    [sig(), 'Sở Nội vụ (UBND tỉnh) – nguyên vẹn, chứng thư số được tin cậy'],
    [sig({ intact: false }), 'Sở Nội vụ (UBND tỉnh) – KHÔNG nguyên vẹn (tệp bị sửa sau khi ký hoặc chữ ký hỏng), chứng thư số được tin cậy'],
    [sig({ chain: 'untrusted-root' }), 'Sở Nội vụ (UBND tỉnh) – nguyên vẹn, chứng thư số không do tổ chức được tin cậy cấp'],
    [sig({ chain: 'invalid', organisation: null }), 'Sở Nội vụ – nguyên vẹn, chứng thư số không hợp lệ'],
    [sig({ signer: null, organisation: null, intact: false, chain: 'invalid' }), 'không rõ người ký – chữ ký không đọc được'],
  ])('%o → “%s”', (s, words) => {
    expect(signatureNote([s])).toBe(`Bản gốc điện tử có 1 chữ ký số: ${words}.`);
  });
  it('none for an unsigned PDF or an image', () => {
    expect(signatureNote([])).toBeNull();
    expect(signatureNote(null)).toBeNull();
    expect(noteWithSignatures('ghi chú', [], 2000)).toBe('ghi chú');
    expect(noteWithSignatures(undefined, null, 2000)).toBeUndefined();
  });

  const arbSig = fc.record({
    signer: fc.option(fc.string({ minLength: 1, maxLength: 80 }), { nil: null }),
    organisation: fc.option(fc.string({ minLength: 1, maxLength: 80 }), { nil: null }),
    signedAt: fc.constant(null),
    intact: fc.boolean(),
    chain: fc.constantFrom('trusted' as const, 'untrusted-root' as const, 'invalid' as const),
    coversWholeDocument: fc.boolean(),
  });
  it('never exceeds the note’s limit, never cuts the clerk’s words, and names every signature when it fits', () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 300 }), { nil: null }), fc.array(arbSig, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2000 }), (own, sigs, limit) => {
        fc.pre((own ?? '').length <= limit);
        const note = noteWithSignatures(own, sigs, limit);
        if (note === own) return true; // nothing fitted: the clerk's note as given
        expect(note!.length).toBeLessThanOrEqual(limit);
        if (own?.trim()) expect(note!.startsWith(`${own.trim()}\n`)).toBe(true);
        expect(note).toMatch(`Bản gốc điện tử có ${sigs.length} chữ ký số`);
        return true;
      }),
    );
  });
  it('the short sentence counts the doubtful signatures when the full one does not fit', () => {
    const sigs = [sig(), sig({ intact: false }), sig({ chain: 'untrusted-root' })];
    const full = signatureNote(sigs)!;
    const own = 'x'.repeat(2000 - full.length);
    expect(noteWithSignatures(own, sigs, 2000)).toBe(`${own}\nBản gốc điện tử có 3 chữ ký số, 2 chữ ký cần lưu ý (không nguyên vẹn hoặc không được tin cậy); chi tiết trên bản quét.`);
    expect(noteWithSignatures('y'.repeat(1990), sigs, 2000)).toBe('y'.repeat(1990));
  });
  it('a registration from a signed scan carries the sentence in its note', () => {
    const fields = { numberSymbol: { value: '1-NQ/TU', confidence: 1 } } as never;
    expect(incomingFromScan({ scanId: 'S', fields, signatures: [sig()] }, {}).input.note).toBe('Bản gốc điện tử có 1 chữ ký số: Sở Nội vụ (UBND tỉnh) – nguyên vẹn, chứng thư số được tin cậy.');
    expect(incomingFromScan({ scanId: 'S', fields, signatures: [] }, { note: 'a' }).input.note).toBe('a');
    expect(incomingFromScan({ scanId: 'S', fields, signatures: null }, {}).input).not.toHaveProperty('note');
  });
});

describe('the office trust list', () => {
  const env = (vars: Record<string, string>) => ({ optional: (name: string) => vars[name] });
  it('is the office certificate (the signer’s only, not its intermediates), the configured PEM text and the roots file; not-certificates are reported', async () => {
    const [office, intermediate, root, fromFile] = await Promise.all([1, 2, 3, 4].map((i) => selfSignedSigner({ commonName: `C${i}`, organisation: 'O' }).then(async (s) => (await s.certificates())[0]!)));
    const dir = mkdtempSync(join(tmpdir(), 'scansig-trust-'));
    writeFileSync(join(dir, 'trusted-roots.pem'), pem('CERTIFICATE', fromFile!));
    const list = officeTrustList(
      env({
        [SIGNING_ENV.certificate]: pem('CERTIFICATE', office!) + pem('CERTIFICATE', intermediate!),
        [SIGNING_ENV.trustRoots]: pem('CERTIFICATE', root!) + pem('CERTIFICATE', new Uint8Array([1, 2, 3])),
        [SIGNING_ENV.dir]: dir,
      }),
    );
    expect(list.roots.map((r) => Buffer.from(r).toString('hex'))).toEqual([office, root, fromFile].map((r) => Buffer.from(r!).toString('hex')));
    expect(list.problems).toEqual([`${SIGNING_ENV.trustRoots} #2 is not an X.509 certificate`]);
    expect(officeTrustList(env({ [SIGNING_ENV.trustRoots]: 'not a PEM' })).problems).toEqual([`${SIGNING_ENV.trustRoots} holds no PEM certificate`]);
    expect(officeTrustList(env({})).roots).toEqual([]);
  });
});
