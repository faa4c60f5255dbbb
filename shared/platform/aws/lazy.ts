/**
 * Loads something on first use and keeps it. The AWS SDK packages other than DynamoDB's are
 * loaded this way, inside their adapters (`lazily(() => import('@aws-sdk/client-s3'))`): they
 * stay outside the bundles (the Lambda runtime provides them), so a dynamic import defers
 * loading the package until an adapter needs it, and a function that never touches S3, Step
 * Functions, Cognito, SES or Textract never pays for loading them at a cold start.
 */
export function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((err: unknown) => {
      // A failed load is not kept: the next call tries again.
      loading = undefined;
      throw err;
    }));
}
