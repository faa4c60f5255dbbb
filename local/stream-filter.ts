/**
 * Lambda event filtering for the embedded stream poller: the filter criteria given to the cloud's
 * event source mapping (CDK `FilterCriteria.filter(pattern)`) tested against a record as Lambda
 * sends it, so that the embedded handler is called with the records the cloud's would be, and no
 * others.
 *
 * The patterns this project writes use a part of Lambda's filter syntax: nested objects (every
 * field named must match), arrays of values (any one of them, compared exactly) and `{ prefix }`.
 * Any other operator (`anything-but`, `numeric`, `exists`, `suffix`, …) is refused when the poller
 * starts, so a filter this stand-in cannot judge is never judged wrongly.
 */

type Pattern = { [field: string]: Pattern | readonly Value[] };
type Value = string | number | boolean | null | { prefix: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Throws when the pattern uses what this matcher does not implement. */
export function checkFilterPattern(pattern: unknown, at = 'pattern'): asserts pattern is Pattern {
  if (!isObject(pattern) || !Object.keys(pattern).length) throw new Error(`${at}: a filter pattern is an object naming at least one field`);
  for (const [field, rule] of Object.entries(pattern)) {
    if (isObject(rule)) {
      checkFilterPattern(rule, `${at}.${field}`);
      continue;
    }
    if (!Array.isArray(rule) || !rule.length) throw new Error(`${at}.${field}: a field's rule is an object or a non-empty array of values`);
    for (const v of rule) {
      if (isObject(v) && !(Object.keys(v).length === 1 && typeof v.prefix === 'string')) throw new Error(`${at}.${field}: ${JSON.stringify(v)} is not supported by the embedded filter (values and { prefix } only)`);
      if (Array.isArray(v)) throw new Error(`${at}.${field}: nested arrays are not a filter rule`);
    }
  }
}

function matches(value: unknown, pattern: Pattern): boolean {
  if (!isObject(value)) return false;
  for (const [field, rule] of Object.entries(pattern)) {
    const v = value[field];
    if (Array.isArray(rule)) {
      if (!(rule as readonly Value[]).some((r) => (isObject(r) ? typeof v === 'string' && v.startsWith(r.prefix) : v === r))) return false;
    } else if (!matches(v, rule as Pattern)) return false;
  }
  return true;
}

/** A test for records: true when any of the patterns matches (Lambda: criteria are ORed); no patterns, every record. */
export function recordFilter(patterns: readonly unknown[] | undefined): (record: unknown) => boolean {
  if (!patterns?.length) return () => true;
  patterns.forEach((p, i) => checkFilterPattern(p, `filters[${i}]`));
  const checked = patterns as Pattern[];
  return (record) => checked.some((p) => matches(record, p));
}
