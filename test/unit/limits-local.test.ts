/**
 * Limits of the embedded runtime (issue 11 part 3): the API listens on 127.0.0.1 unless HOST
 * says otherwise, and the embedded S3 checks a presigned URL's SigV4 signature as S3 does, so a
 * PUT with another length or content type than the URL was signed for is refused.
 */
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { gatewayHost, listenOn } from '../../local/listen';
import { presignedV4Problem } from '../../local/s3-sigv4';

describe('the embedded API address', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  });
  const serve = async (host: string) => {
    const s = http.createServer((_q, res) => res.end('ok'));
    servers.push(s);
    return listenOn(s, 0, host);
  };
  const connects = (host: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const c = net.connect({ host, port });
      c.once('connect', () => (c.destroy(), resolve(true)));
      c.once('error', () => resolve(false));
    });

  it('is 127.0.0.1 without HOST, and what HOST says otherwise', () => {
    expect(gatewayHost(undefined, {})).toBe('127.0.0.1');
    expect(gatewayHost(undefined, { HOST: '' })).toBe('127.0.0.1');
    expect(gatewayHost(undefined, { HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(gatewayHost('::1', { HOST: '0.0.0.0' })).toBe('::1');
  });

  it('listens on loopback only by default, and the printed URL reaches it', async () => {
    const l = await serve(gatewayHost(undefined, {}));
    expect(l.address).toBe('127.0.0.1');
    expect(l.url).toBe(`http://127.0.0.1:${l.port}`);
    expect(await (await fetch(l.url)).text()).toBe('ok');
    // Not on the IPv6 loopback nor on any other interface of this machine.
    const others = Object.values((await import('node:os')).networkInterfaces())
      .flat()
      .filter((i) => i && i.family === 'IPv4' && !i.internal)
      .map((i) => i!.address);
    for (const addr of ['::1', ...others]) expect(await connects(addr, l.port)).toBe(false);
  });

  it('listens on every interface with HOST=0.0.0.0, and the URL still works', async () => {
    const l = await serve(gatewayHost(undefined, { HOST: '0.0.0.0' }));
    expect(l.address).toBe('0.0.0.0');
    expect(l.url).toBe(`http://127.0.0.1:${l.port}`);
    expect(await (await fetch(l.url)).text()).toBe('ok');
  });
});

describe('presigned URL signatures (the embedded S3 checks them as S3 does)', () => {
  const s3 = new S3Client({ region: 'ap-southeast-1', endpoint: 'http://127.0.0.1:4569', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const secretOf = (id: string) => (id === 'S3RVER' ? 'S3RVER' : undefined);
  const presign = (key: string, type: string, length: number) =>
    getSignedUrl(s3, new PutObjectCommand({ Bucket: 'daumoi-scans', Key: key, ContentType: type, ContentLength: length }), {
      expiresIn: 900,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
  const requestOf = (url: string, headers: Record<string, string>) => {
    const u = new URL(url);
    return { method: 'PUT', url: `${u.pathname}${u.search}`, headers: { host: u.host, ...headers } };
  };

  it('signs the length and the type, and accepts exactly what was signed', async () => {
    const url = await presign('scans/01ABC', 'application/pdf', 1234);
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(await presignedV4Problem(requestOf(url, { 'content-type': 'application/pdf', 'content-length': '1234' }), secretOf)).toBeNull();
  });

  it('refuses any other length, any other type, a missing header and a changed key', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 50 * 1024 * 1024 }), fc.integer({ min: 1, max: 50 * 1024 * 1024 }), async (signed, sent) => {
        fc.pre(signed !== sent);
        const url = await presign('scans/01ABC', 'image/png', signed);
        expect(await presignedV4Problem(requestOf(url, { 'content-type': 'image/png', 'content-length': String(sent) }), secretOf)).toMatch(/signature does not match/);
      }),
      { numRuns: 25 },
    );
    const url = await presign('scans/01ABC', 'image/png', 10);
    expect(await presignedV4Problem(requestOf(url, { 'content-type': 'image/jpeg', 'content-length': '10' }), secretOf)).toMatch(/does not match/);
    expect(await presignedV4Problem(requestOf(url, { 'content-type': 'image/png' }), secretOf)).toMatch(/content-length not sent/);
    expect(await presignedV4Problem(requestOf(url.replace('01ABC', '01ABD'), { 'content-type': 'image/png', 'content-length': '10' }), secretOf)).toMatch(/does not match/);
    expect(await presignedV4Problem(requestOf(url, { 'content-type': 'image/png', 'content-length': '10' }), () => 'other-secret')).toMatch(/does not match/);
  });
});
