/**
 * The console in the cloud: web/dist in a private S3 bucket behind CloudFront (origin access
 * control, TLS only, security headers with a strict CSP, SPA routing), and `config.json` (API
 * URL, Cognito authority, web client, logout endpoint) written at deploy next to the assets.
 *
 * It lives in the API stack: the API's CORS, the web client's callback URL and the scans bucket's
 * CORS need the console's origin, and the CSP needs the API's origin; across stacks that is a cycle.
 * The CSP names the API by its RestApi id only (not the stage), so the distribution does not
 * depend on the API's methods, which depend on the distribution's domain through CORS.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Aws, CfnOutput, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { REPO_ROOT } from './repo-root';

/** The same policy as the embedded console's (local/console-serving.ts), with the cloud's origins in connect-src. */
export const consoleCspFor = (connect: readonly string[]) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    // Cloudscape sets inline style attributes; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');

export interface ConsoleProps {
  /** web/dist by default (context `daumoi:consoleDist`); built by `npm run build:web`. */
  dist?: string;
  /** A custom domain (context `daumoi:consoleDomain`) with its ACM certificate in us-east-1 (`daumoi:consoleCertificateArn`). */
  domainName?: string;
  certificateArn?: string;
}

export class ConsoleHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<console domain>`, without a trailing slash. */
  readonly origin: string;
  readonly dist: string;
  /** web/dist/index.html exists. */
  readonly built: boolean;

  constructor(scope: Construct, id: string, props: ConsoleProps & { connect: string[] }) {
    super(scope, id);
    this.dist = props.dist ?? path.join(REPO_ROOT, 'web', 'dist');
    this.built = existsSync(path.join(this.dist, 'index.html'));
    // An error annotation fails `cdk synth`/`cdk deploy` with this message; in-process tests still get templates.
    if (!this.built) Annotations.of(this).addError(`The console is not built: ${path.join(this.dist, 'index.html')} is missing. Run \`npm run build:web\` before \`cdk synth\` / \`cdk deploy\`.`);
    const logs = new Bucket(this, 'Logs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({ id: 'AwsSolutions-S1', reason: 'This is the console’s access-log bucket itself; logging it into itself would loop.' });
    this.bucket = new Bucket(this, 'Assets', {
      // Named, so the console stack's deployment names it (and its cdk-nag finding) without an export.
      bucketName: consoleBucketName(Stack.of(this)),
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'assets/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    const headers = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'daumoi console: strict CSP and security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: consoleCspFor(props.connect), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
    });
    const custom = props.domainName && props.certificateArn;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'daumoi console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        responseHeadersPolicy: headers,
        compress: true,
      },
      // SPA routing: an app route (/drafts/123) is no object; S3 answers 403 through OAC (404 if listable).
      errorResponses: [403, 404].map((httpStatus) => ({ httpStatus, responseHttpStatus: 200, responsePagePath: '/index.html', ttl: Duration.seconds(0) })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_200, // includes Asia
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      ...(custom ? { minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021, domainNames: [props.domainName!], certificate: Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn!) } : {}),
    });
    this.origin = custom ? `https://${props.domainName}` : `https://${this.distribution.distributionDomainName}`;
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'Officials sign in from their travels too; access is by Cognito with MFA, not by country.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: 'WAF is attached per deployment by the province’s network team, as for the API; the console serves static files only.',
    });
    if (!custom) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason: 'Without a custom domain CloudFront’s default certificate allows TLSv1; set daumoi:consoleDomain and daumoi:consoleCertificateArn to require TLS 1.2.',
      });
    }
    new CfnOutput(Stack.of(this), 'ConsoleUrl', { value: `${this.origin}/` });
  }

  /**
   * Deploys web/dist and config.json (deploy-time values) from `scope` (a stack after the API's:
   * CDK's deployment handler is not one of the API's functions), and invalidates the cache.
   */
  deploy(scope: Construct, config: { apiUrl: string; authority: string; clientId: string; logoutUrl: string }) {
    const stack = Stack.of(scope);
    const deployment = new BucketDeployment(scope, 'ConsoleDeploy', {
      sources: [...(this.built ? [Source.asset(this.dist, { exclude: ['config.json'] })] : []), Source.jsonData('config.json', config)],
      destinationBucket: Bucket.fromBucketName(scope, 'ConsoleBucket', consoleBucketName(stack)),
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    const handler = Stack.of(scope).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('CDK’s BucketDeployment handler was not found: its cdk-nag acknowledgements have nothing to name');
    for (const [id, reason] of [
      ['AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'CDK’s BucketDeployment handler writes its logs with the basic execution role.'],
      ...[
        'Action::s3:GetObject*',
        'Action::s3:GetBucket*',
        'Action::s3:List*',
        'Action::s3:DeleteObject*',
        'Action::s3:Abort*',
        'Resource::*',
        // The CLI resolves the partition (cdk.json's context); in-process synths leave it a reference.
        ...['<AWS::Partition>', 'aws'].flatMap((partition) => [
          `Resource::arn:${partition}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${stack.region}/*`,
          `Resource::arn:${partition}:s3:::${consoleBucketName(stack, '<AWS::AccountId>')}/*`,
        ]),
      ].map(
        (finding) =>
          [
            `AwsSolutions-IAM5[${finding}]`,
            'CDK’s BucketDeployment handler copies the assets (read from the CDK asset bucket, write and prune in the console bucket) and invalidates the distribution (CreateInvalidation has no resource form in its policy).',
          ] as const,
      ),
      ['AwsSolutions-L1', 'CDK’s BucketDeployment handler runtime is chosen by CDK.'],
    ] as const) {
      Validations.of(handler).acknowledge({ id, reason });
    }
    return deployment;
  }
}

/** The console bucket's name in this account and region (`accountToken`: how cdk-nag writes an unresolved account). */
export const consoleBucketName = (stack: Stack, accountToken?: string) =>
  `daumoi-console-${accountToken && Token.isUnresolved(stack.account) ? accountToken : stack.account}-${stack.region}`;

/** The Cognito issuer, which oidc-client-ts reads discovery and keys from. */
export const cognitoAuthority = (userPoolId: string) => `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}/${userPoolId}`;
