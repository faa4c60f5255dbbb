/**
 * Deploy time, a dev stage without `daumoi:signingCertificate`: the custom resource that makes a
 * self-signed certificate for the office's KMS key (its public key from KMS, signed by KMS) and
 * hands it to CloudFormation, which gives it to the functions that sign and verify.
 */
import { KMSClient } from '@aws-sdk/client-kms';
import { lazyHandler } from '../shared/platform/lambda';
import { customResource } from '../shared/platform/aws/custom-resource';
import type { Edge } from '../shared/edge/edge';
import { cloudEdge } from '../shared/edge/cloud';
import { officeConfig } from '../shared/office/index';
import { kmsSelfSignedCertificate, pem } from '../shared/documents/index';

export function compose(edge: Edge, given: { kms?: KMSClient; put?: typeof fetch } = {}) {
  const kms = given.kms ?? new KMSClient({});
  return customResource(async (event) => {
    const keyId = String(event.ResourceProperties.KeyId);
    const algorithm = event.ResourceProperties.Algorithm === 'ECDSA_SHA256' ? 'ECDSA_SHA256' : 'RSA_SHA256';
    const office = officeConfig().office;
    const der = await kmsSelfSignedCertificate(kms, keyId, algorithm, { commonName: office.name, organisation: office.committee }, edge.clock.now());
    return { physicalId: `dev-certificate-${keyId.split('/').pop()}`, data: { Certificate: pem('CERTIFICATE', der) } };
  }, given.put);
}

export const handler = lazyHandler(() => compose(cloudEdge()));
