/**
 * The embedded stand-in for Lambda event filtering (local/stream-filter.ts): a table of records as
 * Lambda sends them (DynamoDB JSON in `dynamodb`) against the filter patterns the cloud's event
 * source mappings are given, and the operators it refuses rather than judge wrongly.
 */
import { describe, expect, it } from 'vitest';
import { checkFilterPattern, recordFilter } from '../../local/stream-filter';
import { ENTRY_STREAM_FILTER } from '../../shared/search/adapters/entry-stream';
import { DONE_ENTRY_FILTER } from '../../shared/exchange/sender';

const record = (eventName: string, keys: Record<string, unknown>, image?: Record<string, unknown>) => ({
  eventName,
  eventSource: 'aws:dynamodb',
  dynamodb: { Keys: keys, ...(image ? { NewImage: image } : {}), StreamViewType: 'NEW_IMAGE' },
});
const entryKeys = { pk: { S: 'REGENTRY#01J0ABC' }, sk: { S: 'ENTRY' } };
const entryImage = (register: string, status: string) => ({ ...entryKeys, register: { S: register }, status: { S: status } });

describe('the embedded stream filter', () => {
  it.each([
    ['an entry inserted', ENTRY_STREAM_FILTER, record('INSERT', entryKeys, entryImage('incoming', 'registered')), true],
    ['an entry modified', ENTRY_STREAM_FILTER, record('MODIFY', entryKeys, entryImage('outgoing', 'issued')), true],
    ['an entry removed (REMOVE is not listed)', ENTRY_STREAM_FILTER, record('REMOVE', entryKeys), false],
    ['a counter item', ENTRY_STREAM_FILTER, record('MODIFY', { pk: { S: 'COUNTER#incoming#2026' }, sk: { S: 'C' } }), false],
    ['a key that only contains the prefix later', ENTRY_STREAM_FILTER, record('INSERT', { pk: { S: 'SEARCHPENDING#REGENTRY#1' }, sk: { S: 'x' } }), false],
    ['a number where a string is wanted', ENTRY_STREAM_FILTER, record('INSERT', { pk: { N: '1' }, sk: { S: 'x' } }), false],
    ['no Keys at all', ENTRY_STREAM_FILTER, { eventName: 'INSERT', dynamodb: {} }, false],
    ['an incoming entry written done', DONE_ENTRY_FILTER, record('MODIFY', entryKeys, entryImage('incoming', 'done')), true],
    ['an incoming entry not done', DONE_ENTRY_FILTER, record('MODIFY', entryKeys, entryImage('incoming', 'assigned')), false],
    ['an outgoing entry with status done', DONE_ENTRY_FILTER, record('MODIFY', entryKeys, entryImage('outgoing', 'done')), false],
    ['done, but no new image', DONE_ENTRY_FILTER, record('MODIFY', entryKeys), false],
  ])('%s', (_name, pattern, rec, expected) => {
    expect(recordFilter([pattern])(rec)).toBe(expected);
  });

  it('passes a record any one of several patterns matches, and every record when there are none', () => {
    const either = recordFilter([{ eventName: ['REMOVE'] }, ENTRY_STREAM_FILTER]);
    expect(either(record('REMOVE', { pk: { S: 'X' } }))).toBe(true);
    expect(either(record('INSERT', entryKeys))).toBe(true);
    expect(either(record('INSERT', { pk: { S: 'X' } }))).toBe(false);
    expect(recordFilter(undefined)({ anything: 1 })).toBe(true);
    expect(recordFilter([])({})).toBe(true);
  });

  it('compares values exactly: type and case count', () => {
    const f = recordFilter([{ a: ['1', true, null] }]);
    expect(f({ a: '1' })).toBe(true);
    expect(f({ a: 1 })).toBe(false);
    expect(f({ a: true })).toBe(true);
    expect(f({ a: 'true' })).toBe(false);
    expect(f({ a: null })).toBe(true);
    expect(f({})).toBe(false);
    expect(recordFilter([{ a: ['Done'] }])({ a: 'done' })).toBe(false);
  });

  it.each([
    ['anything-but', { eventName: [{ 'anything-but': ['REMOVE'] }] }],
    ['numeric', { n: [{ numeric: ['>', 0] }] }],
    ['exists', { n: [{ exists: true }] }],
    ['suffix', { n: [{ suffix: '#' }] }],
    ['prefix beside another operator', { n: [{ prefix: 'a', suffix: 'b' }] }],
    ['an empty list', { n: [] }],
    ['a bare value', { n: 'INSERT' }],
    ['an empty pattern', {}],
    ['nested arrays', { n: [['a']] }],
  ])('refuses %s rather than judge it', (_name, pattern) => {
    expect(() => checkFilterPattern(pattern)).toThrow();
    expect(() => recordFilter([pattern])).toThrow();
  });
});
