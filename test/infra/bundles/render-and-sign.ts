/**
 * A Lambda entry for test/infra/documents-bundle.test.ts: renders and signs an issued document
 * with the documents module the registers function composes, and hands back the PDF (base64).
 */
import { renderSignedPdf, selfSignedSigner } from '../../../shared/documents/index';
import { RESOLUTION } from '../../support/documents';

export async function handler(): Promise<string> {
  const signer = await selfSignedSigner({ commonName: 'Văn phòng Tỉnh ủy Hưng Yên', organisation: 'Tỉnh ủy Hưng Yên' }, 'RSA', new Date('2026-01-01T00:00:00Z'));
  const pdf = await renderSignedPdf(RESOLUTION, signer, { at: new Date('2026-02-06T02:05:00Z') });
  return Buffer.from(pdf).toString('base64');
}
