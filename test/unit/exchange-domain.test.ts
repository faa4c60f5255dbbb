/**
 * The exchange's rules without I/O: what may be sent over which link (domain.md (f)), how a
 * delivery's status moves, same-day acknowledgement (Nghị định 30 Điều 21), the edXML envelope
 * read back as it was built (any facts), and the message seal: a detached JWS that any change of
 * a signed body, or another office's key, makes fail (RSA and P-256, as a KMS key may be).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { acknowledgedSameDay, advances, handledPatch, liveDeliveries, replaceRefusal, buildPackage, buildStatus, DELIVERY_STATUSES, JwsSeal, parsePackage, parseStatus, sendRefusal, type PackageFacts } from '../../shared/exchange/index';
import { pem, selfSignedSigner } from '../../shared/documents/index';
import { ValidationError } from '../../shared/platform/errors';

describe('what may be sent over which link', () => {
  const open = { id: 'a', encryptedChannel: false };
  const coyeu = { id: 'b', encryptedChannel: true };
  it.each([
    [null, [open], false],
    [null, [open, coyeu], false],
    ['mat', [coyeu], false],
    ['mat', [coyeu, open], true],
    ['mat', [open], true],
    ['toi-mat', [coyeu], true],
    ['tuyet-mat', [coyeu], true],
    ['toi-mat', [open], true],
  ] as const)('secrecy %s over %j → refused: %s', (secrecy, links, refused) => {
    const why = sendRefusal(secrecy, links);
    expect(why !== null).toBe(refused);
  });
  it('names the reason in Vietnamese, and the links that are not encrypted', () => {
    expect(sendRefusal('toi-mat', [{ id: 'a', encryptedChannel: true }])).toMatch(/Tối mật/);
    expect(sendRefusal('mat', [{ id: 'hy-01', encryptedChannel: false }, { id: 'hy-02', encryptedChannel: true }])).toMatch(/Mật.*hy-01/);
    expect(sendRefusal('mat', [{ id: 'hy-01', encryptedChannel: false }, { id: 'hy-02', encryptedChannel: true }])).not.toMatch(/hy-02/);
  });
});

describe('a delivery’s status', () => {
  it('only moves forward, and nothing moves a recalled one', () => {
    const order = ['queued', 'sent', 'received', 'registered'] as const;
    for (let i = 0; i < order.length; i++) for (let j = 0; j < order.length; j++) expect(advances(order[i]!, order[j]!)).toBe(j > i);
    for (const s of DELIVERY_STATUSES) expect(advances('recalled', s)).toBe(false);
    expect(advances('registered', 'received')).toBe(false);
    expect(advances('received', 'returned')).toBe(true);
    expect(advances('registered', 'recalled')).toBe(true);
  });
  it('fails only from queued', () => {
    for (const s of DELIVERY_STATUSES) expect(advances(s, 'failed')).toBe(s === 'queued');
  });
});

describe('same-day acknowledgement, in the office’s time zone', () => {
  const tz = 'Asia/Ho_Chi_Minh';
  it.each([
    ['2026-12-05T01:00:00Z', '2026-12-05T16:59:59Z', true],
    ['2026-12-05T01:00:00Z', '2026-12-05T17:00:00Z', false],
    ['2026-12-04T17:00:00Z', '2026-12-05T10:00:00Z', true],
    ['2026-12-04T16:59:00Z', '2026-12-04T17:01:00Z', false],
  ])('sent %s, received %s → %s', (sent, received, same) => {
    expect(acknowledgedSameDay(sent, received, tz)).toBe(same);
  });
  it('is unknown until both times are', () => {
    expect(acknowledgedSameDay('2026-12-05T01:00:00Z', null, tz)).toBeNull();
    expect(acknowledgedSameDay(null, null, tz)).toBeNull();
  });
});

const text = (max: number) => fc.string({ minLength: 1, maxLength: max, unit: fc.constantFrom(...'abcdeăâđêôơưàảãáạ ÀẢ<>&"\'/-0123456789Hội nghị'.split('')) }).filter((s) => s.trim() === s && s.trim().length > 0);
const day = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const id = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
const facts: fc.Arbitrary<PackageFacts> = fc.record({
  from: fc.record({ id, name: text(60) }),
  to: fc.record({ id, name: text(60) }),
  documentId: fc.stringMatching(/^[A-Z0-9]{26}$/),
  codeNumber: fc.integer({ min: 1, max: 99999 }).map(String),
  codeNotation: fc.constantFrom('NQ/TU', 'CV/VPTU', 'QĐ/TU', 'HD/BTCTU'),
  place: text(30),
  promulgationDate: day,
  typeCode: fc.constantFrom('NQ', 'CV', 'QĐ'),
  typeName: text(30),
  subject: text(200),
  signer: fc.record({ position: fc.option(text(40), { nil: null }), fullName: text(40) }),
  dueDate: fc.option(day, { nil: null }),
  urgency: fc.constantFrom(null, 'khan', 'thuong-khan', 'hoa-toc'),
  secrecy: fc.constantFrom(null, 'mat', 'toi-mat', 'tuyet-mat'),
  steeringType: fc.constantFrom('0', '1'),
  toPlaces: fc.array(text(40), { maxLength: 4 }),
  trace: fc.array(fc.record({ organId: id, timestamp: fc.constant('2026-12-05T09:00:00+07:00') }), { minLength: 1, maxLength: 3 }),
  attachment: fc.option(fc.record({ name: fc.constant('12-NQ_TU.pdf'), contentType: fc.constant('application/pdf' as const), base64: fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => Buffer.from(b).toString('base64')) }), { nil: null }),
  // The package a new version replaces (edXML ReplacementInfoList), or none.
  replaces: fc.option(id, { nil: null }),
});

describe('the edXML envelope', () => {
  it('reads back every fact it was built from (diacritics, markup characters, no attachment)', () => {
    fc.assert(
      fc.property(facts, (f) => {
        expect(parsePackage(buildPackage(f))).toEqual(f);
      }),
      { numRuns: 150 },
    );
  });
  it('uses edXML’s element names', () => {
    const xml = buildPackage(fc.sample(facts, { numRuns: 1, seed: 7 })[0]!);
    for (const tag of ['edXML:edXMLEnvelope', 'edXML:From', 'edXML:OrganId', 'edXML:Code', 'edXML:CodeNumber', 'edXML:CodeNotation', 'edXML:PromulgationInfo', 'edXML:PromulgationDate', 'edXML:DocumentType', 'edXML:Subject', 'edXML:SignerInfo', 'edXML:DueDate', 'edXML:Priority', 'edXML:SteeringType', 'edXML:TraceHeaderList']) expect(xml).toContain(`<${tag}`);
  });
  it.each([
    ['not XML', '<<<'],
    ['another document', '<?xml version="1.0"?><html><body/></html>'],
    ['a date that is no date', buildPackage({ ...fc.sample(facts, { numRuns: 1, seed: 3 })[0]!, promulgationDate: '2026-02-30' })],
    ['a number that is no number', buildPackage({ ...fc.sample(facts, { numRuns: 1, seed: 4 })[0]!, codeNumber: 'mười' })],
  ])('refuses %s with a 400', (_, xml) => {
    expect(() => parsePackage(xml)).toThrow(ValidationError);
  });
  it('carries notices and recalls as edXML status messages', () => {
    for (const status of ['received', 'registered', 'returned', 'recalled', 'handled', 'recall'] as const) {
      const s = { from: { id: 'hy', name: 'Văn phòng Huyện ủy' }, responseFor: '01JEXAMPLE', status, arrivalNumber: status === 'registered' ? 42 : null, description: status === 'returned' ? 'Sai nơi nhận & thiếu phụ lục' : null, timestamp: '2026-12-05T09:00:00+07:00' };
      expect(parseStatus(buildStatus(s))).toEqual(s);
    }
  });
});

describe('replacing a sent document with a new version', () => {
  const at = (partnerId: string) => ({ partnerId });
  it.each([
    ['a new issued entry, live at one partner', { id: 'old', live: [at('b')] }, { id: 'new', status: 'issued', sentTo: [] }],
    ['a new entry already sent elsewhere', { id: 'old', live: [at('b')] }, { id: 'new', status: 'issued', sentTo: ['c'] }],
  ] as const)('by %s: allowed', (_, old, by) => {
    expect(replaceRefusal(old, by)).toBeNull();
  });
  it.each([
    ['itself', { id: 'old', live: [at('b')] }, { id: 'old', status: 'issued', sentTo: ['b'] }, /khác/],
    ['a void number', { id: 'old', live: [at('b')] }, { id: 'new', status: 'void', sentTo: [] }, /hủy/],
    ['a document live nowhere (never sent, recalled, returned, failed)', { id: 'old', live: [] }, { id: 'new', status: 'issued', sentTo: [] }, /không có gì để thay thế/],
    ['a new entry already sent to that partner', { id: 'old', live: [at('b'), at('c')] }, { id: 'new', status: 'issued', sentTo: ['c'] }, /đã được gửi tới c/],
  ] as const)('by %s: refused, saying why', (_, old, by, why) => {
    expect(replaceRefusal(old, by)).toMatch(why);
  });
  it('goes to the partners where the old one is still live: not failed, recalled or returned', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DELIVERY_STATUSES)), (statuses) => {
        const live = liveDeliveries(statuses.map((status) => ({ status }))).map((x) => x.status);
        expect(live).toEqual(statuses.filter((x) => !['failed', 'recalled', 'returned'].includes(x)));
      }),
    );
  });
});

describe('the “handled” notice', () => {
  it('is edXML status 06 (hoàn thành)', () => {
    const xml = buildStatus({ from: { id: 'hy', name: 'Văn phòng Huyện ủy' }, responseFor: '01JEXAMPLE', status: 'handled', arrivalNumber: null, description: null, timestamp: '2026-12-05T09:00:00+07:00' });
    expect(xml).toMatch(/<(\w+:)?StatusCode>06</);
  });
  it.each([
    { status: 'registered', handledAt: null, changes: true },
    { status: 'registered', handledAt: undefined, changes: true },
    { status: 'registered', handledAt: '2026-12-04T08:00:00Z', changes: false },
    ...DELIVERY_STATUSES.filter((s) => s !== 'registered').map((status) => ({ status, handledAt: null, changes: false })),
  ] as const)('marks a $status delivery (handled before: $handledAt) → $changes, its status unchanged', ({ status, handledAt, changes }) => {
    const patch = handledPatch({ status, handledAt }, '2026-12-05T10:00:00Z');
    expect(patch).toEqual(changes ? { handledAt: '2026-12-05T10:00:00Z' } : null);
    expect(patch && 'status' in patch).toBeFalsy();
  });
});

describe('the message seal (detached JWS over the exact body)', async () => {
  const subject = { commonName: 'Văn phòng Tỉnh ủy', organisation: 'Tỉnh ủy' };
  const rsa = await selfSignedSigner(subject, 'RSA', new Date('2026-01-01T00:00:00Z'));
  const ec = await selfSignedSigner(subject, 'ECDSA', new Date('2026-01-01T00:00:00Z'));
  const other = await selfSignedSigner(subject, 'RSA', new Date('2026-01-01T00:00:00Z'));
  const certOf = async (s: typeof rsa) => pem('CERTIFICATE', (await s.certificates())[0]!);

  it.each([['RSA', rsa], ['P-256', ec]] as const)('%s: a signed body verifies with the signer’s certificate, not with another’s', async (_, signer) => {
    const seal = new JwsSeal(async () => signer, () => 'tu');
    const body = new TextEncoder().encode(JSON.stringify({ messageId: 'x', content: 'Nghị quyết về chuyển đổi số' }));
    const sig = await seal.sign(body);
    expect(await seal.verify(body, sig, await certOf(signer))).toBe(true);
    expect(await seal.verify(body, sig, await certOf(other))).toBe(false);
  });

  it('any change of a signed body, or of its signature, is refused', async () => {
    const seal = new JwsSeal(async () => rsa, () => 'tu');
    const cert = await certOf(rsa);
    const body = new TextEncoder().encode(JSON.stringify({ messageId: '01J', from: 'tu', to: 'hu', kind: 'package', sentAt: '2026-12-05T09:00:00+07:00', content: '<x>Công văn</x>' }));
    const sig = await seal.sign(body);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: body.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean(), async (at, xor, onSignature) => {
        if (onSignature) {
          const s = Buffer.from(sig, 'latin1');
          const i = at % s.length;
          s[i] = s[i]! ^ xor;
          expect(await seal.verify(body, s.toString('latin1'), cert)).toBe(false);
        } else {
          const b = new Uint8Array(body);
          b[at] = b[at]! ^ xor;
          expect(await seal.verify(b, sig, cert)).toBe(false);
        }
      }),
      { numRuns: 60 },
    );
  });
});
