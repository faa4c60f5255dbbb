/**
 * Business and operations metrics (Powertools Metrics: CloudWatch embedded metric format on
 * stdout, namespace `daumoi`). The API chain publishes them after every request (with a cold
 * start count); scheduled and queue functions publish at the end of their run. The alarms in
 * infra/stacks/monitoring-stack.ts watch some of them.
 *
 * Embedded (`npm start`) they are off unless POWERTOOLS_METRICS_DISABLED=false.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger } from './logger';

export { METRIC, METRICS_NAMESPACE } from './metric-names';
import { METRICS_NAMESPACE } from './metric-names';

/** Powertools' own messages go to the function's logger; "no application metrics" (most requests count nothing) only at debug level. */
const metricsLogger = {
  debug: (...a: unknown[]) => logger.debug(String(a[0]), ...(a.slice(1) as never[])),
  info: (...a: unknown[]) => logger.info(String(a[0]), ...(a.slice(1) as never[])),
  warn: (...a: unknown[]) => (String(a[0]).startsWith('No application metrics') ? logger.debug(String(a[0])) : logger.warn(String(a[0]), ...(a.slice(1) as never[]))),
  error: (...a: unknown[]) => logger.error(String(a[0]), ...(a.slice(1) as never[])),
};

export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: 'daumoi', logger: metricsLogger });

/** Adds one count (or `value`) to this invocation's metrics. */
export function count(name: string, value = 1): void {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
}

/** A value written even when it is 0 (a health figure, such as problems found). */
export function gauge(name: string, value: number): void {
  metrics.addMetric(name, MetricUnit.Count, value);
}

/** A count with its own dimension (published at once, apart from the invocation's other metrics). */
export function countBy(name: string, dimension: string, dimensionValue: string, value = 1): void {
  const single = metrics.singleMetric();
  single.addDimension(dimension, dimensionValue);
  single.addMetric(name, MetricUnit.Count, value);
}

/** Publishes what was counted (scheduled and queue functions call it at the end of a run). */
export function publishMetrics(): void {
  metrics.publishStoredMetrics();
}
