/**
 * The trust cases of issue 11, shared by the tests and `npm run bench -- reliability`.
 *
 * Each area (identity, secrecy, limits, load) exports `run(ctx)` from its own module in this
 * folder. The bench starts one embedded office in this process (DynamoDB Local, s3rver, the HTTP
 * gateway on `ctx.url`) and prints every result; the area's tests assert `ok` on the same cases.
 */
export interface TrustContext {
  /** Base URL of the embedded office's HTTP gateway (no trailing slash). */
  url: string;
  /** The office's data directory (keys/ holds the embedded issuer's keys). */
  dataDir: string;
}

export interface TrustResult {
  /** identity | secrecy | limits | load */
  area: string;
  /** What was tried, in a few words (e.g. "chuyên viên writes custom:clearance on own token"). */
  name: string;
  ok: boolean;
  /** Figures or what went wrong. */
  detail: string;
}

export type TrustArea = (ctx: TrustContext) => Promise<TrustResult[]>;
