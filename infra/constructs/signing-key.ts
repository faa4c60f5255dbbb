/**
 * The office's organisation key for ký số: an asymmetric KMS key (RSA_2048, SIGN_VERIFY) whose
 * private half never leaves KMS. Its key policy denies kms:Sign to every principal but the
 * signing functions' roles (the registers function that issues documents, the exchange's functions
 * that sign messages); the account's administrators keep key administration, not signing.
 * The certificate (PEM chain) comes from the `daumoi:signingCertificate` context; without it
 * it the document route cannot sign (a dev stage gives a self-signed one; see the report).
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { DaumoiFunction } from './daumoi-function';
import { SIGNING_ENV } from '../../shared/documents/env';

export interface SigningKeyProps {
  /** The function that issues documents (the registers function). */
  signer: DaumoiFunction;
  /** Others that sign with the office key: the exchange's API and sender functions (messages, and documents they send). */
  alsoSigners?: DaumoiFunction[];
  /** PEM chain of the key's certificate (daumoi:signingCertificate). */
  certificate?: string;
}

export class SigningKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: SigningKeyProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'daumoi: the office key that signs issued documents (PAdES)',
      keySpec: KeySpec.RSA_2048,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const signers = [props.signer, ...(props.alsoSigners ?? [])];
    const arns = signers.map((f) => f.role!.roleArn);
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyTheSigningFunctionsSign',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['kms:Sign'],
        resources: ['*'],
        conditions: { StringNotEquals: { 'aws:PrincipalArn': arns.length === 1 ? arns[0]! : arns } },
      }),
    );
    for (const f of signers) {
      f.addToRolePolicy(new PolicyStatement({ actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [this.key.keyArn] }));
      f.addEnvironment(SIGNING_ENV.kmsKeyId, this.key.keyArn);
      f.addEnvironment(SIGNING_ENV.algorithm, 'RSA_SHA256');
      if (props.certificate) f.addEnvironment(SIGNING_ENV.certificate, props.certificate);
    }
  }
}
