/**
 * The office's organisation key for ký số: an asymmetric KMS key (RSA_2048, SIGN_VERIFY) whose
 * private half never leaves KMS. Its key policy denies kms:Sign to every principal but the
 * signing functions' roles (the registers function that issues documents, the exchange's functions
 * that sign messages); the account's administrators keep key administration, not signing.
 * The certificate (PEM chain) comes from the `daumoi:signingCertificate` context. Without it (a
 * dev stage) a custom resource makes a self-signed certificate for the key at deploy
 * (functions/dev-certificate.ts: the public key from KMS, signed by KMS); that function may then
 * sign too (the key policy names it beside the signing functions), and only in that case.
 */
import { CustomResource, Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AnyPrincipal, Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { DaumoiFunction } from './daumoi-function';
import { SIGNING_ENV } from '../../shared/documents/env';

export interface SigningKeyProps {
  /** The function that issues documents (the registers function). */
  signer: DaumoiFunction;
  /** Others that sign with the office key: the exchange's API and sender functions (messages, and documents they send). */
  alsoSigners?: DaumoiFunction[];
  /** PEM chain of the key's certificate (daumoi:signingCertificate); none: a self-signed one is made at deploy. */
  certificate?: string;
  logRetention?: RetentionDays;
}

export class SigningKey extends Construct {
  readonly key: Key;
  /** The certificate's PEM: the configured chain, or (a token) the one made at deploy. */
  readonly certificate: string;
  /** The function that made the dev certificate (none when a certificate is configured). */
  readonly devCertificateMaker?: DaumoiFunction;

  constructor(scope: Construct, id: string, props: SigningKeyProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'daumoi: the office key that signs issued documents (PAdES)',
      keySpec: KeySpec.RSA_2048,
      keyUsage: KeyUsage.SIGN_VERIFY,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const users = [props.signer, ...(props.alsoSigners ?? [])];
    const signers = [...users];
    if (!props.certificate) {
      this.devCertificateMaker = new DaumoiFunction(this, 'DevCertificate', {
        entryFile: 'functions/dev-certificate.ts',
        description: 'daumoi: a self-signed certificate for the office key, made at deploy (dev stage)',
        timeout: Duration.seconds(60),
        ...(props.logRetention ? { logRetentionDays: props.logRetention } : {}),
      });
      signers.push(this.devCertificateMaker);
    }
    this.key.addToResourcePolicy(
      new PolicyStatement({
        sid: 'OnlyTheSigningFunctionsSign',
        effect: Effect.DENY,
        principals: [new AnyPrincipal()],
        actions: ['kms:Sign'],
        resources: ['*'],
        conditions: { StringNotEquals: { 'aws:PrincipalArn': signers.length === 1 ? signers[0]!.role!.roleArn : signers.map((f) => f.role!.roleArn) } },
      }),
    );
    for (const f of signers) f.addToRolePolicy(new PolicyStatement({ actions: ['kms:Sign', 'kms:GetPublicKey'], resources: [this.key.keyArn] }));
    if (this.devCertificateMaker) {
      const made = new CustomResource(this, 'DevCertificateResource', {
        serviceToken: this.devCertificateMaker.functionArn,
        resourceType: 'Custom::DaumoiDevCertificate',
        properties: { KeyId: this.key.keyArn, Algorithm: 'RSA_SHA256' },
      });
      this.certificate = made.getAttString('Certificate');
    } else {
      this.certificate = props.certificate!;
    }
    for (const f of users) {
      f.addEnvironment(SIGNING_ENV.kmsKeyId, this.key.keyArn);
      f.addEnvironment(SIGNING_ENV.algorithm, 'RSA_SHA256');
      f.addEnvironment(SIGNING_ENV.certificate, this.certificate);
    }
  }
}
