/** Normalises user text to Unicode NFC (api.md: text is NFC on input). */
export const nfc = (s: string): string => s.normalize('NFC');

/** Recursively NFC-normalises every string inside a JSON value. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === 'string') return nfc(value) as T;
  if (Array.isArray(value)) return value.map((v) => nfcDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = nfcDeep(v);
    return out as T;
  }
  return value;
}
