/**
 * The issued document of an outgoing register entry: the issuing body's header, place and
 * signing form from the office configuration, the rest from the entry (and the draft's text
 * when the entry was issued from one).
 */
import type { DomainConfig } from '../../office/index';
import type { IssuedDocument, SigningForm } from './layout';

/** What of an outgoing entry the document shows (the registers' OutgoingEntry has it all). */
export interface OutgoingEntryFacts {
  numberSymbol: string;
  typeCode: string;
  typeName: string;
  issuerCode: string;
  issuerId: string | null;
  subject: string;
  documentDate: string;
  signer: string;
  recipients: string[];
  filing: string | null;
  secrecy: IssuedDocument['secrecy'];
  urgency: IssuedDocument['urgency'];
}

export interface DocumentText {
  /** The body, paragraphs separated by blank lines or line breaks. */
  body: string | null;
  /** The signer's chức vụ as the draft gives it. */
  signerTitle?: string | null;
}

export function issuedDocument(entry: OutgoingEntryFacts, config: DomainConfig, text: DocumentText = { body: null }): IssuedDocument {
  const bodies = config.issuingBodies;
  const body = bodies.find((b) => b.id === entry.issuerId) ?? bodies.find((b) => b.code === entry.issuerCode && b.outgoingRegister) ?? bodies.find((b) => b.code === entry.issuerCode);
  const type = config.documentTypes.find((t) => t.code === entry.typeCode);
  const option = body?.signing[0];
  const title = text.signerTitle ?? option?.titles[0] ?? '';
  const paragraphs = (text.body ?? '').split(/\r?\n+/).map((p) => p.trim()).filter(Boolean);
  return {
    header: body ? { ...(body.header.superior ? { superior: body.header.superior } : {}), name: body.header.name } : { name: entry.issuerCode },
    numberSymbol: entry.numberSymbol,
    place: body?.place ?? config.office.place,
    documentDate: entry.documentDate,
    typeName: type?.name ?? entry.typeName,
    hasTitle: type?.hasTitle ?? true,
    subject: entry.subject,
    body: paragraphs,
    signing: { form: (option?.form ?? 'direct') as SigningForm, ...(option?.on ? { on: option.on } : {}), title, signer: entry.signer },
    recipients: entry.recipients,
    filing: entry.filing,
    secrecy: entry.secrecy,
    urgency: entry.urgency,
  };
}
