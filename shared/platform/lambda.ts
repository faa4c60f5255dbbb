/**
 * How every function file exports its handler: `lazyHandler(() => compose(cloudEdge()))` builds
 * the function's parts on its first invocation (so that importing a function needs no cloud
 * environment), and `observed(run)` wraps a function that is not an API one (stream, queue,
 * scheduled, workflow task, trigger) in the same Powertools logger context and metrics
 * publication the API chain applies (shared/platform/http/api-handler.ts). Tracing is Lambda's
 * active X-Ray tracing (infra/constructs/daumoi-function.ts); the Powertools tracer is not used: its
 * X-Ray SDK would add about 127 KB to every bundle.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Context } from 'aws-lambda';
import { logger } from './observability/logger';
import { metrics } from './observability/metrics';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any handler shape (API, stream, queue, schedule, trigger)
type AnyHandler = (...args: any[]) => Promise<any>;

/** A handler built on its first call, then reused (Lambda keeps it warm between invocations). */
export function lazyHandler<H extends AnyHandler>(build: () => H): H {
  let built: H | undefined;
  return ((...args: Parameters<H>) => (built ??= build())(...args)) as H;
}

/** A part made when first asked for (a route that never needs it never pays for it), then kept. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

/** A non-API handler with the logger's Lambda context and its metrics published after each run (also when it fails). */
export function observed<E, R>(run: (event: E, context: Context) => Promise<R>): (event?: E, context?: Context) => Promise<R> {
  const chain = middy<E, R, Error, Context>(run)
    .use(injectLambdaContext(logger) as never[])
    .use(logMetrics(metrics) as never[]);
  return (event, context) => chain(event as E, (context ?? {}) as Context);
}
