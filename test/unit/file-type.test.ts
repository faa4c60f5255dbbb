import { describe, expect, it } from 'vitest';
import { detectFileKind, detectScanKind, imageSize, pdfTruncationProblem, unreadableReason } from '../../shared/platform/files/file-type';

const bytes = (...xs: (number | string)[]): Uint8Array =>
  new Uint8Array(xs.flatMap((x) => (typeof x === 'string' ? Array.from(Buffer.from(x, 'latin1')) : [x])));

const PDF_HEAD = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n';
const PDF_OK = bytes(`${PDF_HEAD}xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${PDF_HEAD.length}\n%%EOF\n`);

describe('detectFileKind', () => {
  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF')],
    ['png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d)],
    ['tiff', bytes('II', 0x2a, 0, 8, 0, 0, 0)],
    ['tiff', bytes('MM', 0, 0x2a, 0, 0, 0, 8)],
    ['pdf', bytes('%PDF-1.7\n')],
    ['pdf', bytes('junk before %PDF-1.4\n')],
    ['gif', bytes('GIF89a', 0, 0)],
    ['zip', bytes('PK', 3, 4, 0, 0)],
    ['ole', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
    ['html', bytes('<!DOCTYPE html><html>')],
    ['text', bytes('hello, this is a plain text file\n')],
  ])('%s', (kind, b) => {
    expect(detectFileKind(b)).toBe(kind);
  });

  it('returns null for short or unknown bytes', () => {
    expect(detectFileKind(new Uint8Array())).toBeNull();
    expect(detectFileKind(bytes(0, 1))).toBeNull();
    expect(detectFileKind(bytes(0, 1, 2, 3, 0, 0xfe, 0xfd))).toBeNull();
  });

  it('detectScanKind reports only scan kinds', () => {
    expect(detectScanKind(bytes('GIF89a', 0))).toBeNull();
    expect(detectScanKind(bytes(0xff, 0xd8, 0xff, 0xdb))).toBe('jpeg');
  });
});

describe('truncated and unreadable files', () => {
  it('accepts a whole PDF', () => {
    expect(pdfTruncationProblem(PDF_OK)).toBeNull();
    expect(unreadableReason(PDF_OK)).toBeNull();
  });
  it('finds a PDF cut off before %%EOF', () => {
    const cut = PDF_OK.slice(0, PDF_OK.length - 30);
    expect(pdfTruncationProblem(cut)).toMatch(/truncated.*%%EOF/);
  });
  it('finds a PDF without a cross-reference', () => {
    const b = bytes('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');
    expect(pdfTruncationProblem(b)).toMatch(/startxref|xref/);
  });
  it('finds a startxref pointing nowhere', () => {
    const b = bytes('%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n9999\n%%EOF\n');
    expect(pdfTruncationProblem(b)).toMatch(/cross-reference|xref/);
  });
  it('reports empty, foreign and cut-off images', () => {
    expect(unreadableReason(new Uint8Array())).toMatch(/empty/);
    expect(unreadableReason(bytes('PK', 3, 4, 0, 0))).toMatch(/zip/);
    expect(unreadableReason(bytes(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3))).toMatch(/JPEG is truncated/);
    expect(unreadableReason(bytes(0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9))).toBeNull();
    expect(unreadableReason(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))).toMatch(/PNG is truncated/);
  });
});

describe('imageSize', () => {
  it('reads a PNG IHDR and a JPEG SOF0 header', () => {
    const png = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452000009b000000db608000000', 'hex'));
    expect(imageSize(png)).toEqual({ width: 2480, height: 3510 });
    // SOI, APP0 (length 16), SOF0: precision 8, height 0x0DB6 (3510), width 0x09B0 (2480).
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...new Array(14).fill(0), 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x0d, 0xb6, 0x09, 0xb0, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9]);
    expect(imageSize(jpeg)).toEqual({ width: 2480, height: 3510 });
  });
  it('gives null for other kinds and short headers', () => {
    expect(imageSize(new Uint8Array())).toBeNull();
    expect(imageSize(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(imageSize(new Uint8Array(Buffer.from('%PDF-1.4\n')))).toBeNull();
  });
});
