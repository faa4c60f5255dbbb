/**
 * What every function needs, built from the environment: the clock (the edge's: system time in
 * the cloud, the movable office clock embedded), the DynamoDB document client, the table names
 * and the environment readers. Nothing here knows a module.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { systemClock, type Clock } from './clock';
import { documentClient } from './aws/dynamodb-client';
import { tableName, type TableSpec } from './aws/tables';
import { optionalEnv, requireEnv } from './env';

export type TableKey = TableSpec['name'];

export interface Platform {
  clock: Clock;
  db: DynamoDBDocumentClient;
  /** The physical name of one of the tables (read from the environment when asked: a function needs only its own). */
  table: (name: TableKey) => string;
  env: { require: typeof requireEnv; optional: typeof optionalEnv };
}

export function platformFromEnv(opts: { clock?: Clock } = {}): Platform {
  return {
    clock: opts.clock ?? systemClock,
    // Made when first asked for: a function that never reads DynamoDB (health) never makes the client.
    get db() {
      return documentClient();
    },
    table: tableName,
    env: { require: requireEnv, optional: optionalEnv },
  };
}
