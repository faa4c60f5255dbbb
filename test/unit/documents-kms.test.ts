/**
 * The KMS signer through the real SDK client, its HTTP answered with KMS's recorded JSON shape
 * (Sign: KeyId, Signature as base64, SigningAlgorithm); the answering side signs with a local
 * key, so the document it signs verifies.
 */
import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { createHash, createPrivateKey, generateKeyPairSync, privateEncrypt, constants, sign } from 'node:crypto';
import { KMSClient } from '@aws-sdk/client-kms';
import { KmsSigner, certificateChain } from '../../shared/documents/adapters/kms-signer';
import { selfSignedSigner } from '../../shared/documents/adapters/local-signer';
import { pem } from '../../shared/documents/adapters/certificates';
import { renderSignedPdf } from '../../shared/documents/adapters/issue';
import { verifyPdfSignatures } from '../../shared/documents/adapters/verify';
import { RESOLUTION } from '../support/documents';

const ECDSA_ANSWER = sign('sha256', Buffer.from('recorded'), { key: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey, dsaEncoding: 'der' });
const KEY_ARN = 'arn:aws:kms:ap-southeast-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

async function recordedKms(kind: 'RSA' | 'ECDSA') {
  const local = await selfSignedSigner({ commonName: 'Văn phòng Tỉnh ủy Hưng Yên', organisation: 'Tỉnh ủy Hưng Yên' }, kind, new Date('2026-01-01T00:00:00Z'));
  const key = createPrivateKey(local.exportKeyPem());
  const requests: Array<{ target: string; body: Record<string, string> }> = [];
  const kms = new KMSClient({
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    requestHandler: {
      handle: async (req: { headers: Record<string, string>; body: Uint8Array | string }) => {
        const body = JSON.parse(Buffer.from(req.body as Uint8Array).toString('utf8')) as Record<string, string>;
        requests.push({ target: req.headers['x-amz-target']!, body });
        const digest = Buffer.from(body.Message!, 'base64');
        // A DIGEST message is signed as is (PKCS#1 v1.5 over the DigestInfo). Node cannot sign a
        // bare digest with ECDSA, so the ECDSA answer is a fixed DER signature the test compares.
        const sig = kind === 'RSA' ? signDigestRsa(key, digest) : ECDSA_ANSWER;
        const json = JSON.stringify({ KeyId: KEY_ARN, Signature: Buffer.from(sig).toString('base64'), SigningAlgorithm: body.SigningAlgorithm });
        return { response: { statusCode: 200, reason: 'OK', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'req-1' }, body: Readable.from([Buffer.from(json)]) } };
      },
    } as never,
  });
  const chain = certificateChain(pem('CERTIFICATE', (await local.certificates())[0]!));
  return { kms, requests, chain };
}

function signDigestRsa(key: ReturnType<typeof createPrivateKey>, digest: Buffer): Buffer {
  const prefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');
  return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([prefix, digest]));
}

describe('KMS signer', () => {
  it('RSA: sends the SHA-256 digest (MessageType DIGEST) and the document verifies', async () => {
    const { kms, requests, chain } = await recordedKms('RSA');
    const pdf = await renderSignedPdf(RESOLUTION, new KmsSigner(kms, KEY_ARN, 'RSA_SHA256', chain), { at: new Date('2026-02-06T02:05:00Z') });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ target: 'TrentService.Sign', body: { KeyId: KEY_ARN, MessageType: 'DIGEST', SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256' } });
    expect(Buffer.from(requests[0]!.body.Message!, 'base64')).toHaveLength(32);
    expect(await verifyPdfSignatures(pdf, { roots: chain })).toMatchObject([{ intact: true, chain: 'trusted', coversWholeDocument: true }]);
  });
  it('ECDSA: asks for ECDSA_SHA_256 over the SHA-256 digest and returns KMS\'s DER signature as is', async () => {
    const { kms, requests, chain } = await recordedKms('ECDSA');
    const message = Buffer.from('signed attributes');
    const out = await new KmsSigner(kms, KEY_ARN, 'ECDSA_SHA256', chain).sign(message);
    expect(requests[0]).toMatchObject({ target: 'TrentService.Sign', body: { MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' } });
    expect(Buffer.from(requests[0]!.body.Message!, 'base64')).toEqual(createHash('sha256').update(message).digest());
    expect(Buffer.from(out)).toEqual(ECDSA_ANSWER);
  });
  it('refuses a configuration without a certificate', () => {
    expect(() => certificateChain('not a certificate')).toThrow(/no certificate/);
  });
});
