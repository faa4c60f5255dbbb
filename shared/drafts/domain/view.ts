/** What a client sees of a draft (pure): everything but the workflow's internals. */
import type { Draft } from './model';

/** The draft as the API answers it: no execution name, the precheck without the issuer body it resolved, the number and entry only once issued. */
export function clientView(d: Draft) {
  const { executionName: _e, precheck, numberSymbol, outgoingEntryId, ...rest } = d;
  return {
    ...rest,
    precheck: precheck ? { findings: precheck.findings, ok: precheck.ok, at: precheck.at, round: precheck.round } : null,
    ...(numberSymbol ? { numberSymbol } : {}),
    ...(outgoingEntryId ? { outgoingEntryId } : {}),
  };
}

export type ClientDraft = ReturnType<typeof clientView>;
