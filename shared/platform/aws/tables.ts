/**
 * The DynamoDB tables, declared once: the CDK data stack and the embedded bootstrap both
 * create them from this list, so the key schemas can never differ between the two runtimes.
 */
import { ENV } from '../env';

export interface TableSpec {
  /** Logical name, also the suffix of the physical name. */
  name: 'Data' | 'Search' | 'Audit' | 'Idempotency';
  envVar: string;
  partitionKey: string;
  sortKey?: string;
  globalIndexes: { name: string; partitionKey: string; sortKey?: string }[];
  ttlAttribute?: string;
  /**
   * The table's change stream (DynamoDB Streams), when something follows its changes. Cloud: the
   * stream feeds a Lambda event source; embedded: DynamoDB Local's stream feeds the same handler
   * (local/plugins/search-indexer.ts).
   */
  stream?: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY';
}

export const TABLES: TableSpec[] = [
  {
    // Registers, counters, scans, drafts, workflow tasks, organisations, reports: one table,
    // so that a number allocation and its entry commit in one transaction.
    name: 'Data',
    envVar: ENV.dataTable,
    partitionKey: 'pk',
    sortKey: 'sk',
    globalIndexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
    // Search indexing follows the entries' changes: each entry write's stream record (the entry as
    // written) is indexed by functions/search-indexer.ts; the SEARCHPENDING marker written in the same
    // transaction stays until then, for the sweep.
    stream: 'NEW_IMAGE',
  },
  {
    // Inverted index: postings per folded term.
    name: 'Search',
    envVar: ENV.searchTable,
    partitionKey: 'pk',
    sortKey: 'sk',
    globalIndexes: [{ name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' }],
  },
  {
    // Events by entity; gsi1 by month; gsi2 the hash chain (UNSEALED by event id, CHAIN by sequence).
    name: 'Audit',
    envVar: ENV.auditTable,
    partitionKey: 'pk',
    sortKey: 'sk',
    globalIndexes: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
  },
  {
    // Powertools idempotency: its own key name and TTL attribute.
    name: 'Idempotency',
    envVar: ENV.idempotencyTable,
    partitionKey: 'id',
    globalIndexes: [],
    ttlAttribute: 'expiration',
  },
];

export function tableName(name: TableSpec['name']): string {
  const spec = TABLES.find((t) => t.name === name)!;
  const v = process.env[spec.envVar];
  if (!v) throw new Error(`Missing required environment variable ${spec.envVar} (table ${name})`);
  return v;
}
