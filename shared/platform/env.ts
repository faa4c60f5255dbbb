/** Reads configuration from the environment in one place; a missing required variable throws. */
export function requireEnv(name: string): string {
  const v = process.env[name];
  if (v === undefined || v === '') throw new Error(`Missing required environment variable ${name}`);
  return v;
}
export function optionalEnv(name: string, fallback: string): string;
export function optionalEnv(name: string): string | undefined;
export function optionalEnv(name: string, fallback?: string): string | undefined {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : v;
}

/** Environment variable names shared by infra (which sets them) and the adapters (which read them). */
export const ENV = {
  dataTable: 'DAUMOI_TABLE_DATA',
  searchTable: 'DAUMOI_TABLE_SEARCH',
  auditTable: 'DAUMOI_TABLE_AUDIT',
  idempotencyTable: 'DAUMOI_TABLE_IDEMPOTENCY',
  bucket: 'DAUMOI_BUCKET',
  dynamoEndpoint: 'DAUMOI_DYNAMODB_ENDPOINT',
  s3Endpoint: 'DAUMOI_S3_ENDPOINT',
  authMode: 'DAUMOI_AUTH_MODE', // 'cognito' | 'local'
  userPoolId: 'DAUMOI_USER_POOL_ID',
  userPoolClientIds: 'DAUMOI_USER_POOL_CLIENT_IDS',
  localJwksPath: 'DAUMOI_LOCAL_JWKS',
  localIssuer: 'DAUMOI_LOCAL_ISSUER',
  stateMachineArn: 'DAUMOI_STATE_MACHINE_ARN',
  ocrEngine: 'DAUMOI_OCR_ENGINE',
  version: 'DAUMOI_VERSION',
  timeZone: 'DAUMOI_TIME_ZONE',
  /** The console's origin (https://…): API answers allow it by CORS; unset (embedded: same origin), no CORS header. */
  consoleOrigin: 'DAUMOI_CONSOLE_ORIGIN',
  /** Registrations one process lets wait for a register's number at most; more → 429 (default 1000). */
  registerQueueLimit: 'DAUMOI_REGISTER_QUEUE_LIMIT',
  /** How long a registration may wait for its turn before it is refused with 429 (ms, default 10000). */
  registerMaxWaitMs: 'DAUMOI_REGISTER_MAX_WAIT_MS',
} as const;
