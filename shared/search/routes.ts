/** Search route: full-text search over the registers, with or without diacritics. */
import * as z from 'zod';
import { OFFICE_ROLES } from '../platform/security';
import { REGISTER_NAMES } from '../registers/model';
import { defineRoute } from '../platform/http/route';
import { ListQuery, listOf } from '../platform/http/schemas';

const Day = z.iso.date({ error: 'must be a real calendar date YYYY-MM-DD' });

export const SearchQuery = ListQuery.extend({
  q: z.string().trim().min(1, { error: 'q is required' }).max(200, { error: 'must be at most 200 characters' }).meta({
    description: 'Words (with or without diacritics: "van phong" finds "văn phòng") and/or a number-symbol ("12-NQ/TU")',
  }),
  register: z.enum(REGISTER_NAMES).optional(),
  year: z.coerce.number().int().min(1930).max(2200).optional(),
  typeCode: z.string().trim().min(1).max(10).optional(),
  issuerCode: z.string().trim().min(1).max(20).optional(),
  from: Day.optional().meta({ description: 'Document date from (inclusive)' }),
  to: Day.optional().meta({ description: 'Document date to (inclusive)' }),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export const SearchHit = z
  .object({
    id: z.string(),
    register: z.enum(REGISTER_NAMES),
    numberSymbol: z.string().nullable(),
    subject: z.string(),
    documentDate: z.string(),
    score: z.number(),
    snippet: z.string(),
  })
  .meta({ id: 'SearchHit' });

export const searchRoutes = [
  defineRoute({
    operationId: 'search',
    method: 'GET',
    path: '/v1/search',
    fn: 'search',
    auth: 'user',
    roles: OFFICE_ROLES,
    summary: 'Search the registers; exact-diacritic matches rank higher; never returns what the caller’s clearance does not allow',
    tags: ['search'],
    request: { query: SearchQuery },
    responses: { 200: { description: 'Hits, best first', schema: listOf(SearchHit).meta({ id: 'SearchResults' }) } },
  }),
];
