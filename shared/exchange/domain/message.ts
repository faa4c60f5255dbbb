/**
 * The message between offices as it travels (`POST /v1/exchange/messages`): a JSON body naming its
 * id, sender, receiver, kind and the time it was sent, with the edXML content; the body's exact
 * bytes are signed by the sender's office key (the `Daumoi-Signature` header, a detached JWS).
 */
import * as z from 'zod';
import { MESSAGE_KINDS, type MessageKind } from './model';

export const SIGNATURE_HEADER = 'daumoi-signature';

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const WireMessage = z.strictObject({
  messageId: Id,
  from: Id,
  to: Id,
  kind: z.enum(MESSAGE_KINDS),
  /** This attempt's time: a retry is signed anew, with the same id and content. */
  sentAt: z.iso.datetime({ offset: true }),
  content: z.string().min(1).max(5_000_000),
});
export type WireMessage = z.infer<typeof WireMessage>;

export interface OutgoingMessage {
  messageId: string;
  kind: MessageKind;
  partnerId: string;
  /** The outgoing entry a package or recall is about. */
  entryId: string | null;
  /** Small contents (notices, recalls) inline; packages in the blob store. */
  content: string | null;
  contentKey: string | null;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
}

/** Whether `sentAt` is within `windowSeconds` of `now` either way (older or newer messages are refused as replays). */
export function fresh(sentAt: string, now: Date, windowSeconds: number): boolean {
  const t = Date.parse(sentAt);
  return Number.isFinite(t) && Math.abs(now.getTime() - t) <= windowSeconds * 1000;
}

/** Seconds before attempt `attempt + 1` (exponential, capped): 2, 4, 8… up to `capSeconds`. */
export function backoffSeconds(attempt: number, baseSeconds = 2, capSeconds = 900): number {
  return Math.min(capSeconds, baseSeconds * 2 ** Math.max(0, attempt - 1));
}

/** Largest edXML content the gateway lets through (bytes of base64 and XML; a 3.5 MB PDF fits). */
export const MAX_CONTENT_CHARS = 5_000_000;

/** The JSON schema API Gateway checks the message body against before the function runs (its size among it). */
export const GATEWAY_MESSAGE_MODEL = {
  schema: 'http://json-schema.org/draft-04/schema#',
  type: 'object',
  required: ['messageId', 'from', 'to', 'kind', 'sentAt', 'content'],
  properties: {
    messageId: { type: 'string', maxLength: 64 },
    from: { type: 'string', maxLength: 64 },
    to: { type: 'string', maxLength: 64 },
    kind: { type: 'string', enum: [...MESSAGE_KINDS] },
    sentAt: { type: 'string', maxLength: 40 },
    content: { type: 'string', minLength: 1, maxLength: MAX_CONTENT_CHARS },
  },
  additionalProperties: false,
} as const;
