import * as z from 'zod';
import { ROUTES } from '../shared/api/routes/index';
for (const r of ROUTES.filter((r) => r.method !== 'GET')) {
  const b = r.request?.body;
  if (!b) { console.log(r.method, r.path, 'NO BODY'); continue; }
  try { const j = z.toJSONSchema(b, { io: 'input', unrepresentable: 'any' }); console.log(r.method, r.path, JSON.stringify(j).slice(0, 600)); } catch (e) { console.log(r.method, r.path, 'ERR', (e as Error).message); }
}
