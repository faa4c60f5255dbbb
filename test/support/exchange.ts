/** For the exchange tests: HTTP calls to an office, waiting for a condition, and messages signed as a partner would sign them. */
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { monotonicFactory } from 'ulid';
import { buildPackage, JwsSeal, SIGNATURE_HEADER, type PackageFacts } from '../../shared/exchange/index';
import { fromPem, KeySigner, selfSignedSigner } from '../../shared/documents/index';
import { jsonClient } from './http-json';

const ulid = monotonicFactory();

export interface Answer {
  status: number;
  body: any;
}

/** A JSON request to an office (test/support/http-json.ts), the status and parsed body back. */
export async function call(url: string, method: string, p: string, token?: string, body?: unknown): Promise<Answer> {
  const r = await jsonClient(url)(method, p, token, body);
  return { status: r.status, body: r.body };
}

/** Polls `get` until `ok` holds of its value (or fails after `ms`, naming the last value). */
export async function until<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000, what = 'the condition'): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T = await get();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${ms} ms; last: ${JSON.stringify(last).slice(0, 800)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await get();
  }
  return last;
}

/** A seal with the key an embedded office keeps under its data directory (what its messages are signed with). */
export function officeSeal(dataDir: string, officeId: string): JwsSeal {
  const dir = path.join(dataDir, 'signing');
  const signer = new KeySigner(createPrivateKey(readFileSync(path.join(dir, 'office-key.pem'), 'utf8')), [fromPem(readFileSync(path.join(dir, 'office-cert.pem'), 'utf8'))]);
  return new JwsSeal(async () => signer, () => officeId);
}

/** A seal with a key no office knows (a forger's). */
export async function strangerSeal(officeId: string): Promise<JwsSeal> {
  const signer = await selfSignedSigner({ commonName: 'Kẻ giả mạo', organisation: 'Không rõ' });
  return new JwsSeal(async () => signer, () => officeId);
}

export interface Wire {
  messageId?: string;
  from: string;
  to: string;
  kind: 'package' | 'notice' | 'recall';
  sentAt?: string;
  content: string;
}

/**
 * Posts a message to an office's exchange endpoint (a full URL), signed with `seal` over the JSON the
 * client sends; `body` replaces the message with any other JSON value, `signature` the header (null: none).
 */
export async function postMessage(endpoint: string, m: Wire, seal: JwsSeal, over: { body?: unknown; signature?: string | null } = {}): Promise<Answer & { messageId: string }> {
  const messageId = m.messageId ?? ulid();
  const json = over.body ?? { messageId, from: m.from, to: m.to, kind: m.kind, sentAt: m.sentAt ?? new Date().toISOString(), content: m.content };
  const signature = over.signature === undefined ? await seal.sign(new TextEncoder().encode(JSON.stringify(json))) : over.signature;
  const r = await jsonClient('')('POST', endpoint, undefined, json, signature ? { [SIGNATURE_HEADER]: signature } : {});
  return { status: r.status, body: r.body, messageId };
}

/** A partner office for in-process tests: a key of its own, and its messages as a request carries them. */
export interface TestPartner {
  seal: JwsSeal;
  message(m: { to: string; sentAt: string; content: string; kind?: Wire['kind']; messageId?: string }): Promise<{ json: Record<string, string>; headers: Record<string, string> }>;
}

export async function testPartner(id: string): Promise<TestPartner> {
  const seal = await strangerSeal(id);
  return {
    seal,
    async message(m) {
      const json = { messageId: m.messageId ?? ulid(), from: id, to: m.to, kind: m.kind ?? 'package', sentAt: m.sentAt, content: m.content };
      // What `invoke` sends is JSON.stringify of this very object: the bytes signed here.
      return { json, headers: { 'Content-Type': 'application/json', [SIGNATURE_HEADER]: await seal.sign(new TextEncoder().encode(JSON.stringify(json))) } };
    },
  };
}

/** An edXML package (no attachment, not secret) from `from` to `to`. */
export function partnerPackage(p: { from: string; to: string; codeNumber: string; date: string; secrecy?: PackageFacts['secrecy'] }): string {
  return buildPackage({
    from: { id: p.from, name: 'Văn phòng Huyện ủy Kiểm Thử' },
    to: { id: p.to, name: 'Văn phòng Tỉnh ủy' },
    documentId: ulid(),
    codeNumber: p.codeNumber,
    codeNotation: 'CV/HU',
    place: 'Văn Lâm',
    promulgationDate: p.date,
    typeCode: 'CV',
    typeName: 'Công văn',
    subject: `về việc kiểm tra liên thông, lần ${p.codeNumber}`,
    signer: { position: 'Chánh Văn phòng', fullName: 'Trần Văn B' },
    dueDate: null,
    urgency: null,
    secrecy: p.secrecy ?? null,
    steeringType: '0',
    toPlaces: [],
    trace: [],
    attachment: null,
  });
}
