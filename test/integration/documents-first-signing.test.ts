/**
 * Two (or eight) first requests for the same issued document at once: one signs and stores, the
 * others wait for what it stored, so every caller receives the same bytes and the document is
 * signed once (one `document.signed` in the audit log). The office clock moves on at every
 * reading here, so two signings would differ in their signing time. A claim left by a request
 * that died is taken over once its lease has run out.
 * Years used by this file: 2062.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke, tokenFor, useEmbeddedEnv } from '../support/integration';
import { outgoingBody, testConfig, useServices } from './registers-support';
import { documentKey, SIGNING_LEASE_MS } from '../../shared/documents/index';
import type { Clock } from '../../shared/platform/clock';

useEmbeddedEnv();
process.env.DAUMOI_SIGNING_DIR = mkdtempSync(join(tmpdir(), 'scansig-signing-'));
const { composed, officeParts } = await import('../support/parts');
const handler = await composed('registers');
const { DynamoSigningClaims } = await import('../../shared/documents/adapters/dynamo-signing-claims');

const config = testConfig((c) => c.numbering.terms.push({ id: '2062-2067', label: 'Nhiệm kỳ 2062–2067', start: '2062-01-05' }));
let t = new Date('2062-03-02T01:00:00Z').getTime();
/** A clock that moves on one second at every reading. */
const ticking: Clock = { now: () => new Date((t += 1000)) };
let clerk: string;

const get = (id: string) => invoke(handler, { method: 'GET', path: `/v1/registers/outgoing/entries/${id}/document`, token: clerk });
async function newEntry(subject: string): Promise<string> {
  const r = await invoke(handler, { method: 'POST', path: '/v1/registers/outgoing/entries', token: clerk, body: outgoingBody({ subject }) });
  expect(r.status).toBe(201);
  return r.body.id as string;
}
const signedEvents = async (id: string) => (await officeParts().audit.list({ entityId: id })).items.filter((e) => e.action === 'document.signed').length;

beforeAll(async () => {
  clerk = await tokenFor('vanthu');
  useServices({ clock: ticking, domainConfig: config });
});
afterAll(() => useServices());

describe('the first signing of an issued document', () => {
  it('eight first requests at once all receive the same bytes, signed once', async () => {
    const id = await newEntry('về ký số văn bản đồng thời');
    const answers = await Promise.all(Array.from({ length: 8 }, () => get(id)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    const bodies = new Set(answers.map((a) => a.body as string));
    expect(bodies.size).toBe(1);
    const stored = await officeParts().blobs.get(documentKey(id));
    expect(Buffer.from(stored!).toString('base64')).toBe([...bodies][0]);
    expect(await signedEvents(id)).toBe(1);
  });

  it('a claim whose holder died is taken over once its lease has run out', async () => {
    const id = await newEntry('về văn bản có yêu cầu ký bị bỏ dở');
    const claims = new DynamoSigningClaims(officeParts().db, (await import('../../shared/platform/aws/tables')).tableName('Data'));
    // A request claimed the signing a lease ago (on the office clock) and died before storing.
    expect(await claims.claim(id, new Date(t - SIGNING_LEASE_MS - 5_000), SIGNING_LEASE_MS)).toBe(true);
    const r = await get(id);
    expect(r.status).toBe(200);
    expect(await signedEvents(id)).toBe(1);
    // While a claim holds, no other may claim.
    expect(await claims.claim(`${id}-x`, new Date(t), SIGNING_LEASE_MS)).toBe(true);
    expect(await claims.claim(`${id}-x`, new Date(t + 1000), SIGNING_LEASE_MS)).toBe(false);
  });
});
