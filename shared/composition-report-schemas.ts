/**
 * The report data schemas' part of the composition root, kept apart so that Ajv is bundled into
 * the reports function only: that function (and tests that use the reporting services without
 * it) call `useReportDataSchemas()`; every other function never imports this file.
 */
import { provideReportDataSchemas } from './composition-reporting';
import { ajvReportDataSchemas } from './reports/adapters/report-data-schema';

/** Makes the reporting services check report types' data schemas (and submissions against them) with Ajv. */
export function useReportDataSchemas(): void {
  provideReportDataSchemas(() => ajvReportDataSchemas);
}
