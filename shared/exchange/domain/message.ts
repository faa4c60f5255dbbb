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

/**
 * The largest message body the function takes (5 MB, a 3.5 MB PDF in base64 and XML fits; the
 * function answers 413 above it). It stays under Lambda's 6 MB request payload with room for the
 * event around the body, so every oversized message meets a 413: the function's up to 6 MB,
 * API Gateway's own ("Request Too Long", Lambda's limit; then its 10 MB limit) beyond.
 */
export const MAX_MESSAGE_BYTES = 5 * 1024 * 1024;

/**
 * The JSON schema API Gateway checks the message body's shape against before the function runs.
 * No maxLength on the content: a gateway validation failure is always 400 (BAD_REQUEST_BODY, one
 * static status for every body error), and an oversized message must be answered 413.
 */
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
    content: { type: 'string', minLength: 1 },
  },
  additionalProperties: false,
} as const;
