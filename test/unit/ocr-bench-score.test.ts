/**
 * The OCR bench's scoring (bench/ocr-score.ts): each field's comparison, what counts as given
 * and as high-confidence, secret documents read as not secret, and a part's figures.
 */
import { describe, expect, it } from 'vitest';
import { bodyCer, scoreDoc, scoreField, summarise, type BenchField, type ReadField } from '../../bench/lib/ocr-score';
import type { Expected } from '../../bench/lib/ocr-truth';

const party: Expected = {
  id: 's3-001',
  file: 's3-001.jpg',
  format: 'jpg',
  pages: 1,
  truthFormat: 'party-synthetic',
  numberSymbol: '25-QĐi/UBKTTU',
  typeCode: 'QĐi',
  documentDate: '2025-02-25',
  issuer: { by: 'code', value: 'UBKTTU' },
  subject: 'về công tác văn thư, lưu trữ',
  secrecy: 'mat',
  urgency: null,
  bodyText: 'Điều 1. Văn phòng cấp ủy.',
};
const real: Expected = { ...party, id: 'qn-12', truthFormat: 'state-real', numberSymbol: '299/UBND-TTHC', typeCode: 'CV', issuer: { by: 'name', value: 'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI' }, secrecy: null, urgency: 'hoa-toc', bodyText: null };

const f = (value: unknown, confidence = 0.95, reason?: string): ReadField => ({ value, confidence, ...(reason ? { reason } : {}) });

describe('scoreField', () => {
  it.each<[string, BenchField, ReadField | undefined, Expected, { ok: boolean; given: boolean; high: boolean }]>([
    ['number-symbol exact', 'numberSymbol', f('25-QĐi/UBKTTU'), party, { ok: true, given: true, high: true }],
    ['number-symbol: another document cited in the body', 'numberSymbol', f('71/2016/NĐ-CP', 0.93), party, { ok: false, given: true, high: true }],
    ['number-symbol NFD equals NFC', 'numberSymbol', f('25-QĐi/UBKTTU'.normalize('NFD')), party, { ok: true, given: true, high: true }],
    ['type code is case-sensitive (QĐi is not QĐ)', 'typeCode', f('QĐ'), party, { ok: false, given: true, high: true }],
    ['date exact', 'documentDate', f('2025-02-25', 0.8), party, { ok: true, given: true, high: false }],
    ['null value: not given, not high whatever its confidence', 'documentDate', f(null, 0.99, 'handwritten'), party, { ok: false, given: false, high: false }],
    ['empty string is null', 'subject', f('', 0.99), party, { ok: false, given: false, high: false }],
    ['field missing from the reader', 'documentDate', undefined, party, { ok: false, given: false, high: false }],
    ['Party issuer by code', 'issuer', f('UBKTTU'), party, { ok: true, given: true, high: true }],
    ['State issuer by printed name, case and tone placement aside', 'issuer', f('Uỷ ban nhân dân tỉnh Quảng Ngãi'), real, { ok: true, given: true, high: true }],
    ['State issuer: the second line alone is wrong', 'issuer', f('TỈNH QUẢNG NGÃI'), real, { ok: false, given: true, high: true }],
    ['subject: case, spaces, end punctuation aside', 'subject', f('Về  công tác văn thư, lưu trữ.', 0.85), party, { ok: true, given: true, high: false }],
    ['subject cut short', 'subject', f('về công tác văn thư', 0.85), party, { ok: false, given: true, high: false }],
    ['secrecy right', 'secrecy', f('mat'), party, { ok: true, given: true, high: true }],
    ['secrecy: confident "no mark" on a secret letter is given, high and wrong', 'secrecy', f(null, 0.95), party, { ok: false, given: true, high: true }],
    ['urgency "no mark" right', 'urgency', f(null, 0.9), party, { ok: true, given: true, high: true }],
    ['urgency read from a State letter', 'urgency', f('hoa-toc', 0.5), real, { ok: true, given: true, high: false }],
  ])('%s', (_, field, read, exp, want) => {
    const s = scoreField(field, read, exp);
    expect({ ok: s.ok, given: s.given, high: s.high }).toEqual(want);
  });

  it('keeps the reason a null value gives', () => {
    expect(scoreField('documentDate', f(null, 0.2, 'handwritten'), party).reason).toBe('handwritten');
  });
});

const allRight = {
  numberSymbol: f('25-QĐi/UBKTTU'),
  typeCode: f('QĐi'),
  documentDate: f('2025-02-25'),
  issuerCode: f('UBKTTU'),
  issuer: f('ỦY BAN KIỂM TRA'),
  subject: f('về công tác văn thư, lưu trữ', 0.85),
  secrecy: f('mat'),
  urgency: f(null),
};

describe('scoreDoc and summarise', () => {
  it('a secret letter whose secrecy is null with a reason stays read as not secret, and is listed as left to the clerk', () => {
    const unsure = scoreDoc(party, { fields: { ...allRight, secrecy: { value: null, confidence: 0.4, reason: 'possibly secret' } }, text: 'x', pages: 1, ms: 1 });
    expect(unsure.secretReadAsNotSecret).toBe(true);
    const s = summarise('scans-2', 'dev', [unsure], 1000);
    expect(s.secret.readAsNotSecret).toEqual(['s3-001']);
    expect(s.secretLeftToClerk).toEqual(['s3-001']);
  });

  it('a secret letter read as not secret is counted and named; a read failure is not', () => {
    const missed = scoreDoc(party, { fields: { ...allRight, secrecy: f(null, 0.6) }, text: 'Điều 1. Văn phòng cấp ủy.', pages: 1, ms: 1000 });
    const failed = scoreDoc({ ...party, id: 's3-002' }, { error: 'unreadable', ms: 10 });
    const fine = scoreDoc({ ...party, id: 's3-003' }, { fields: allRight, text: 'x Điều 1. Văn phòng cấp ủy. y', pages: 1, ms: 1000 });
    expect([missed.secretReadAsNotSecret, failed.secretReadAsNotSecret, fine.secretReadAsNotSecret]).toEqual([true, false, false]);
    const s = summarise('scans-2', 'dev', [missed, failed, fine], 4000);
    expect(s.secret).toEqual({ docs: 3, readAsNotSecret: ['s3-001'] });
    expect(s.secretLeftToClerk).toEqual([]);
    expect(s.errors).toEqual(['s3-002']);
    expect(s.fields.secrecy).toEqual({ ok: 1, of: 3, given: 3, high: 1, highRight: 1 });
    expect(s.fields.numberSymbol).toEqual({ ok: 2, of: 3, given: 2, high: 2, highRight: 2 });
    // Coverage: 5 value fields × 3 documents, the failed one gives none.
    expect(s.coverage).toEqual({ right: 10, of: 15 });
    // High: 4 exact fields ≥ 0.9 on two documents, secrecy on one, urgency "no mark" on two (subject 0.85 is not high); the failed one gives none.
    expect(s.highConfidence).toEqual({ right: 11, of: 11 });
    expect(s.pages).toBe(3);
    expect(s.sPerPage).toBeCloseTo(4 / 3);
    expect(s.cer).toEqual({ docs: 2, pooled: 0, mean: 0, worst: 0 });
  });

  it('high-confidence precision counts confident wrong answers', () => {
    const wrong = scoreDoc(party, { fields: { ...allRight, numberSymbol: f('10-NQ/TU', 0.95), documentDate: f(null, 0.1, 'handwritten') }, text: '', pages: 1, ms: 1 });
    const s = summarise('x', 'dev', [wrong], 1);
    // High: number (wrong), type, issuer code, secrecy, urgency "no mark"; the null date is not given, the subject at 0.85 not high.
    expect(s.highConfidence).toEqual({ right: 4, of: 5 });
    expect(s.coverage).toEqual({ right: 4, of: 5 });
  });

  it('no body truth: no CER', () => {
    const d = scoreDoc(real, { fields: {}, text: 'anything', pages: 2, ms: 1 });
    expect(d.cer).toBeNull();
    expect(summarise('real-scans', 'dev', [d], 1).cer).toBeNull();
  });
});

describe('bodyCer', () => {
  it.each([
    ['Điều 1. Văn phòng.', 'Header\nĐiều 1.   Văn phòng.\nNơi nhận', 0],
    ['abcd', 'xxabxdyy', 0.25],
    ['', 'anything', 0],
  ])('%j in %j → %f', (body, text, cer) => {
    expect(bodyCer(body, text)).toBeCloseTo(cer);
  });
});
