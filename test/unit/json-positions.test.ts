/**
 * The JSON position scanner that names the line of a fault in config/domain.json
 * (shared/office/domain/json-positions.ts): it records where every value starts, finds the keys
 * an object repeats, and refuses exactly the texts JSON.parse refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, lineColumn, locateJson, offsetOf, type JsonPathKey } from '../../shared/office/domain/json-positions';

/** Every path into a JSON value, with the value found there. */
function paths(v: unknown, at: JsonPathKey[] = []): [JsonPathKey[], unknown][] {
  const here: [JsonPathKey[], unknown][] = [[at, v]];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => paths(x, [...at, i]))];
  if (v !== null && typeof v === 'object') return [...here, ...Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k]))];
  return here;
}

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('locateJson', () => {
  it('every value of a JSON text is found where its own text starts (compact and indented)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const located = locateJson(text);
        for (const [path, sub] of paths(JSON.parse(text))) {
          const at = offsetOf(located, path, false);
          const own = JSON.stringify(sub, null, indent);
          // Nested values are indented deeper in the whole text: compare the first line only.
          expect(text.slice(at)).toMatch(new RegExp(`^${own.split('\n')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        }
      }),
    );
  });

  it('refuses a text exactly when JSON.parse does (valid texts with one character removed or added)', () => {
    const mutated = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', '{', '}', '[', ']', '"', ':', ' ', '0', '-', 'e', '\\'))
      .map(([text, n, insert]) => {
        const at = text.length === 0 ? 0 : n % text.length;
        return insert === '' ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + insert + text.slice(at);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let refused = false;
        try {
          locateJson(text);
        } catch (e) {
          expect(e).toBeInstanceOf(JsonSyntaxError);
          refused = true;
        }
        expect(refused).toBe(!parses(text));
      }),
    );
  });

  it('lists the keys an object repeats, pointing at the last one as JSON.parse keeps the last value', () => {
    const text = '{"a": 1, "b": {"c": 2, "c": 3}, "a": 4}';
    const located = locateJson(text);
    expect(located.duplicateKeys).toEqual([['b', 'c'], ['a']]);
    expect(text.slice(offsetOf(located, ['a'], true))).toMatch(/^"a": 4/);
    expect(text.slice(offsetOf(located, ['b', 'c'], false))).toMatch(/^3\}/);
  });

  it('a path missing from the text points at the deepest part present', () => {
    const text = '{"office": {"name": "VP"}}';
    expect(text.slice(offsetOf(locateJson(text), ['office', 'timeZone'], false))).toBe('{"name": "VP"}}');
  });

  it('names where the text stops being JSON', () => {
    const at = (text: string) => {
      try {
        locateJson(text);
      } catch (e) {
        return { ...lineColumn(text, (e as JsonSyntaxError).offset), message: (e as Error).message };
      }
      throw new Error('expected a syntax error');
    };
    expect(at('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 3, column: 3, message: expect.stringContaining('expected "," or "}"') });
    expect(at('[1, 2')).toMatchObject({ line: 1, message: expect.stringContaining('unexpected end of JSON') });
    expect(at('{"a": "x\ny"}')).toMatchObject({ line: 1, column: 9, message: expect.stringContaining('control character') });
  });
});

describe('lineColumn', () => {
  it.each([
    ['abc', 0, 1, 1],
    ['abc', 2, 1, 3],
    ['a\nbc', 2, 2, 1],
    ['a\nbc', 3, 2, 2],
    ['a\r\nb', 3, 2, 1],
    ['\n\n\nx', 3, 4, 1],
  ])('%j at %i is line %i, column %i', (text, offset, line, column) => {
    expect(lineColumn(text, offset)).toEqual({ line, column });
  });
});
