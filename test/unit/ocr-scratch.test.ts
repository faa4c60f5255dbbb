/**
 * Page-sized scratch arrays (shared/scans/adapters/ocr/scratch.ts): one name's array is reused
 * from call to call (that is the point: no fresh memory to fault in per page), two names never
 * share memory, `cleared` gives zeros whatever was left, and an array over the keeping limit is
 * fresh every time.
 */
import { describe, expect, it } from 'vitest';
import { scratchFloat32, scratchInt32, scratchUint8 } from '../../shared/scans/adapters/ocr/scratch';

describe('scratch arrays', () => {
  it('reuse one memory per name, and two names never share', () => {
    const a = scratchUint8('test.a', 1000, true);
    a.fill(7);
    const b = scratchUint8('test.b', 1000, true);
    expect(b.buffer).not.toBe(a.buffer);
    expect(a.every((v) => v === 7)).toBe(true);
    const again = scratchUint8('test.a', 500, false);
    expect(again.buffer).toBe(a.buffer);
    expect(again.length).toBe(500);
    expect(again[499]).toBe(7);
  });

  it('are zeros when asked cleared, whatever they held', () => {
    scratchInt32('test.c', 300, true).fill(-5);
    expect(scratchInt32('test.c', 300, true).every((v) => v === 0)).toBe(true);
    scratchFloat32('test.d', 300, true).fill(1.5);
    expect(scratchFloat32('test.d', 200, true).every((v) => v === 0)).toBe(true);
  });

  it('grow when a larger page comes, keeping the name', () => {
    const small = scratchInt32('test.e', 10, true);
    const large = scratchInt32('test.e', 10_000, true);
    expect(large.length).toBe(10_000);
    expect(large.buffer).not.toBe(small.buffer);
    expect(scratchInt32('test.e', 10, false).buffer).toBe(large.buffer);
  });

  it('are fresh every time above the keeping limit (64 MiB)', () => {
    const n = 64 * 1024 * 1024 + 1;
    const first = scratchUint8('test.f', n, false);
    const second = scratchUint8('test.f', n, false);
    expect(second.buffer).not.toBe(first.buffer);
  });
});
