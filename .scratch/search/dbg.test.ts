import { randomUUID } from 'node:crypto';
import { it } from 'vitest';
import { useEmbeddedEnv } from '../../test/support/integration';
import { ensureTables } from '../../local/bootstrap';
import { documentClient, dynamoClient } from '../../shared/adapters/dynamodb/client';
import { DynamoSearchIndex } from '../../shared/adapters/dynamodb/search-index';
useEmbeddedEnv();
it('dbg', async () => {
  const prefix = `dbg${randomUUID().slice(0, 6)}`;
  await ensureTables(dynamoClient(), prefix);
  const index = new DynamoSearchIndex(documentClient(), `${prefix}-Search`);
  const base = { register: 'incoming' as const, typeCode: 'CV', typeName: 'Công văn', issuer: 'Văn phòng Tỉnh ủy', issuerCode: 'VPTU', year: 2024, secrecy: null, other: [], text: null };
  await index.index([
    { ...base, id: 'A-exact', subject: 'về công tác văn phòng cấp ủy', numberSymbol: '12-NQ/TU', documentDate: '2024-03-01' },
    { ...base, id: 'A-plain', subject: 've cong tac van phong cap uy', numberSymbol: null, documentDate: '2024-04-01' },
  ]);
  console.log(JSON.stringify((await index.search({ q: 'văn phòng', clearance: 'none', limit: 10 })).items, null, 1));
});
