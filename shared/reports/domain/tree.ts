/** The organisation tree (cây tổ chức): no cycles, and a stable depth-first order for views and exports. */
import { ValidationError } from '../../platform/errors';

interface Node {
  id: string;
  name: string;
  parentId: string | null;
}

/** Throws ValidationError 'ORG_CYCLE' when making `parentId` the parent of `orgId` would close a loop. */
export function assertNoCycle(orgId: string, parentId: string | null, parentOf: (id: string) => string | null | undefined): void {
  const seen = new Set<string>([orgId]);
  let p = parentId;
  while (p !== null && p !== undefined) {
    if (seen.has(p)) {
      const message = `Organisation ${p} cannot be the parent of ${orgId}: ${p === orgId ? 'an organisation cannot be its own parent' : 'it is below it in the tree'}`;
      throw new ValidationError(message, [{ path: 'body.parentId', message }], 'ORG_CYCLE');
    }
    seen.add(p);
    p = parentOf(p) ?? null;
  }
}

/** Organisations depth-first (parents before their children, siblings by name), each with its depth. */
export function treeOrder<T extends Node>(orgs: readonly T[]): (T & { depth: number })[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, T[]>();
  for (const o of orgs) {
    // An organisation whose parent is not in the list is shown as a root.
    const parent = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(o);
  }
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'vi') || a.id.localeCompare(b.id);
  const out: (T & { depth: number })[] = [];
  const visited = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const o of (children.get(parent) ?? []).sort(byName)) {
      if (visited.has(o.id)) continue;
      visited.add(o.id);
      out.push({ ...o, depth });
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  // Anything left sits on a cycle (should not happen): list it rather than lose it.
  for (const o of orgs) if (!visited.has(o.id)) out.push({ ...o, depth: 0 });
  return out;
}
