/**
 * The secrecy guard's storage side (domain.md f): a Tối mật / Tuyệt mật scan keeps nothing in the
 * scans area and no OCR text. The bucket is versioned, so deleting the current object would only
 * hide earlier uploads and earlier OCR text behind delete markers: every version of the upload
 * and of its OCR text is removed (BlobStore.purge). With `move`, the version read is first copied
 * to the quarantine prefix.
 */
import { ocrTextKey, quarantineObjectKey } from '../domain/model';
import type { BlobStore } from '../../platform/files/blob-store';

export async function quarantineObjects(
  blobs: BlobStore,
  scanId: string,
  upload: { key: string; versionId: string | null },
  action: 'move' | 'delete',
): Promise<{ uploadVersions: number; textVersions: number }> {
  if (action === 'move') await blobs.move(upload.key, quarantineObjectKey(scanId), { versionId: upload.versionId });
  const uploads = await blobs.purge(upload.key);
  const texts = await blobs.purge(ocrTextKey(scanId));
  return { uploadVersions: uploads.versions + (action === 'move' ? 1 : 0), textVersions: texts.versions };
}
