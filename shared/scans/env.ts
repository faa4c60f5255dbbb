/** Environment variables of the scan pipeline, beyond the shared ones in env.ts. */
export const SCANS_ENV = {
  /** What the secrecy guard does with a Tối mật / Tuyệt mật upload: `move` (to quarantine/, default) or `delete`. */
  quarantineAction: 'DAUMOI_QUARANTINE_ACTION',
} as const;
