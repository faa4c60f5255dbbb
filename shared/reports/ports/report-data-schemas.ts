/** JSON Schemas of report data (a report type's optional `dataSchema`): checked when saved, applied to each submission. */
export interface ReportDataSchemas {
  /** Rejects with ValidationError 'INVALID_DATA_SCHEMA' when `schema` is not a usable JSON Schema (draft 2020-12). */
  check(schema: unknown): Promise<void>;
  /** Rejects with ValidationError 'DATA_INVALID', listing each problem under `body.data`, when `data` does not match. */
  validate(schema: Record<string, unknown> | undefined, data: unknown): Promise<void>;
}
