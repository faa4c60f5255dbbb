/**
 * The one S3 presigner (shared/platform/aws/presign.ts), used by the scans' blob store and the
 * report attachments: what a PUT URL signs (type, length and, for a one-time upload,
 * If-None-Match) is what the client is told to send; a GET URL can name the download.
 * Presigning is local: no S3 is reached.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, presignGet, presignPut } from '../../shared/platform/aws/presign';

const s3 = new S3Client({ region: 'ap-southeast-1', endpoint: 'http://127.0.0.1:4569', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
const signedHeaders = (url: string) => new URL(url).searchParams.get('X-Amz-SignedHeaders')?.split(';');

describe('presignPut', () => {
  it('signs the content type and length, and tells the client to send them', async () => {
    const put = await presignPut(s3, 'daumoi-scans', 'scans/01J', { contentType: 'image/png', contentLength: 1234, expiresInSeconds: 900 });
    expect(new URL(put.url).pathname).toBe('/daumoi-scans/scans/01J');
    expect(new URL(put.url).searchParams.get('X-Amz-Expires')).toBe('900');
    expect(signedHeaders(put.url)).toEqual(['content-length', 'content-type', 'host']);
    expect(put.headers).toEqual({ 'content-type': 'image/png', 'content-length': '1234' });
  });

  it('a one-time upload signs If-None-Match: * as well', async () => {
    const put = await presignPut(s3, 'daumoi-scans', 'reports/01J/a.pdf', { contentType: 'application/pdf', contentLength: 10, expiresInSeconds: 60, once: true });
    expect(signedHeaders(put.url)).toEqual(['content-length', 'content-type', 'host', 'if-none-match']);
    expect(put.headers).toEqual({ 'content-type': 'application/pdf', 'content-length': '10', 'if-none-match': '*' });
  });
});

describe('presignGet', () => {
  it('names the download when asked, and only then', async () => {
    const named = new URL(await presignGet(s3, 'daumoi-scans', 'reports/x', { expiresInSeconds: 60, downloadAs: 'Báo cáo "tháng".pdf' }));
    expect(named.searchParams.get('response-content-disposition')).toBe(attachmentDisposition('Báo cáo "tháng".pdf'));
    const plain = new URL(await presignGet(s3, 'daumoi-scans', 'reports/x', { expiresInSeconds: 60 }));
    expect(plain.searchParams.has('response-content-disposition')).toBe(false);
  });
});

describe('attachmentDisposition', () => {
  it.each([
    ['bao-cao.pdf', `attachment; filename="bao-cao.pdf"; filename*=UTF-8''bao-cao.pdf`],
    ['Báo cáo.pdf', `attachment; filename="B_o c_o.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o.pdf`],
    ['a"b\\c.pdf', `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`],
  ])('%j', (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });
});
