/** The exchange's operations (operationId → use case), for functions/exchange.ts. */
import type { Operation } from '../platform/http/types';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from '../platform/errors';
import type { Exchange } from './app/exchange';
import { SIGNATURE_HEADER } from './domain/message';

const ctx = (req: Parameters<Operation>[0]) => ({ actor: req.caller, requestId: req.requestId });

export function exchangeOperations(exchange: Exchange, opts: { maxBytes: number }): Record<string, Operation> {
  const { sending, receiving } = exchange;
  return {
    getExchangeIdentity: async () => exchange.identity(),
    listExchangePartners: async () => exchange.partners(),
    listExchangeRecipients: async () => exchange.recipients(),
    addExchangePartner: async (req) => ({ status: 201, body: await exchange.addPartner(req.body, ctx(req)) }),
    sendOutgoingEntry: async (req) => ({ status: 202, body: await sending.send(req.params.id, req.body.to, ctx(req)) }),
    listOutgoingDeliveries: async (req) => sending.deliveries(req.params.id, req.caller),
    recallOutgoingEntry: async (req) => ({ status: 202, body: await sending.recall(req.params.id, req.body.reason, ctx(req)) }),
    replaceOutgoingEntry: async (req) => ({ status: 202, body: await sending.replace(req.params.id, req.body.by, req.body.reason, ctx(req)) }),
    receiveExchangeMessage: async (req) => {
      const raw = req.event.body ?? '';
      const bytes = req.event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
      if (bytes.length > opts.maxBytes) throw new PayloadTooLargeError(`Thông điệp lớn hơn ${opts.maxBytes} byte (message too large)`);
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (!/^application\/json\b/.test(type)) throw new UnsupportedMediaTypeError(`Content-Type must be application/json, not ${type || 'none'}`);
      const answer = await receiving.receive(new Uint8Array(bytes), req.headers[SIGNATURE_HEADER], req.requestId);
      return { status: answer.status, body: answer.body };
    },
    listExchangeInbox: async (req) => receiving.list(req.query, req.caller),
    getExchangeInboxItem: async (req) => receiving.get(req.params.id, req.caller),
    getExchangeInboxDocument: async (req) => {
      const { bytes, name } = await receiving.document(req.params.id, req.caller);
      return { status: 200, binary: bytes, headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}.pdf"` } };
    },
    registerExchangeInboxItem: async (req) => {
      const { entry, created } = await receiving.register(req.params.id, req.body ?? {}, ctx(req));
      return { status: created ? 201 : 200, body: entry };
    },
    returnExchangeInboxItem: async (req) => receiving.return(req.params.id, req.body.reason, ctx(req)),
  };
}
