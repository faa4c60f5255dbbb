/**
 * The OCR worker as a process of its own, for the fault scenario that kills it mid-page:
 * `node --import tsx test/support/ocr-worker-child.ts '<SQS event JSON>'` with the embedded
 * environment, composed with an embedded edge. Prints the handler's answer and exits.
 */
import { compose } from '../../functions/ocr-worker';
import { createEmbeddedEdge } from '../../local/edge';

const handler = compose(createEmbeddedEdge());
const answer = await handler(JSON.parse(process.argv[2] ?? '{}') as Parameters<typeof handler>[0]);
process.stdout.write(`${JSON.stringify(answer)}\n`);
process.exit(0);
