/**
 * Who this embedded office is in the exchange: `DAUMOI_OFFICE` (its id; default the configuration's
 * bodyId) and `DAUMOI_OFFICE_NAME` (its name; for another id, default the configured name with the
 * id). A name other than the configured one is written into a copy of the configuration under the
 * data directory (`DAUMOI_DOMAIN_CONFIG` then names it), so that the signing certificate, the
 * documents and the identity endpoint all carry it. The endpoint partners reach it at is this
 * server's own unless `DAUMOI_EXCHANGE_ENDPOINT` says otherwise.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMAIN_CONFIG_ENV, domainConfigPath } from '../shared/office/index';
import { EXCHANGE_ENV } from '../shared/exchange/index';

export function applyOfficeIdentity(dataDir: string, url: (p: number) => string, port: number): { id: string | null; name: string | null } {
  const id = process.env[EXCHANGE_ENV.officeId] || null;
  const given = process.env.DAUMOI_OFFICE_NAME || null;
  process.env[EXCHANGE_ENV.endpoint] ??= `${url(port).replace(/\/$/, '')}/v1/exchange/messages`;
  if (!id && !given) return { id, name: null };
  const file = domainConfigPath();
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { office: { name: string; bodyId: string } };
  const name = given ?? (id && id !== raw.office.bodyId ? `${raw.office.name} (${id})` : null);
  if (name && name !== raw.office.name) {
    raw.office.name = name;
    mkdirSync(dataDir, { recursive: true });
    const copy = path.join(dataDir, 'domain.json');
    writeFileSync(copy, `${JSON.stringify(raw, null, 2)}\n`);
    process.env[DOMAIN_CONFIG_ENV] = copy;
  }
  return { id, name };
}
