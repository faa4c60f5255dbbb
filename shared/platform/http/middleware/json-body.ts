/**
 * Parses a JSON request body (base64 bodies included) and NFC-normalises its text.
 * Not JSON → 400; a body with a non-JSON content type → 415; over the limit → 413.
 */
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../errors';
import { nfcDeep } from '../../text/nfc';
import type { DaumoiContext } from '../types';

export const jsonBody = (opts: { maxBytes?: number } = {}): MiddlewareObj<APIGatewayProxyEvent, APIGatewayProxyResult, Error, DaumoiContext> => {
  const maxBytes = opts.maxBytes ?? 1_000_000;
  return {
    before: async (request) => {
      const state = request.context.daumoi;
      if (state.route?.rawBody) return;
      const raw = request.event.body;
      if (raw === null || raw === undefined || raw === '') {
        state.body = undefined;
        return;
      }
      const text = request.event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
      if (Buffer.byteLength(text, 'utf8') > maxBytes) throw new PayloadTooLargeError(`Request body is larger than ${maxBytes} bytes`);
      const contentType = (state.headers?.['content-type'] ?? '').toLowerCase();
      if (contentType && !/^application\/([\w.+-]*\+)?json\b/.test(contentType))
        throw new UnsupportedMediaTypeError(`Content-Type must be application/json, not ${contentType}`);
      try {
        state.body = nfcDeep(JSON.parse(text) as unknown);
      } catch (err) {
        throw new ValidationError('Request body is not valid JSON', [{ message: (err as Error).message }], 'INVALID_JSON');
      }
    },
  };
};
