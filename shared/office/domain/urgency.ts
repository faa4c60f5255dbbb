/**
 * Độ khẩn, the urgency of a document (domain.md f: Hỏa tốc > Thượng khẩn > Khẩn). A document
 * without one is thường (normal): the API carries null, and the configured handling deadlines
 * (config/domain.json `deadlines.handling`) have a 'normal' entry for it.
 */

/** The urgency levels the API accepts (besides null), least urgent first, as api.md lists them. */
export const URGENCY_LEVELS = ['khan', 'thuong-khan', 'hoa-toc'] as const;
export type Urgency = (typeof URGENCY_LEVELS)[number];

/** What the handling deadlines are keyed by: an urgency, or 'normal' for a document without one. */
export type HandlingLevel = Urgency | 'normal';

