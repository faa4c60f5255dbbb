/**
 * A CloudFormation custom resource handled by a plain Lambda (no provider framework): the work
 * runs for Create and Update (Delete only answers), and the outcome is PUT to the pre-signed
 * ResponseURL CloudFormation gave, SUCCESS with the data or FAILED with the reason, so that a
 * failure fails the deployment instead of hanging it for an hour.
 */
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { logger } from '../observability/logger';

export type CustomResourceWork = (event: CloudFormationCustomResourceEvent) => Promise<{ physicalId: string; data: Record<string, string> }>;

export function customResource(work: CustomResourceWork, put: typeof fetch = fetch): (event: CloudFormationCustomResourceEvent) => Promise<void> {
  return async (event) => {
    const physicalOf = () => ('PhysicalResourceId' in event ? event.PhysicalResourceId : `${event.LogicalResourceId}-${event.RequestId}`);
    let body: Record<string, unknown>;
    try {
      const done = event.RequestType === 'Delete' ? { physicalId: physicalOf(), data: {} } : await work(event);
      body = { Status: 'SUCCESS', PhysicalResourceId: done.physicalId, Data: done.data };
    } catch (err) {
      logger.error('custom resource failed', { requestType: event.RequestType, error: err instanceof Error ? err.message : String(err) });
      body = { Status: 'FAILED', Reason: err instanceof Error ? err.message : String(err), PhysicalResourceId: physicalOf() };
    }
    const json = JSON.stringify({ ...body, StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId });
    const r = await put(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(json)) }, body: json });
    if (!r.ok) throw new Error(`CloudFormation refused the custom resource response: ${r.status}`);
  };
}
