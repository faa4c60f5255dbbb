/** What the registers and exchange functions compose beyond the basics: the issued documents and the exchange between offices. */
import type { Platform } from '../platform/platform';
import type { ApiAuth } from '../identity/index';
import type { AuditLog } from '../audit/index';
import { officeConfig, type DomainConfig } from '../office/index';
import { blobStore } from '../scans/index';
import { draftsModule } from '../drafts/index';
import { documentsModule, type IssuedDocuments } from '../documents/index';
import { exchangeModule, type Exchange } from '../exchange/index';
import { basics, registersOf, type Edge, type Given } from './compose';

/** The office's issued documents (signed PDFs, kept in S3), with the text of the draft each was issued from. */
export function issuedDocumentsOf(platform: Platform, audit: AuditLog, office: () => DomainConfig): IssuedDocuments {
  const drafts = draftsModule(platform, { audit });
  const textOf = async (_: string, draftId: string | null) => {
    const d = draftId ? await drafts.get(draftId) : undefined;
    return { body: d?.body ?? null, signerTitle: d?.signerTitle ?? null };
  };
  return documentsModule(platform, { audit, blobs: blobStore(platform), office, textOf });
}

/** The exchange between offices (liên thông): the registers and issued documents it uses, the edge's delivery queue. */
export function exchangeOf(edge: Edge, given: Given = {}): { platform: Platform; auth: ApiAuth; exchange: Exchange } {
  const { platform, audit, auth } = basics(edge);
  const office = () => given.office ?? officeConfig();
  const registers = registersOf(platform, audit, given);
  let documents: IssuedDocuments | undefined;
  const pdfOf: Parameters<typeof exchangeModule>[1]['pdfOf'] = (entry, ctx) => (documents ??= issuedDocumentsOf(platform, audit, office)).pdfOf(entry, ctx);
  const exchange = exchangeModule(platform, { audit, blobs: blobStore(platform), office, registers, pdfOf, queue: edge.exchangeQueue() });
  return { platform, auth, exchange };
}
