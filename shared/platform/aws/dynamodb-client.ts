/** One DynamoDB document client per process; the endpoint comes from configuration (DynamoDB Local when embedded). */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV, optionalEnv } from '../env';

let doc: DynamoDBDocumentClient | undefined;
let raw: DynamoDBClient | undefined;

export function dynamoClient(): DynamoDBClient {
  if (!raw) {
    const endpoint = optionalEnv(ENV.dynamoEndpoint);
    raw = new DynamoDBClient(
      endpoint
        ? {
            endpoint,
            region: optionalEnv('AWS_REGION', 'ap-southeast-1'),
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
            maxAttempts: 3,
          }
        : {},
    );
  }
  return raw;
}

export function documentClient(): DynamoDBDocumentClient {
  if (!doc) {
    doc = DynamoDBDocumentClient.from(dynamoClient(), {
      marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    });
  }
  return doc;
}
