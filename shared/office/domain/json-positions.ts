/**
 * Where each value (and each object key) of a JSON text starts: JSON.parse loses positions, so
 * this small scanner records them, with the keys an object repeats, to name the line and column
 * of a fault in a configuration file. Pure: text in, offsets out.
 */

export type JsonPathKey = string | number;
export type JsonPath = readonly JsonPathKey[];

export interface Located {
  /** path key (JSON of the path array) → offsets of the value and, for object members, of the key. */
  positions: Map<string, { value: number; key?: number }>;
  duplicateKeys: JsonPathKey[][];
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Throws JsonSyntaxError (with the offset) where the text is not JSON. */
export function locateJson(text: string): Located {
  const positions = new Map<string, { value: number; key?: number }>();
  const duplicateKeys: JsonPathKey[][] = [];
  let i = 0;

  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = (msg: string): never => {
    throw new JsonSyntaxError(i >= text.length ? `unexpected end of JSON (${msg})` : `JSON syntax error: ${msg}, found ${JSON.stringify(text[i])}`, i);
  };
  const string = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('control character in string');
      i++;
    }
    if (i >= text.length) {
      i = start;
      fail('unterminated string');
    }
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      i = start;
      return fail('bad escape in string');
    }
  };
  const value = (path: JsonPathKey[], keyOffset?: number) => {
    ws();
    const at = { value: i, ...(keyOffset !== undefined ? { key: keyOffset } : {}) };
    positions.set(JSON.stringify(path), at);
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      const keys = new Set<string>();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a quoted key');
        const keyAt = i;
        const key = string();
        if (keys.has(key)) duplicateKeys.push([...path, key]);
        keys.add(key);
        ws();
        if (text[i] !== ':') fail('expected ":"');
        i++;
        const child = [...path, key];
        // A duplicate key keeps the last position, as JSON.parse keeps the last value.
        value(child, keyAt);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') return void i++;
        fail('expected "," or "}"');
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value([...path, n]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') return void i++;
        fail('expected "," or "]"');
      }
    }
    if (ch === '"') return void string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
    if (!m) fail('expected a value');
    i += m![0].length;
  };

  value([]);
  ws();
  if (i < text.length) fail('unexpected text after the JSON value');
  return { positions, duplicateKeys };
}

/** Offset of the deepest part of the path present in the text (a missing field points at its object). */
export function offsetOf(located: Located, path: JsonPath, atKey: boolean): number {
  for (let n = path.length; n >= 0; n--) {
    const at = located.positions.get(JSON.stringify(path.slice(0, n)));
    if (at) return atKey && n === path.length && at.key !== undefined ? at.key : at.value;
  }
  return 0;
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
