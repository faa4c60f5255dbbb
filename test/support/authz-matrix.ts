/**
 * The EXPECTED authorization matrix: for every route of the route table, what each identity
 * gets. Written out by hand from api.md and the domain rules, not derived from the route
 * table's `roles`, so that a route whose roles drift is caught. A route without a row here, or a
 * row for a route that no longer exists, fails the matrix test.
 *
 * Each row lists the identities in IDENTITIES order:
 * - `A` allowed: any status but 401, 403 and 5xx (the request got past authorization);
 * - `U` 401, `F` 403, `N` 404 (what the caller may not see does not exist for them).
 */

/** Who calls: the demo roles, an organisation's client, and three callers with no valid identity. */
export const IDENTITIES = ['admin', 'vanthu', 'chuyenvien', 'chanhvp', 'bithu', 'bantochuc', 'client', 'anonymous', 'expired', 'forged'] as const;
export type Identity = (typeof IDENTITIES)[number];

export type Expect = 'allowed' | 401 | 403 | 404;
const CODES: Record<string, Expect> = { A: 'allowed', U: 401, F: 403, N: 404 };

//                                                    admin vanthu chuyenvien chanhvp bithu bantochuc client anonymous expired forged
const ROWS: Record<string, string> = {
  'GET /v1/health': /*                                   */ 'A A A A A A A A A A',
  'GET /v1/openapi.json': /*                             */ 'A A A A A A A A A A',
  'GET /v1/me': /*                                       */ 'A A A A A A A U U U',

  'POST /v1/registers/incoming/entries': /*              */ 'F A F F F F F U U U',
  'GET /v1/registers/incoming/entries': /*               */ 'A A A A A F F U U U',
  'GET /v1/registers/incoming/entries/{id}': /*          */ 'A A A A A F F U U U',
  // chuyenvien is the entry's handler: a handler may change its status and note.
  'PATCH /v1/registers/incoming/entries/{id}': /*        */ 'F A A A F F F U U U',
  'POST /v1/registers/outgoing/entries': /*              */ 'F A F F F F F U U U',
  'GET /v1/registers/outgoing/entries': /*               */ 'A A A A A F F U U U',
  'GET /v1/registers/outgoing/entries/{id}': /*          */ 'A A A A A F F U U U',
  'POST /v1/registers/outgoing/entries/{id}/void': /*    */ 'F A F A F F F U U U',
  'GET /v1/registers/outgoing/entries/{id}/document': /* */ 'A A A A A F F U U U',
  'GET /v1/registers/{register}/export': /*              */ 'A A A A A F F U U U',
  'GET /v1/registers/{register}/counts': /*              */ 'A A A A A F F U U U',

  'GET /v1/audit': /*                                    */ 'A F F F F F F U U U',
  'GET /v1/audit/verify': /*                             */ 'A F F F F F F U U U',

  'POST /v1/drafts': /*                                  */ 'F F F F F A F U U U',
  // Office roles see every draft their clearance covers; the drafting department sees its own.
  'GET /v1/drafts/{id}': /*                              */ 'A A A A A A F U U U',
  // The same people list the drafts they may see (and count them): an organisation's client none.
  'GET /v1/drafts': /*                                   */ 'A A A A A A F U U U',
  'GET /v1/drafts/counts': /*                            */ 'A A A A A A F U U U',
  // The draft waits for its appraisal, which only a chuyên viên decides.
  'POST /v1/drafts/{id}/decisions': /*                   */ 'F F A F F F F U U U',
  'GET /v1/tasks': /*                                    */ 'A A A A A A F U U U',

  'POST /v1/scans': /*                                   */ 'F A F F F F F U U U',
  'GET /v1/scans/{scanId}': /*                           */ 'A A A A A F F U U U',
  'GET /v1/scans/{scanId}/original': /*                  */ 'A A A A A F F U U U',
  'POST /v1/scans/{scanId}/register': /*                 */ 'F A F F F F F U U U',
  'GET /v1/search': /*                                   */ 'A A A A A F F U U U',

  'POST /v1/orgs': /*                                    */ 'A F F F F F F U U U',
  // api.md: the organisations are the admin's (the office sees them in the reports' status).
  'GET /v1/orgs': /*                                     */ 'A F F F F F F U U U',
  'GET /v1/orgs/{orgId}': /*                             */ 'A F F F F F F U U U',
  'PATCH /v1/orgs/{orgId}': /*                           */ 'A F F F F F F U U U',
  'POST /v1/orgs/{orgId}/clients': /*                    */ 'A F F F F F F U U U',
  'GET /v1/orgs/{orgId}/clients': /*                     */ 'A F F F F F F U U U',
  'POST /v1/orgs/{orgId}/clients/{clientId}/revoke': /*  */ 'A F F F F F F U U U',

  'POST /v1/report-types': /*                            */ 'A F F F F F F U U U',
  'GET /v1/report-types': /*                             */ 'A A A A A F A U U U',
  'GET /v1/report-types/{code}': /*                      */ 'A A A A A F A U U U',
  'PATCH /v1/report-types/{code}': /*                    */ 'A F F F F F F U U U',
  'POST /v1/reports': /*                                 */ 'F F F F F F A U U U',
  'POST /v1/reports/attachments': /*                     */ 'F F F F F F A U U U',
  'GET /v1/reports': /*                                  */ 'A A A A A F A U U U',
  'GET /v1/reports/status': /*                           */ 'A A A A A F F U U U',
  'GET /v1/reports/export': /*                           */ 'A A A A A F F U U U',
  'GET /v1/reports/reminders': /*                        */ 'A A A A A F F U U U',
  'POST /v1/reports/reminders/run': /*                   */ 'A F F F F F F U U U',
  'GET /v1/reports/{id}': /*                             */ 'A A A A A F A U U U',
  'GET /v1/reports/{id}/versions/{version}': /*          */ 'A A A A A F A U U U',
  'GET /v1/reports/{id}/attachments/{attachmentId}': /*  */ 'A A A A A F A U U U',
  'GET /v1/notifications/outbox': /*                     */ 'A F F F F F F U U U',

  'GET /v1/users': /*                                    */ 'A F F F F F F U U U',
  'PUT /v1/users/{username}': /*                         */ 'A F F F F F F U U U',

  // Giao việc: leaders give work and decide; the assignment is chuyenvien's; bantochuc (a department
  // member it is not given to) does not see it; the overdue list is for leaders and the văn thư.
  'POST /v1/registers/incoming/entries/{id}/instruction': 'F F F A A F F U U U',
  'POST /v1/assignments': /*                             */ 'F F F A A F F U U U',
  'POST /v1/assignments/conclusions': /*                 */ 'F F F A A F F U U U',
  'GET /v1/assignments': /*                              */ 'A A A A A A F U U U',
  'GET /v1/assignments/stats': /*                        */ 'A A A A A F F U U U',
  'GET /v1/assignments/overdue': /*                      */ 'F A F A A F F U U U',
  'GET /v1/assignments/export': /*                       */ 'A A A A A F F U U U',
  'POST /v1/assignments/reminders/run': /*               */ 'A F F F F F F U U U',
  'GET /v1/assignments/{id}': /*                         */ 'A A A A A N F U U U',
  'POST /v1/assignments/{id}/progress': /*               */ 'F F A A A N F U U U',
  'POST /v1/assignments/{id}/complete': /*               */ 'F F A A A N F U U U',
  'POST /v1/assignments/{id}/extension': /*              */ 'F F A F F N F U U U',
  'POST /v1/assignments/{id}/extension/decision': /*     */ 'F F F A A F F U U U',
  'POST /v1/assignments/{id}/reassign': /*               */ 'F F F A A F F U U U',
  // The partner-to-partner endpoint is authenticated by the sender's signature: a bearer token changes nothing.
  'GET /v1/exchange/identity': /*                        */ 'A A A A A A A A A A',
  'POST /v1/exchange/messages': /*                       */ 'A A A A A A A A A A',
  'GET /v1/exchange/partners': /*                        */ 'A F F F F F F U U U',
  'POST /v1/exchange/partners': /*                       */ 'A F F F F F F U U U',
  // The clerk's send dialog: partners' ids, names and channels only.
  'GET /v1/exchange/recipients': /*                      */ 'F A F F F F F U U U',
  'POST /v1/registers/outgoing/entries/{id}/send': /*    */ 'F A F F F F F U U U',
  'GET /v1/registers/outgoing/entries/{id}/deliveries': /* */ 'A A A A A F F U U U',
  'POST /v1/registers/outgoing/entries/{id}/recall': /*  */ 'F A F A F F F U U U',
  'POST /v1/registers/outgoing/entries/{id}/replace': /* */ 'F A F A F F F U U U',
  'GET /v1/exchange/inbox': /*                           */ 'F A F F F F F U U U',
  'GET /v1/exchange/inbox/{id}': /*                      */ 'F A F F F F F U U U',
  'GET /v1/exchange/inbox/{id}/document': /*             */ 'F A F F F F F U U U',
  'POST /v1/exchange/inbox/{id}/register': /*            */ 'F A F F F F F U U U',
  'POST /v1/exchange/inbox/{id}/return': /*              */ 'F A F F F F F U U U',
};

/** The expected matrix, route key (`METHOD /path/{template}`) → identity → expectation. */
export const EXPECTED: Record<string, Record<Identity, Expect>> = Object.fromEntries(
  Object.entries(ROWS).map(([route, row]) => {
    const codes = row.trim().split(/\s+/);
    if (codes.length !== IDENTITIES.length || codes.some((c) => !(c in CODES))) throw new Error(`authz-matrix: bad row for ${route}: "${row}"`);
    return [route, Object.fromEntries(IDENTITIES.map((id, i) => [id, CODES[codes[i]!]!])) as Record<Identity, Expect>];
  }),
);

/**
 * Cases the grid cannot show, decided inside the operation: clearance (a secret entry is not
 * there for a caller below its level), the handler rule, the drafting department, an
 * organisation reading another's report, a revoked client. `target` names the request variant
 * (see test/support/route-requests.ts); `as` may be a caller beyond the grid's identities.
 */
export const EXTRA_CALLERS = ['chuyenvien2', 'vanthu', 'chanhvp', 'bithu', 'bantochuc', 'otherClient', 'revokedClient', 'secretDrafter'] as const;
export type ExtraCaller = (typeof EXTRA_CALLERS)[number];
export const TARGETS = ['secret-incoming', 'secret-outgoing', 'secret-draft', 'secret-scan', 'handled-incoming', 'own-report', 'mat-body', 'toi-mat-body', 'plain'] as const;
export type Target = (typeof TARGETS)[number];

export interface ExtraCase {
  name: string;
  route: string;
  as: ExtraCaller;
  target: Target;
  expect: Expect;
}

export const EXTRA_CASES: ExtraCase[] = [
  { name: 'a tối mật incoming entry read by a specialist without clearance', route: 'GET /v1/registers/incoming/entries/{id}', as: 'chuyenvien2', target: 'secret-incoming', expect: 404 },
  { name: 'a tối mật incoming entry read by the clerk cleared for mật', route: 'GET /v1/registers/incoming/entries/{id}', as: 'vanthu', target: 'secret-incoming', expect: 404 },
  { name: 'a tối mật incoming entry read by the head of office cleared for tối mật', route: 'GET /v1/registers/incoming/entries/{id}', as: 'chanhvp', target: 'secret-incoming', expect: 'allowed' },
  { name: 'a tối mật incoming entry changed by the clerk cleared for mật', route: 'PATCH /v1/registers/incoming/entries/{id}', as: 'vanthu', target: 'secret-incoming', expect: 404 },
  { name: 'an entry changed by a specialist who is not its handler', route: 'PATCH /v1/registers/incoming/entries/{id}', as: 'chuyenvien2', target: 'handled-incoming', expect: 403 },
  { name: 'a mật outgoing entry read by a specialist without clearance', route: 'GET /v1/registers/outgoing/entries/{id}', as: 'chuyenvien2', target: 'secret-outgoing', expect: 404 },
  { name: 'a mật outgoing entry voided by the head of office', route: 'POST /v1/registers/outgoing/entries/{id}/void', as: 'chanhvp', target: 'secret-outgoing', expect: 'allowed' },
  { name: 'a mật draft read by a specialist without clearance', route: 'GET /v1/drafts/{id}', as: 'chuyenvien2', target: 'secret-draft', expect: 404 },
  { name: 'a mật draft read by a member of its department without clearance', route: 'GET /v1/drafts/{id}', as: 'bantochuc', target: 'secret-draft', expect: 404 },
  { name: 'a tối mật scan read by a specialist without clearance', route: 'GET /v1/scans/{scanId}', as: 'chuyenvien2', target: 'secret-scan', expect: 404 },
  { name: 'the file of a tối mật scan asked for by a specialist without clearance', route: 'GET /v1/scans/{scanId}/original', as: 'chuyenvien2', target: 'secret-scan', expect: 404 },
  { name: 'a mật draft submitted by a drafter without clearance', route: 'POST /v1/drafts', as: 'bantochuc', target: 'mat-body', expect: 403 },
  { name: 'a mật draft submitted by a drafter cleared for mật', route: 'POST /v1/drafts', as: 'secretDrafter', target: 'mat-body', expect: 'allowed' },
  { name: 'a tối mật letter registered by the clerk cleared for mật', route: 'POST /v1/registers/incoming/entries', as: 'vanthu', target: 'toi-mat-body', expect: 403 },
  { name: "an organisation's report read by another organisation's client", route: 'GET /v1/reports/{id}', as: 'otherClient', target: 'own-report', expect: 404 },
  { name: 'a revoked client', route: 'GET /v1/me', as: 'revokedClient', target: 'plain', expect: 401 },
];
