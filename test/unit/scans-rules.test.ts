import { describe, expect, it } from 'vitest';
import type { Caller } from '../../shared/platform/security';
import { MAX_SCAN_BYTES, type Scan, type ScanFields } from '../../shared/scans/domain/model';
import { cannotStartJob, jobKeyOf, mustQuarantine, quarantineMessage, SCAN_MOVES, scanVisibility, treatedSecrecy, uploadProblem } from '../../shared/scans/domain/rules';
import { incomingFromScan } from '../../shared/scans/domain/registration';

const caller = (over: Partial<Caller>): Caller => ({ sub: 'u-1', username: 'u', roles: ['chuyen-vien'], clearance: 'none', ...over });
const field = <T>(value: T | null, confidence = 0.9) => ({ value, confidence });

describe('scan status machine', () => {
  it('lets a new upload start a job from every status but quarantined, and never once registered', () => {
    expect(cannotStartJob({ status: 'awaiting-upload', entryId: null })).toBeNull();
    expect(cannotStartJob({ status: 'failed', entryId: null })).toBeNull();
    expect(cannotStartJob({ status: 'done', entryId: null })).toBeNull();
    expect(cannotStartJob({ status: 'quarantined', entryId: null })).toMatch(/quarantined/);
    expect(cannotStartJob({ status: 'done', entryId: 'E1' })).toMatch(/registered/);
    expect(SCAN_MOVES.quarantined).toEqual([]);
  });
});

describe('job key', () => {
  it('is the same for the same object version and differs for another', () => {
    const a = jobKeyOf('S1', { versionId: 'v1', etag: 'e1' });
    expect(jobKeyOf('S1', { versionId: 'v1', etag: 'other' })).toBe(a);
    expect(jobKeyOf('S1', { versionId: 'v2', etag: 'e1' })).not.toBe(a);
    expect(jobKeyOf('S1', { etag: '"abc"' })).toBe(jobKeyOf('S1', { etag: 'abc' }));
    expect(() => jobKeyOf('S1', {})).toThrow(/no version/);
  });
});

describe('upload checks', () => {
  it('refuses an empty file, one over 50 MB, and one whose size differs from the announced size', () => {
    expect(uploadProblem({ size: 0, declaredType: 'image/png', detected: null })?.code).toBe('EMPTY_FILE');
    expect(uploadProblem({ size: MAX_SCAN_BYTES + 1, declaredType: 'image/png', detected: 'png' })?.code).toBe('TOO_LARGE');
    expect(uploadProblem({ size: 10, declaredSize: 11, declaredType: 'image/png', detected: 'png' })?.code).toBe('SIZE_MISMATCH');
  });

  it('refuses a file that is not an image or PDF, and one that is not the declared type', () => {
    const notScan = uploadProblem({ size: 10, declaredType: 'image/jpeg', detected: 'zip' });
    expect(notScan?.code).toBe('NOT_A_SCAN');
    expect(notScan?.reason).toMatch(/zip/);
    expect(uploadProblem({ size: 10, declaredType: 'image/jpeg', detected: null })?.code).toBe('NOT_A_SCAN');
    const mismatch = uploadProblem({ size: 10, declaredType: 'image/jpeg', detected: 'pdf' });
    expect(mismatch).toEqual({ code: 'TYPE_MISMATCH', reason: expect.stringMatching(/image\/jpeg.*application\/pdf/) });
  });

  it('accepts a file whose first bytes are the declared type', () => {
    expect(uploadProblem({ size: 10, declaredType: 'application/pdf', detected: 'pdf' })).toBeNull();
    expect(uploadProblem({ size: 10, declaredType: 'image/tiff', detected: 'image/tiff' })).toBeNull();
  });
});

describe('secrecy guard', () => {
  it('quarantines Tối mật and Tuyệt mật, not Mật or unmarked', () => {
    expect(mustQuarantine('toi-mat')).toBe(true);
    expect(mustQuarantine('tuyet-mat')).toBe(true);
    expect(mustQuarantine('mat')).toBe(false);
    expect(mustQuarantine(null)).toBe(false);
  });

  it('tells the clerk to register metadata only', () => {
    const m = quarantineMessage('tuyet-mat', 'deleted');
    expect(m).toMatch(/TUYỆT MẬT/);
    expect(m).toMatch(/metadata only/);
    expect(m).toMatch(/deleted/);
  });
});

describe('scan visibility', () => {
  const scan = { secrecy: 'mat' as const, createdBy: { sub: 'clerk', username: 'vanthu' }, entryId: null, fields: null };
  it('shows everything when the clearance covers the secrecy', () => {
    expect(scanVisibility(caller({ clearance: 'mat' }), scan)).toBe('full');
    expect(scanVisibility(caller({ clearance: 'none' }), { ...scan, secrecy: null })).toBe('full');
  });
  it('shows the uploader and the clerks a summary only, and nobody else anything', () => {
    expect(scanVisibility(caller({ sub: 'clerk' }), scan)).toBe('summary');
    expect(scanVisibility(caller({ roles: ['van-thu'] }), { ...scan, secrecy: 'toi-mat' })).toBe('summary');
    expect(scanVisibility(caller({ clearance: 'none' }), scan)).toBe('none');
  });

  // OCR found no mark but could not tell it is absent (value null with a reason), or read none at all.
  const unsure = { value: null, confidence: 0.4, reason: 'possibly secret: ink in the header zone OCR could not read' };
  const noMark = { value: null, confidence: 0.95 };
  const fieldsWith = (secrecy: typeof unsure | typeof noMark) => ({ secrecy }) as never;
  it.each([
    ['unsure, not registered', { secrecy: null, entryId: null, fields: fieldsWith(unsure) }, 'mat'],
    ['unsure, registered by the clerk as not secret', { secrecy: null, entryId: 'E1', fields: fieldsWith(unsure) }, null],
    ['no mark read with confidence', { secrecy: null, entryId: null, fields: fieldsWith(noMark) }, null],
    ['not read yet', { secrecy: null, entryId: null, fields: null }, null],
    ['Mật read', { secrecy: 'mat' as const, entryId: null, fields: fieldsWith(unsure) }, 'mat'],
    ['Tối mật on the registered entry', { secrecy: 'toi-mat' as const, entryId: 'E2', fields: fieldsWith(noMark) }, 'toi-mat'],
  ])('treats a scan %s as %s', (_name, s, expected) => {
    expect(treatedSecrecy(s)).toBe(expected);
  });
  it('hides an unsure scan from a reader without clearance until a clerk decides, and shows it to one with Mật', () => {
    const unsureScan = { ...scan, secrecy: null, fields: fieldsWith(unsure) };
    expect(scanVisibility(caller({ clearance: 'none' }), unsureScan)).toBe('none');
    expect(scanVisibility(caller({ clearance: 'mat' }), unsureScan)).toBe('full');
    expect(scanVisibility(caller({ clearance: 'none' }), { ...unsureScan, entryId: 'E1' })).toBe('full');
  });
});

describe('register proposal', () => {
  const fields = {
    numberSymbol: field('141-KL/ĐUK'),
    typeCode: field('KL'),
    issuer: field('ĐẢNG ỦY KHỐI DOANH NGHIỆP'),
    issuerCode: field('ĐUK'),
    place: field('Đà Nẵng'),
    documentDate: field('2024-02-16'),
    subject: field('về tình hình công tác văn phòng', 0.5),
    secrecy: field(null),
    urgency: field('khan'),
    signer: field('Phạm Minh Khánh'),
    recipients: field(['Văn phòng Thành ủy']),
  } as ScanFields;

  it('takes the extracted fields, and the clerk’s corrections over them', () => {
    const { input, missing } = incomingFromScan({ scanId: 'S1', fields }, { subject: 'về công tác văn phòng cấp ủy', urgency: null, handler: 'chuyenvien' });
    expect(missing).toEqual([]);
    expect(input).toMatchObject({
      numberSymbol: '141-KL/ĐUK',
      typeCode: 'KL',
      documentDate: '2024-02-16',
      subject: 'về công tác văn phòng cấp ủy',
      urgency: null,
      secrecy: null,
      scanId: 'S1',
      handler: 'chuyenvien',
    });
    expect(input.recipients).toBeUndefined();
  });

  it('lists the required fields neither OCR nor the clerk gave', () => {
    const { missing } = incomingFromScan({ scanId: 'S1', fields: { ...fields, numberSymbol: field(null), documentDate: field('') } }, {});
    expect(missing).toEqual(['numberSymbol', 'documentDate']);
    expect(incomingFromScan({ scanId: 'S1', fields: null as unknown as Scan['fields'] }, {}).missing).toHaveLength(5);
  });
});
