/** Render and sign: the issued document as the office's signed PDF (PAdES B-B), the visible signature beside the signing block. */
import { renderDocument } from './pdf-renderer';
import { signPdf } from './pades';
import { pki, OID, toArrayBuffer } from './pki';
import type { IssuedDocument } from '../domain/layout';
import type { Signer } from '../ports/signer';

const two = (n: number) => String(n).padStart(2, '0');
/** "06/02/2026 09:05:00 +07:00" in the office's offset. */
function stampTime(at: Date, offsetMinutes: number): string {
  const t = new Date(at.getTime() + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  return `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())} ${sign}${two(Math.floor(off / 60))}:${two(off % 60)}`;
}

export async function signerName(signer: Signer): Promise<{ commonName: string; organisation: string | null }> {
  const pkijs = pki();
  const cert = pkijs.Certificate.fromBER(toArrayBuffer((await signer.certificates())[0]!));
  const get = (oid: string) => {
    const tv = cert.subject.typesAndValues.find((t) => t.type === oid);
    return tv ? String((tv.value.valueBlock as { value?: unknown }).value ?? '') : null;
  };
  return { commonName: get(OID.commonName) ?? 'daumoi', organisation: get(OID.organisation) };
}

export interface IssueOptions {
  at: Date;
  /** The office's UTC offset in minutes (Asia/Ho_Chi_Minh: 420). */
  offsetMinutes?: number;
}

/** Secret documents are never signed this way (domain.md (f)): the caller refuses them first. */
export async function renderSignedPdf(doc: IssuedDocument, signer: Signer, opts: IssueOptions): Promise<Uint8Array> {
  if (doc.secrecy) throw new Error('secret documents are not signed with the office key');
  const who = await signerName(signer);
  const stamp = [`Ký số bởi: ${who.commonName}`, ...(who.organisation ? [`Cơ quan: ${who.organisation}`] : []), `Thời gian ký: ${stampTime(opts.at, opts.offsetMinutes ?? 420)}`];
  const { pdf, layout } = await renderDocument(doc, { now: opts.at, stamp });
  return signPdf(pdf, layout.signatureBox, signer, { at: opts.at, name: who.commonName, reason: `Ban hành văn bản ${doc.numberSymbol}`, location: doc.place });
}
