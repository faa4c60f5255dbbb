/**
 * The office's trust list for verifying signed PDFs: the office's own certificate plus the
 * configured roots (e.g. the Ban Cơ yếu Chính phủ root CA that issues the State and Party
 * bodies' certificates). Read when asked, so that a root added to the file counts from the next
 * scan on:
 * - the office's certificate: the first of `DAUMOI_SIGNING_CERTIFICATE` (cloud; its
 *   intermediates are not trusted by being there) or `<DAUMOI_SIGNING_DIR>/office-cert.pem`
 *   (embedded, once the office has signed);
 * - `DAUMOI_TRUST_ROOTS`: PEM text of one or more certificates (cloud: CDK context `daumoi:trustRoots`);
 * - `DAUMOI_TRUST_ROOTS_FILE`: a file of PEM certificates (embedded default `<DAUMOI_SIGNING_DIR>/trusted-roots.pem`).
 * A block that is not a certificate is left out and reported in `problems` (never a failed scan).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromPem } from './certificates';
import { pki, toArrayBuffer } from './pki';
import { SIGNING_ENV } from '../env';
import type { TrustList } from './verify';

export interface TrustListSource {
  optional(name: string): string | undefined;
}

export interface OfficeTrustList extends TrustList {
  /** Where each root came from ("DAUMOI_TRUST_ROOTS #1"…), in the order of `roots`. */
  sources: string[];
  /** Configured blocks that are not certificates, named by source. */
  problems: string[];
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The certificates of a PEM text, each checked to be one; the others as problems. */
export function certificatesOfPem(text: string, source: string): { certs: Uint8Array[]; problems: string[] } {
  const certs: Uint8Array[] = [];
  const problems: string[] = [];
  (text.match(PEM_BLOCK) ?? []).forEach((block, i) => {
    const der = fromPem(block);
    try {
      pki().Certificate.fromBER(toArrayBuffer(der));
      certs.push(der);
    } catch {
      problems.push(`${source} #${i + 1} is not an X.509 certificate`);
    }
  });
  if (text.trim() && !certs.length && !problems.length) problems.push(`${source} holds no PEM certificate`);
  return { certs, problems };
}

export function officeTrustList(env: TrustListSource): OfficeTrustList {
  const out: OfficeTrustList = { roots: [], sources: [], problems: [] };
  const add = (text: string | undefined, source: string, firstOnly = false) => {
    if (!text) return;
    const { certs, problems } = certificatesOfPem(text, source);
    (firstOnly ? certs.slice(0, 1) : certs).forEach((c, i) => (out.roots.push(c), out.sources.push(`${source} #${i + 1}`)));
    out.problems.push(...problems);
  };
  const dir = env.optional(SIGNING_ENV.dir);
  const file = (path: string | undefined) => (path && existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  add(env.optional(SIGNING_ENV.certificate), SIGNING_ENV.certificate, true);
  if (dir) add(file(join(dir, 'office-cert.pem')), 'office-cert.pem', true);
  add(env.optional(SIGNING_ENV.trustRoots), SIGNING_ENV.trustRoots);
  const rootsFile = env.optional(SIGNING_ENV.trustRootsFile) ?? (dir ? join(dir, 'trusted-roots.pem') : undefined);
  add(file(rootsFile), rootsFile ?? SIGNING_ENV.trustRootsFile);
  return out;
}
