import { z } from 'zod';
const d = z.iso.date();
for (const s of ['2026-02-31','2024-02-29','2025-02-29','2026-13-01','26-1-1']) console.log(s, d.safeParse(s).success, d.safeParse(s).error?.issues[0]?.message);
console.log(z.strictObject({a: z.string()}).safeParse({a:'x', b: 1}).error?.issues);
