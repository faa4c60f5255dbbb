/**
 * `npm run bench [-- <name>]`: runs `bench/<name>.ts` (each exports `run()` and prints figures).
 * Without a name it runs the function-size/cold-start benchmark.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const name = process.argv[2] ?? 'functions';
const file = path.join(here, `${name}.ts`);
if (!existsSync(file) || name === 'index') {
  const names = readdirSync(here).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
  console.error(`unknown benchmark "${name}"; available: ${names.join(', ')}`);
  process.exit(2);
}
const mod = (await import(file)) as { run: (args: string[]) => Promise<void> };
try {
  await mod.run(process.argv.slice(3));
} catch (e) {
  // What the benchmark needs and is missing (the handbook's scans, Java…) is said in one line, not a stack.
  console.error(`bench ${name}: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
process.exit(0);
