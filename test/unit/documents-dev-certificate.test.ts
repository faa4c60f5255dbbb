/**
 * The dev stage's certificate made at deploy: a self-signed X.509 certificate for a key that signs
 * elsewhere (KMS), built by selfSignedCertificateFor. Tested with the local signer (the same code
 * path: a Signer that signs SHA-256 of the TBS) and through functions/dev-certificate.ts with the
 * real KMS client, its HTTP answered as KMS answers GetPublicKey and Sign, the custom resource's
 * answer to CloudFormation captured. OpenSSL and pdfsig check what it makes.
 */
import { execFileSync } from 'node:child_process';
import { constants, createPublicKey, privateEncrypt, type KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { KMSClient } from '@aws-sdk/client-kms';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import * as asn1js from 'asn1js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certificateSerial } from '../../shared/documents/adapters/certificates';
import { toArrayBuffer } from '../../shared/documents/adapters/pki';
import { fromPem, KeySigner, pem, renderSignedPdf, selfSignedCertificateFor, selfSignedSigner, verifyPdfSignatures } from '../../shared/documents/index';
import { createEmbeddedEdge } from '../../local/edge';
import { officeConfig } from '../../shared/office/index';
import { RESOLUTION } from '../support/documents';

const SUBJECT = { commonName: 'Văn phòng Tỉnh ủy Hưng Yên', organisation: 'Tỉnh ủy Hưng Yên' };
const NOW = new Date('2026-03-01T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'scansig-devcert-'));
const file = (name: string, data: string | Uint8Array) => (writeFileSync(join(dir, name), data), join(dir, name));
const openssl = (...args: string[]) => execFileSync('openssl', args, { encoding: 'utf8' });

/** A fresh local key: its private half (a Signer) and its SubjectPublicKeyInfo, as KMS's GetPublicKey gives it. */
async function localKey(kind: 'RSA' | 'ECDSA') {
  const made = await selfSignedSigner(SUBJECT, kind, NOW);
  const key = (made as unknown as { key: KeyObject }).key;
  return { signer: made, key, spki: new Uint8Array(createPublicKey(key).export({ type: 'spki', format: 'der' })) };
}

describe('selfSignedCertificateFor (the local signer: the same path as KMS)', () => {
  it.each(['RSA', 'ECDSA'] as const)('%s: a self-signed certificate of the office that OpenSSL verifies, for that key; a PDF signed with it verifies', async (kind) => {
    const { signer, key, spki } = await localKey(kind);
    const der = await selfSignedCertificateFor({ publicKeySpki: spki, signer }, { subject: SUBJECT, notBefore: NOW, years: 2 });
    const certFile = file(`${kind}.pem`, pem('CERTIFICATE', der));
    expect(openssl('verify', '-check_ss_sig', '-attime', String(NOW.getTime() / 1000 + 60), '-CAfile', certFile, certFile)).toContain(': OK');
    const text = openssl('x509', '-in', certFile, '-noout', '-subject', '-dates', '-nameopt', 'utf8,sep_comma_plus');
    expect(text).toContain(`CN=${SUBJECT.commonName}`);
    expect(text).toContain(`O=${SUBJECT.organisation}`);
    expect(text).toContain('notAfter=Mar  1 00:00:00 2028 GMT');
    expect(openssl('x509', '-in', certFile, '-noout', '-pubkey')).toBe(createPublicKey(key).export({ type: 'spki', format: 'pem' }));
    const pdf = await renderSignedPdf(RESOLUTION, new KeySigner(key, [der]), { at: new Date('2026-03-02T00:00:00Z') });
    expect(await verifyPdfSignatures(pdf, { roots: [der] })).toMatchObject([{ intact: true, chain: 'trusted', signer: SUBJECT.commonName, organisation: SUBJECT.organisation }]);
    expect(execFileSync('pdfsig', [file(`${kind}.pdf`, pdf)], { encoding: 'utf8' })).toContain('Signature is Valid.');
  });
});

/** A KMS client whose HTTP is answered as KMS answers GetPublicKey and Sign (RSASSA_PKCS1_V1_5_SHA_256 over a DIGEST), with a local key. */
function answeringKms(key: KeyObject, spki: Uint8Array, fail = false) {
  const calls: string[] = [];
  const kms = new KMSClient({
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: {
      handle: async (req: { headers: Record<string, string>; body: Uint8Array }) => {
        const target = req.headers['x-amz-target']!.split('.')[1]!;
        calls.push(target);
        const body = JSON.parse(Buffer.from(req.body).toString('utf8')) as { KeyId: string; Message?: string };
        const digestInfo = (d: Buffer) => Buffer.concat([Buffer.from('3031300d060960864801650304020105000420', 'hex'), d]);
        const answer = fail
          ? { __type: 'AccessDeniedException', message: 'not allowed' }
          : target === 'GetPublicKey'
            ? { KeyId: body.KeyId, PublicKey: Buffer.from(spki).toString('base64'), KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }
            : { KeyId: body.KeyId, Signature: privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo(Buffer.from(body.Message!, 'base64'))).toString('base64') };
        return { response: { statusCode: fail ? 400 : 200, reason: 'OK', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r' }, body: Readable.from([Buffer.from(JSON.stringify(answer))]) } };
      },
    } as never,
  });
  return { kms, calls };
}

const event = (type: 'Create' | 'Delete'): CloudFormationCustomResourceEvent =>
  ({
    RequestType: type,
    ServiceToken: 'arn:aws:lambda:ap-southeast-1:111122223333:function:dev-cert',
    ResponseURL: 'https://cloudformation-custom-resource-response.example/answer',
    StackId: 'arn:aws:cloudformation:ap-southeast-1:111122223333:stack/Daumoi-dev-Api/1',
    RequestId: 'req-1',
    LogicalResourceId: 'DevCertificateResource',
    ResourceType: 'Custom::DaumoiDevCertificate',
    ResourceProperties: { ServiceToken: 'x', KeyId: 'arn:aws:kms:ap-southeast-1:111122223333:key/k-1', Algorithm: 'RSA_SHA256' },
    ...(type === 'Delete' ? { PhysicalResourceId: 'dev-certificate-k-1' } : {}),
  }) as CloudFormationCustomResourceEvent;

describe('functions/dev-certificate.ts (the custom resource)', () => {
  const answered: { url: string; body: Record<string, any> }[] = [];
  const put = (async (url: string, init: { body: string }) => (answered.push({ url, body: JSON.parse(init.body) }), new Response(null, { status: 200 }))) as unknown as typeof fetch;

  it('Create: answers SUCCESS with the PEM of a certificate for the KMS key, signed by KMS, naming the office', async () => {
    const { compose } = await import('../../functions/dev-certificate');
    const { key, spki } = await localKey('RSA');
    const { kms, calls } = answeringKms(key, spki);
    answered.length = 0;
    await compose(createEmbeddedEdge(), { kms, put })(event('Create'));
    expect(calls).toEqual(['GetPublicKey', 'Sign']);
    expect(answered).toHaveLength(1);
    expect(answered[0]!.url).toBe(event('Create').ResponseURL);
    expect(answered[0]!.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'dev-certificate-k-1', RequestId: 'req-1', LogicalResourceId: 'DevCertificateResource' });
    const certPem = answered[0]!.body.Data.Certificate as string;
    const certFile = file('kms.pem', certPem);
    expect(openssl('verify', '-check_ss_sig', '-CAfile', certFile, certFile)).toContain(': OK');
    expect(openssl('x509', '-in', certFile, '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus')).toContain(`CN=${officeConfig().office.name}`);
    const pdf = await renderSignedPdf(RESOLUTION, new KeySigner(key, [fromPem(certPem)]), { at: new Date() });
    expect(await verifyPdfSignatures(pdf, { roots: [fromPem(certPem)] })).toMatchObject([{ intact: true, chain: 'trusted' }]);
  });

  it('a KMS refusal answers FAILED with the reason (the deployment stops instead of hanging); Delete answers SUCCESS without KMS', async () => {
    const { compose } = await import('../../functions/dev-certificate');
    const { key, spki } = await localKey('RSA');
    const refusing = answeringKms(key, spki, true);
    answered.length = 0;
    await compose(createEmbeddedEdge(), { kms: refusing.kms, put })(event('Create'));
    expect(answered[0]!.body).toMatchObject({ Status: 'FAILED', Reason: expect.stringMatching(/not allowed/) });
    const quiet = answeringKms(key, spki);
    await compose(createEmbeddedEdge(), { kms: quiet.kms, put })(event('Delete'));
    expect(quiet.calls).toEqual([]);
    expect(answered[1]!.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: 'dev-certificate-k-1' });
  });
});

describe('a certificate’s serial', () => {
  /** The serial as DER encodes it: the INTEGER's content octets. */
  const der = (serial: Uint8Array): Uint8Array => {
    const bytes = new Uint8Array(new asn1js.Integer({ valueHex: toArrayBuffer(serial) }).toBER(false));
    return bytes.subarray(2); // tag 0x02 and a one-byte length (16 octets)
  };
  it('is a positive INTEGER in its shortest DER form for any random bytes (a leading 0x00 before 0x0a made pdfsig refuse the signature)', () => {
    const edges = [[0x00, 0x0a], [0x00, 0x00], [0x80, 0x00], [0xff, 0xff], [0x7f, 0xff], [0x00, 0x80]].map((head) => Uint8Array.from([...head, ...new Array(14).fill(0x5a)]));
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...edges), fc.uint8Array({ minLength: 16, maxLength: 16 })), (random) => {
        const octets = der(certificateSerial(random));
        expect(octets.length).toBe(16);
        // Not negative (top bit clear) and no needless leading zero (RFC 5280 §4.1.2.2, X.690 §8.3.2).
        expect(octets[0]! & 0x80).toBe(0);
        expect(octets[0]).not.toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
