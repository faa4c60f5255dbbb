/** Set by web/vite.config.ts from config/domain.json. */
declare const __DOCUMENT_TYPES__: { code: string; name: string }[];
