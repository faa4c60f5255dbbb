/**
 * Helpers of the register integration tests: clocks, tokens for clerks with other clearances,
 * valid request bodies, and extra stores standing for other Lambda containers.
 * Each test file works in its own years so that files sharing DynamoDB Local never collide.
 */
import { readFileSync } from 'node:fs';
import { ensureKeys } from '../../local/keys';
import { personAccessToken } from '../../local/issuer';
import { poolUser } from '../../local/demo-users';
import { useParts, officeParts } from '../support/parts';
import { loadDomainConfig, type DomainConfig } from '../../shared/office';
import type { Caller, Clearance, Role } from '../../shared/platform/security';
import { documentClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';
import { GaplessCounter } from '../../shared/registers/adapters/gapless-counter';
import type { Clock } from '../../shared/platform/clock';
import type { Registers } from '../../shared/registers';
import { dynamoRegisters } from '../support/dynamo-registers';

const configText = readFileSync(new URL('../../config/domain.json', import.meta.url), 'utf8');

/** The repository's configuration, optionally edited (e.g. a term that starts in a test year). */
export function testConfig(edit?: (raw: DomainConfig) => void): DomainConfig {
  const raw = JSON.parse(configText) as DomainConfig;
  edit?.(raw);
  return loadDomainConfig(JSON.stringify(raw, null, 2), 'test-config.json');
}

/** A clock standing at a wall time in the office's zone (UTC+7), e.g. '2039-03-10T09:00:00'. */
export function vnClock(wall: string): Clock & { set(wall: string): void; advance(ms: number): void } {
  let t = new Date(`${wall}+07:00`).getTime();
  return {
    now: () => new Date(t),
    set: (w: string) => void (t = new Date(`${w}+07:00`).getTime()),
    advance: (ms: number) => void (t += ms),
  };
}

/** Makes the handlers see this clock (and configuration, register store); call with no arguments to restore. */
export function useServices(o: { clock?: Clock; domainConfig?: DomainConfig; registers?: Registers } = {}): void {
  useParts(o);
}

/**
 * The registers as a function composes them, with a counter of their own (indexing is not on
 * the request path: each write only records its search-outbox marker).
 */
export function plainRegisters(): Registers {
  return dynamoRegisters({
    db: documentClient(),
    table: tableName('Data'),
    audit: officeParts().audit,
    clock: { now: () => officeParts().clock.now() },
    config: () => officeParts().domainConfig,
  });
}

/** A token for someone who is not a seeded demo user (e.g. a clerk cleared for tối mật). */
export async function tokenWith(username: string, roles: Role[], clearance: Clearance): Promise<string> {
  const jwks = process.env.DAUMOI_LOCAL_JWKS!;
  const keys = await ensureKeys(jwks.replace(/\/keys\/jwks\.json$/, ''));
  return personAccessToken(keys, poolUser({ username, roles, clearance }));
}

/** The same person as a Caller, for calling a store directly. */
export const callerWith = (username: string, roles: Role[], clearance: Clearance): Caller => ({ sub: `user-${username}`, username, roles, clearance });

let serial = 0;
/** A valid registration body; each call is a different letter (its own number-symbol; files use their own years). */
export function incomingBody(documentDate: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  serial++;
  return {
    numberSymbol: `${serial}-CV/VPTU`,
    documentDate,
    issuer: 'Văn phòng Tỉnh ủy',
    typeCode: 'CV',
    subject: `về việc chuẩn bị hội nghị số ${serial}`,
    secrecy: null,
    urgency: null,
    ...over,
  };
}

/** A valid outgoing body: a Nghị quyết of the Tỉnh ủy. */
export function outgoingBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    typeCode: 'NQ',
    issuerCode: 'TU',
    subject: 'về phát triển kinh tế số',
    signer: 'Nguyễn Văn A',
    recipients: ['Các huyện ủy, thành ủy', 'Lưu VT'],
    secrecy: null,
    urgency: null,
    copies: 40,
    ...over,
  };
}

/** Another register store with its own counter queue: what a second Lambda container would be. */
export function otherContainer(clock: Clock, config: DomainConfig = officeParts().domainConfig): Registers {
  return dynamoRegisters({
    db: documentClient(),
    table: tableName('Data'),
    audit: officeParts().audit,
    clock,
    config: () => config,
    counter: new GaplessCounter(documentClient(), tableName('Data')),
  });
}

/** The stored value of a counter ('incoming/2039', 'outgoing/TU/NQ/term-…'). */
export function counterValue(key: string): Promise<number> {
  return new GaplessCounter(documentClient(), tableName('Data')).current(key);
}

/** 1, 2, …, n */
export const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
