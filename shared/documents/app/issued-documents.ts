/**
 * The signed PDF of an issued document: rendered and signed with the office's key on first
 * request, stored in the blob store, and the stored bytes returned from then on (the same
 * bytes every time). Secret documents are refused (409): they are not signed with the
 * organisation key, they travel on paper or over the cơ yếu channel.
 */
import { ConflictError, ServiceUnavailableError } from '../../platform/errors';
import type { Clock } from '../../platform/clock';
import type { BlobStore } from '../../platform/files/blob-store';
import type { Caller } from '../../platform/security';
import type { AuditLog } from '../../audit/index';
import type { DomainConfig } from '../../office/index';
import { issuedDocument, type DocumentText, type OutgoingEntryFacts } from '../domain/from-entry';
import type { Signer } from '../ports/signer';
import type { SigningClaims } from '../ports/signing-claims';

export interface IssuedDocumentsDeps {
  blobs: BlobStore;
  signer: () => Promise<Signer>;
  /** Render and sign (adapters/issue.ts's renderSignedPdf). */
  render: (doc: ReturnType<typeof issuedDocument>, signer: Signer, opts: { at: Date }) => Promise<Uint8Array>;
  audit: AuditLog;
  clock: Clock;
  office: () => DomainConfig;
  /** The draft's text and the signer's title, when the entry was issued from a draft. */
  textOf?: (entryId: string, draftId: string | null) => Promise<DocumentText>;
  /** Who signs first (two first requests at once must not both sign). */
  claims: SigningClaims;
  /** Waits between looks for the PDF another request is signing (real time; default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
}

/** How long a first-signing claim holds: far longer than rendering and signing take (~0.2–2 s). */
export const SIGNING_LEASE_MS = 60_000;
/** How long a request waits for the PDF another is signing before it answers 503 (under API Gateway's 29 s). */
export const SIGNING_WAIT_MS = 20_000;
const LOOK_EVERY_MS = 100;

export interface IssuedEntry extends OutgoingEntryFacts {
  id: string;
  draftId: string | null;
  status: string;
}

export const documentKey = (entryId: string) => `documents/outgoing/${entryId.replace(/[^A-Za-z0-9_-]/g, '_')}.pdf`;

export class IssuedDocuments {
  constructor(private readonly deps: IssuedDocumentsDeps) {}

  /** The entry's signed PDF (the caller has already been allowed to see the entry). */
  async pdfOf(entry: IssuedEntry, ctx: { actor: Caller; requestId?: string }): Promise<{ bytes: Uint8Array; created: boolean }> {
    if (entry.secrecy) {
      throw new ConflictError('Văn bản mật không ký số bằng khóa của cơ quan: phát hành bản giấy hoặc qua đường cơ yếu (secret documents are not signed with the office key)', [], 'SECRET_NOT_SIGNED');
    }
    if (entry.status === 'void') throw new ConflictError('Số văn bản đã hủy: không có văn bản ban hành (the number is void)', [], 'ENTRY_VOID');
    const key = documentKey(entry.id);
    const stored = await this.deps.blobs.get(key);
    if (stored) return { bytes: stored, created: false };
    // Only the request that claims the first signing signs; the others wait for what it stores.
    if (!(await this.deps.claims.claim(entry.id, this.deps.clock.now(), SIGNING_LEASE_MS))) {
      const signedByAnother = await this.waitForStored(key);
      if (signedByAnother) return { bytes: signedByAnother, created: false };
      throw new ServiceUnavailableError('Văn bản đang được ký số; hãy thử lại sau ít giây (the document is being signed by another request)');
    }
    let bytes: Uint8Array;
    const at = this.deps.clock.now();
    try {
      // The holder may have stored it and let its claim go between the first look and this claim.
      const storedMeanwhile = await this.deps.blobs.get(key);
      if (storedMeanwhile) return { bytes: storedMeanwhile, created: false };
      const text = this.deps.textOf ? await this.deps.textOf(entry.id, entry.draftId) : { body: null };
      const signer = await this.deps.signer();
      bytes = await this.deps.render(issuedDocument(entry, this.deps.office(), text), signer, { at });
      await this.deps.blobs.put(key, bytes, 'application/pdf');
    } finally {
      await this.deps.claims.release(entry.id).catch(() => undefined);
    }
    await this.deps.audit.record({
      actor: ctx.actor,
      action: 'document.signed',
      entityType: 'outgoing-entry',
      entityId: entry.id,
      before: null,
      after: { numberSymbol: entry.numberSymbol, key, bytes: bytes.length, signedAt: at.toISOString() },
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    });
    return { bytes, created: true };
  }

  /** The stored PDF once another request has stored it; undefined when it has not within SIGNING_WAIT_MS. */
  private async waitForStored(key: string): Promise<Uint8Array | undefined> {
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let waited = 0; waited < SIGNING_WAIT_MS; waited += LOOK_EVERY_MS) {
      await sleep(LOOK_EVERY_MS);
      const bytes = await this.deps.blobs.get(key);
      if (bytes) return bytes;
    }
    return undefined;
  }
}
