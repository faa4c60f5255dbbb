/**
 * The cross-checks of the office's domain rules that a schema cannot express: references between
 * parts (a body's kind, a type in the authority matrix, a dossier kind, a parent body), unique ids
 * and codes, parent chains that end, terms and congresses in order, a time zone that exists,
 * office hours that do not overlap, and the signing forms a collective or single-head body uses.
 */
import type { DomainConfig } from './domain-config-schema';
import type { JsonPath } from './json-positions';

/** One fault of the configuration, at a path of the JSON document. */
export interface Fault {
  path: JsonPath;
  message: string;
  /** Point at the key itself (unknown or duplicate keys) rather than its value. */
  atKey?: boolean;
}

type Path = JsonPath;

/** Every fault of a configuration that has the schema's shape (none: an empty list). */
export function crossCheck(c: DomainConfig): Fault[] {
  const faults: Fault[] = [];
  const fault = (path: Path, message: string) => faults.push({ path, message });
  const upper = (s: string) => s.normalize('NFC').toUpperCase();

  const zoneOk = (() => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: c.office.timeZone });
      return true;
    } catch {
      return false;
    }
  })();
  if (!zoneOk) fault(['office', 'timeZone'], `unknown time zone "${c.office.timeZone}"`);

  const dossierIds = uniqueIds(c.dossierKinds.map((d) => d.id), ['dossierKinds'], 'id', fault);

  // Type codes and aliases must each name one type; symbols may be shared (QĐ for Quyết định and Quy định).
  const typeNames = new Map<string, string>();
  c.documentTypes.forEach((t, i) => {
    const check = (value: string, path: Path, what: string) => {
      const key = upper(value);
      const owner = typeNames.get(key);
      if (owner !== undefined) fault(path, `duplicate ${what} "${value}" (already used by ${owner})`);
      else typeNames.set(key, `documentTypes[${i}]`);
    };
    check(t.code, ['documentTypes', i, 'code'], 'code');
    t.aliases?.forEach((a, j) => check(a, ['documentTypes', i, 'aliases', j], 'alias'));
    t.requiredDossier?.forEach((d, j) => {
      if (!dossierIds.has(d)) fault(['documentTypes', i, 'requiredDossier', j], `unknown dossier kind "${d}"`);
    });
  });
  const typeCodes = new Set(c.documentTypes.map((t) => t.code));

  const kinds = new Map(c.issuerKinds.map((k) => [k.id, k]));
  uniqueIds(c.issuerKinds.map((k) => k.id), ['issuerKinds'], 'id', fault);

  const bodyIds = uniqueIds(c.issuingBodies.map((b) => b.id), ['issuingBodies'], 'id', fault);
  c.issuingBodies.forEach((b, i) => {
    const kind = kinds.get(b.kind);
    if (!kind) fault(['issuingBodies', i, 'kind'], `unknown issuer kind "${b.kind}"`);
    if (b.parent !== null && !bodyIds.has(b.parent)) fault(['issuingBodies', i, 'parent'], `unknown parent body "${b.parent}"`);
    if (b.parent === b.id) fault(['issuingBodies', i, 'parent'], 'a body cannot be its own parent');
    b.signing.forEach((s, j) => {
      const at: Path = ['issuingBodies', i, 'signing', j];
      if (s.form !== 'direct' && !s.on) fault([...at, 'on'], `form ${s.form} needs "on" (the body or head it signs for)`);
      if (s.form === 'direct' && s.on) fault([...at, 'on'], 'a direct signature has no "on"');
      if (kind?.collective && (s.form === 'direct' || s.form === 'K/T')) {
        fault([...at, 'form'], `collective body (kind "${kind.id}") signs T/M, not ${s.form}`);
      }
      if (kind && !kind.collective && s.form === 'T/M') fault([...at, 'form'], `T/M is for collective bodies; kind "${kind.id}" is not collective`);
    });
    if (kind?.collective && !b.signing.some((s) => s.form === 'T/M')) fault(['issuingBodies', i, 'signing'], 'a collective body needs a T/M signing form');
    if (kind && !kind.collective && !b.signing.some((s) => s.form === 'direct')) fault(['issuingBodies', i, 'signing'], 'the head of a non-collective body signs directly: add a "direct" form');
  });
  // Parent chains must end (no cycles).
  const byId = new Map(c.issuingBodies.map((b) => [b.id, b]));
  c.issuingBodies.forEach((b, i) => {
    const seen = new Set<string>([b.id]);
    let p = b.parent;
    while (p !== null && byId.has(p)) {
      if (seen.has(p)) {
        fault(['issuingBodies', i, 'parent'], `parent chain loops back to "${p}"`);
        break;
      }
      seen.add(p);
      p = byId.get(p)!.parent;
    }
  });
  if (!bodyIds.has(c.office.bodyId)) fault(['office', 'bodyId'], `unknown body "${c.office.bodyId}"`);

  for (const [kindId, entry] of Object.entries(c.authority)) {
    if (!kinds.has(kindId)) fault(['authority', kindId], `unknown issuer kind "${kindId}"`);
    const seen = new Set<string>();
    entry.types.forEach((t, j) => {
      if (!typeCodes.has(t)) fault(['authority', kindId, 'types', j], `unknown document type "${t}"`);
      else if (seen.has(t)) fault(['authority', kindId, 'types', j], `"${t}" is listed twice`);
      seen.add(t);
    });
  }

  const n = c.numbering;
  uniqueIds(n.terms.map((t) => t.id), ['numbering', 'terms'], 'id', fault);
  n.terms.forEach((t, i) => {
    const prev = n.terms[i - 1];
    if (prev && t.start <= prev.start) fault(['numbering', 'terms', i, 'start'], `term must start after the previous term (${prev.start})`);
  });
  uniqueIds(n.congresses.map((t) => t.id), ['numbering', 'congresses'], 'id', fault);
  n.congresses.forEach((g, i) => {
    if (g.end < g.start) fault(['numbering', 'congresses', i, 'end'], `congress ends (${g.end}) before it starts (${g.start})`);
    const prev = n.congresses[i - 1];
    if (prev && g.start <= prev.end) fault(['numbering', 'congresses', i, 'start'], `congress must start after the previous one ends (${prev.end})`);
  });
  const congressUsed = n.defaultScope === 'congress' || n.rules.some((r) => r.scope === 'congress');
  if (congressUsed && n.congresses.length === 0) fault(['numbering', 'congresses'], 'a congress numbering scope is used but no congress is listed');
  n.rules.forEach((r, i) => {
    r.bodies.forEach((b, j) => {
      if (!bodyIds.has(b)) fault(['numbering', 'rules', i, 'bodies', j], `unknown body "${b}"`);
    });
    r.types?.forEach((t, j) => {
      if (!typeCodes.has(t)) fault(['numbering', 'rules', i, 'types', j], `unknown document type "${t}"`);
    });
  });

  const cal = c.calendar;
  const ranges = (list: typeof cal.holidays, key: 'holidays' | 'extraWorkingDays') =>
    list.forEach((h, i) => {
      if (h.to !== undefined && h.to < h.from) fault(['calendar', key, i, 'to'], `ends (${h.to}) before it starts (${h.from})`);
    });
  ranges(cal.holidays, 'holidays');
  ranges(cal.extraWorkingDays, 'extraWorkingDays');
  cal.officeHours.forEach((h, i) => {
    if (h.end <= h.start) fault(['calendar', 'officeHours', i, 'end'], `ends (${h.end}) before it starts (${h.start})`);
    const prev = cal.officeHours[i - 1];
    if (prev && h.start < prev.end) fault(['calendar', 'officeHours', i, 'start'], `overlaps the previous interval (ends ${prev.end})`);
  });
  return faults;
}

function uniqueIds(ids: string[], at: Path, field: string, fault: (p: Path, m: string) => void): Set<string> {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) fault([...at, i, field], `duplicate ${field} "${id}"`);
    seen.add(id);
  });
  return seen;
}
