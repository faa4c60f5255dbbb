/** The report types' data schema checker (Ajv), kept out of the index so that only the reports function bundles Ajv. */
export { ajvReportDataSchemas } from './adapters/report-data-schema';
