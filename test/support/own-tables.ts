/**
 * Points this process at tables of its own on the shared DynamoDB Local (same declarations,
 * another name prefix, demo users seeded). For integration files whose checks see whole tables:
 * the fuzzer's item counts, the matrix's organisations and report types that target "every
 * organisation". Call before the first handler or service is used.
 */
import { ensureTables, localTableNames, seedUsers } from '../../local/bootstrap';
import { documentClient, dynamoClient } from '../../shared/platform/aws/dynamodb-client';
import { tableName } from '../../shared/platform/aws/tables';

export async function useOwnTables(name: string): Promise<void> {
  const prefix = `${name}-${Date.now().toString(36)}`;
  Object.assign(process.env, localTableNames(prefix));
  await ensureTables(dynamoClient(), prefix);
  await seedUsers(documentClient(), tableName('Data'));
}
