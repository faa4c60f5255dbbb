/**
 * API: the Cognito user pool (roles as groups, clearance/org/dept as custom attributes, the
 * reports resource server for organisation clients), one Lambda per API function, and the
 * REST API built from the route table, with the Cognito authorizer on every route but the public ones.
 */
import { Aws, CfnOutput, Duration, Lazy, RemovalPolicy, Stack, TimeZone, Validations, type StackProps } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule as SchedulerSchedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { REPORTING_ENV } from '../../shared/reports/env';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  ResponseType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  Model,
  RequestValidator,
  RestApi,
  type IResource,
  type JsonSchema,
} from 'aws-cdk-lib/aws-apigateway';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  ManagedLoginVersion,
  CfnManagedLoginBranding,
  Mfa,
  OAuthScope,
  ResourceServerScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  UserPoolOperation,
  UserPoolResourceServer,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { ROUTES } from '../../shared/api/routes';
import { DOCUMENT_RUNTIME_FILES } from '../../shared/documents/adapters/fonts';
import { API_FUNCTIONS, type ApiFunction, type Route } from '../../shared/platform/http/route';
import { ROLES } from '../../shared/platform/security';
import { ENV } from '../../shared/platform/env';
import { TABLES, type TableSpec } from '../../shared/platform/aws/tables';
import { DaumoiFunction, grantPurgeVersions, type AccessMode } from '../constructs/daumoi-function';
import { USER_DIRECTORY_ACTIONS } from '../../shared/identity/adapters/cognito-user-directory';
import { SearchIndexing } from '../constructs/search-indexing';
import { SigningKey } from '../constructs/signing-key';
import { ExchangeDelivery } from '../constructs/exchange-delivery';
import { EXCHANGE_ENV, GATEWAY_MESSAGE_MODEL, MAX_MESSAGE_BYTES } from '../../shared/exchange/index';
import { ConsoleHosting, cognitoAuthority, type ConsoleProps } from '../constructs/console';
import type { DataStack } from './data-stack';

export interface ApiStackProps extends StackProps {
  data: DataStack;
  version: string;
  logRetention: RetentionDays;
  /** Verified SES sender of reminders, e.g. `Văn phòng Tỉnh ủy <vanphong@tinhuy.example.vn>`. */
  mailFrom: string;
  /** PEM chain of the office's signing certificate (context `daumoi:signingCertificate`). */
  signingCertificate?: string;
  /** This office's id in the exchange (context `daumoi:officeId`; default the configuration's bodyId). */
  officeId?: string;
  /** The URL partners post messages to (context `daumoi:exchangeEndpoint`; default this API's stage). */
  exchangeEndpoint?: string;
  /** Where the console's build is and its custom domain, if any. */
  console?: ConsoleProps;
}

/** Scopes API Gateway accepts per kind of route (all callers present access tokens). */
export const PEOPLE_SCOPE = 'aws.cognito.signin.user.admin';
export const REPORTS_SCOPE_NAME = 'reports';
export const RESOURCE_SERVER_ID = 'daumoi';

/** Which prefixes of the scans bucket each API function touches (none: only the bucket's name). */
/**
 * What each API function may do with each table (least privilege; a table not named here is
 * `NONE`: its name is in the environment, no access). Every function reads Data (the caller's
 * machine client is checked there). Audit is `APPEND` for the functions that record what they
 * change (a `Put` in the same transaction), and readable only by the audit function: no API
 * function can update or delete an audit event; only the audit sealer may (it seals them).
 */
export const API_TABLE_ACCESS: Record<ApiFunction, Partial<Record<TableSpec['name'], AccessMode>>> = {
  system: { Data: 'RO' },
  registers: { Data: 'RW', Search: 'RW', Audit: 'APPEND', Idempotency: 'RW' },
  scans: { Data: 'RW', Search: 'RW', Audit: 'APPEND', Idempotency: 'RW' },
  search: { Data: 'RO', Search: 'RO' },
  reports: { Data: 'RW', Audit: 'APPEND', Idempotency: 'RW' },
  orgs: { Data: 'RW', Audit: 'APPEND', Idempotency: 'RW' },
  drafts: { Data: 'RW', Audit: 'APPEND', Idempotency: 'RW' },
  audit: { Data: 'RO', Audit: 'RO' },
  exports: { Data: 'RO' },
  // People are in Cognito (the Admin* grants on the pool are this function's alone); each change is audited.
  users: { Data: 'RO', Audit: 'APPEND', Idempotency: 'RW' },
  // Assignments read the letters (registers, with their clearance) and write assignments, history and instructions, audited.
  assignments: { Data: 'RW', Audit: 'APPEND', Idempotency: 'RW' },
  // Partners, outbox and inbox on Data; registering an inbox item writes an incoming entry (and its search marker).
  exchange: { Data: 'RW', Search: 'RW', Audit: 'APPEND' },
};

/** What the assignments function reads of the user pool: who a person is (clearance, department), never a change. */
export const PEOPLE_READ_ACTIONS = ['cognito-idp:ListUsers', 'cognito-idp:ListUsersInGroup', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminListGroupsForUser'];

const BUCKET_ACCESS: Partial<Record<ApiFunction, { prefixes: string[]; mode: 'RO' | 'RW' }>> = {
  scans: { prefixes: ['scans/', 'ocr/', 'quarantine/'], mode: 'RW' },
  reports: { prefixes: ['reports/'], mode: 'RW' },
  // Entries made from a scan are indexed with its OCR text.
  registers: { prefixes: ['ocr/'], mode: 'RO' },
  search: { prefixes: ['ocr/'], mode: 'RO' },
  // Packages out and documents in; the issued document it sends (signed on first use, as the registers function does).
  exchange: { prefixes: ['exchange/', 'documents/'], mode: 'RW' },
};

/** Files an API function reads at run time besides its bundle (DaumoiFunction's runtimeFiles). */
export const API_RUNTIME_FILES: Partial<Record<ApiFunction, readonly string[]>> = { registers: DOCUMENT_RUNTIME_FILES, exchange: DOCUMENT_RUNTIME_FILES };

export class ApiStack extends Stack {
  readonly api: RestApi;
  readonly userPool: UserPool;
  readonly functions: Record<ApiFunction, DaumoiFunction>;
  readonly webClient: UserPoolClient;
  /** The console: web/dist behind CloudFront, config.json written at deploy. */
  readonly console: ConsoleHosting;
  readonly consoleConfig: { apiUrl: string; authority: string; clientId: string; logoutUrl: string };
  /** The scheduled functions (reminders, audit sealer, search sweeper, audit verifier): their errors are alarmed. */
  readonly scheduled: DaumoiFunction[] = [];
  /** Search indexing from the Data table's stream, with its dead-letter queue. */
  readonly searchIndexing: SearchIndexing;
  /** The office's document-signing key (KMS, asymmetric). */
  readonly signingKey: SigningKey;
  /** The exchange's queue, dead-letter queue, outbox pipe and sender function. */
  readonly exchangeDelivery: ExchangeDelivery;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { data } = props;

    this.userPool = new UserPool(this, 'Users', {
      userPoolName: 'daumoi-users',
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      customAttributes: {
        clearance: new StringAttribute({ minLen: 3, maxLen: 10, mutable: true }),
        orgId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        dept: new StringAttribute({ minLen: 1, maxLen: 32, mutable: true }),
      },
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    for (const role of ROLES) {
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `daumoi role ${role}` });
    }
    const reportsScope = new ResourceServerScope({ scopeName: REPORTS_SCOPE_NAME, scopeDescription: 'Submit and read the organisation’s own reports' });
    const resourceServer = new UserPoolResourceServer(this, 'ReportsServer', {
      userPool: this.userPool,
      identifier: RESOURCE_SERVER_ID,
      scopes: [reportsScope],
    });
    const domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: `daumoi-${this.account}`.slice(0, 60) },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // The console's CSP names the API by its id (known before the stage), Cognito's domain and
    // issuer (sign-in, token, keys) and the scans bucket (presigned PUT uploads).
    this.console = new ConsoleHosting(this, 'Console', {
      ...props.console,
      connect: [
        Lazy.string({ produce: () => `https://${this.api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}` }),
        domain.baseUrl(),
        `https://cognito-idp.${Aws.REGION}.${Aws.URL_SUFFIX}`,
        `https://${data.bucket.bucketRegionalDomainName}`,
      ],
    });
    const consoleOrigin = this.console.origin;
    this.webClient = this.userPool.addClient('WebClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      // A person may change their name and locale, never a custom attribute: clearance, department
      // and organisation are set by an administrator (PUT /v1/users/{username}, audited). Without
      // this, Cognito lets a signed-in user write every attribute with their own access token.
      writeAttributes: new ClientAttributes().withStandardAttributes({ fullname: true, givenName: true, familyName: true, locale: true, timezone: true }),
      preventUserExistenceErrors: true,
      // The console: authorization code with PKCE (a public client, no secret), Cognito's managed login (MFA as the pool requires).
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE, OAuthScope.COGNITO_ADMIN],
        callbackUrls: [`${consoleOrigin}/callback`],
        // web/src/auth.ts CALLBACK_PATH and SIGNED_OUT_PATH.
        logoutUrls: [`${consoleOrigin}/da-dang-xuat`],
      },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
    });
    new CfnManagedLoginBranding(this, 'WebClientLogin', { userPoolId: this.userPool.userPoolId, clientId: this.webClient.userPoolClientId, useCognitoProvidedValues: true }).node.addDependency(domain);
    this.webClient.node.addDependency(resourceServer);

    // One function per capability; the route table says which routes each serves. The registers
    // function renders issued documents: it carries the renderer's fonts.
    const version = props.version;
    this.functions = {} as Record<ApiFunction, DaumoiFunction>;
    for (const fn of API_FUNCTIONS) {
      if (!ROUTES.some((r) => r.fn === fn)) continue;
      const f = new DaumoiFunction(this, `Fn-${fn}`, {
        entryFile: `functions/${fn}.ts`,
        description: `daumoi API: ${fn}`,
        runtimeFiles: API_RUNTIME_FILES[fn],
        logRetentionDays: props.logRetention,
        environment: {
          [ENV.authMode]: 'cognito',
          [ENV.userPoolId]: this.userPool.userPoolId,
          // People's access tokens must come from the web app client; organisation clients are checked against the registry.
          [ENV.userPoolClientIds]: this.webClient.userPoolClientId,
          [ENV.version]: version,
          // The console's origin: every answer carries it in Access-Control-Allow-Origin (the browser reads nothing else).
          [ENV.consoleOrigin]: consoleOrigin,
        },
      });
      for (const t of TABLES) f.bindTable(t.envVar, data.tables[t.name], t, API_TABLE_ACCESS[fn][t.name] ?? 'NONE');
      const bucket = BUCKET_ACCESS[fn];
      f.bindBucket(ENV.bucket, data.bucket, bucket?.prefixes ?? [], bucket?.mode ?? 'RO');
      this.functions[fn] = f;
    }

    // Issued documents: signed with the office's KMS key, kept under documents/ (the exchange signs the documents it sends, and its messages).
    this.functions.registers.bindBucket(ENV.bucket, data.bucket, ['documents/'], 'RW');
    const exchangeEnv = {
      // Partners post to this API's stage (or to the public name the office gives in daumoi:exchangeEndpoint).
      [EXCHANGE_ENV.endpoint]: props.exchangeEndpoint ?? `https://${Lazy.string({ produce: () => this.api.restApiId })}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/prod/v1/exchange/messages`,
      ...(props.officeId ? { [EXCHANGE_ENV.officeId]: props.officeId } : {}),
      // Under Lambda's 6 MB request payload: the function answers 413 above it, the gateway beyond 6 MB.
      [EXCHANGE_ENV.maxBytes]: String(MAX_MESSAGE_BYTES),
    };
    for (const [k, v] of Object.entries(exchangeEnv)) this.functions.exchange.addEnvironment(k, v);
    this.exchangeDelivery = new ExchangeDelivery(this, 'ExchangeDelivery', { tables: data.tables, bucket: data.bucket, logRetention: props.logRetention, environment: exchangeEnv });
    this.signingKey = new SigningKey(this, 'SigningKey', {
      signer: this.functions.registers,
      alsoSigners: [this.functions.exchange, this.exchangeDelivery.fn],
      ...(props.signingCertificate ? { certificate: props.signingCertificate } : {}),
      ...(props.logRetention ? { logRetention: props.logRetention } : {}),
    });

    // A clerk who corrects a scan to Tối mật removes every stored version of it and of its OCR text.
    grantPurgeVersions(this.functions.scans);

    // Organisation clients are Cognito app clients, made and removed by the orgs function.
    this.functions.orgs.addToRolePolicy(
      new PolicyStatement({ actions: ['cognito-idp:CreateUserPoolClient', 'cognito-idp:DeleteUserPoolClient'], resources: [this.userPool.userPoolArn] }),
    );
    // People (roles, clearance, department) are administered by the users function only, on this pool only.
    this.functions.users.addToRolePolicy(new PolicyStatement({ actions: USER_DIRECTORY_ACTIONS, resources: [this.userPool.userPoolArn] }));
    // Giving work checks the person named (enabled, cleared for the work's secrecy, department): read only.
    this.functions.assignments.addToRolePolicy(new PolicyStatement({ actions: PEOPLE_READ_ACTIONS, resources: [this.userPool.userPoolArn] }));
    // Reminders go out by SES from the office's verified domain.
    const mailDomain = /@([^>\s]+)/.exec(props.mailFrom)?.[1] ?? 'example.gov.vn';
    const sesIdentity = `arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${mailDomain}`;
    const sendMail = new PolicyStatement({ actions: ['ses:SendEmail'], resources: [sesIdentity] });
    this.functions.reports.addToRolePolicy(sendMail);
    this.functions.reports.addEnvironment(REPORTING_ENV.mailFrom, props.mailFrom);

    // The reminder job (EventBridge Scheduler, hourly at :05 office time; reminders are due at 08:00).
    const reminders = new DaumoiFunction(this, 'Reminders', {
      entryFile: 'functions/reminders.ts',
      description: 'daumoi: reminds organisations that have not reported',
      logRetentionDays: props.logRetention,
      timeout: Duration.minutes(5),
      reservedConcurrentExecutions: 1,
      environment: { [ENV.authMode]: 'cognito', [ENV.userPoolId]: this.userPool.userPoolId, [REPORTING_ENV.mailFrom]: props.mailFrom },
    });
    for (const [name, mode] of [['Data', 'RW'], ['Audit', 'APPEND']] as const) {
      const spec = TABLES.find((t) => t.name === name)!;
      reminders.bindTable(spec.envVar, data.tables[name], spec, mode);
    }
    reminders.addToRolePolicy(sendMail);
    new SchedulerSchedule(this, 'RemindHourly', {
      description: 'Reminders before and after report deadlines',
      schedule: ScheduleExpression.cron({ minute: '5', timeZone: TimeZone.ASIA_HO_CHI_MINH }),
      target: new LambdaInvoke(reminders),
    });
    // The scheduler's role for that target (a singleton CDK makes in the stack): acknowledged on it, not on the stack.
    const schedulerRole = this.node.children.find((c) => c.node.id.startsWith('SchedulerRoleForTarget-'));
    if (!schedulerRole) throw new Error('the scheduler’s role for the reminder target was not found: its cdk-nag acknowledgement has nothing to name');
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(reminders.node.defaultChild as CfnFunction)}.Arn>:*]`,
      reason: 'The scheduler’s role may invoke the reminder function’s versions (ARN:*) — only that one function.',
    });

    // Access tokens carry the claims the API reads: clearance and dept for people, org and role for organisation clients.
    const preToken = new DaumoiFunction(this, 'PreTokenGeneration', {
      entryFile: 'functions/pre-token-generation.ts',
      description: 'daumoi: Cognito pre-token-generation (V3) claims',
      logRetentionDays: props.logRetention,
      timeout: Duration.seconds(5),
    });
    const dataSpec = TABLES.find((t) => t.name === 'Data')!;
    preToken.bindTable(dataSpec.envVar, data.tables.Data, dataSpec, 'RO');
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, preToken, LambdaVersion.V3_0);

    // Scheduled, one run at a time: every minute the audit sealer appends new audit events to the
    // hash chain and the search sweeper indexes the register entries whose own indexing failed;
    // daily the audit verifier walks the whole chain (its AuditChainProblems metric is alarmed).
    const scheduled = (id: string, entryFile: string, description: string, tables: Partial<Record<TableSpec['name'], AccessMode>>, schedule: Schedule, timeout: Duration): DaumoiFunction => {
      const fn = new DaumoiFunction(this, id, { entryFile, description, logRetentionDays: props.logRetention, timeout, reservedConcurrentExecutions: 1 });
      for (const [name, mode] of Object.entries(tables) as [TableSpec['name'], AccessMode][]) {
        const spec = TABLES.find((t) => t.name === name)!;
        fn.bindTable(spec.envVar, data.tables[name], spec, mode);
      }
      new Rule(this, `${id}Schedule`, { schedule, targets: [new LambdaFunction(fn)] });
      return fn;
    };
    const everyMinute = Schedule.rate(Duration.minutes(1));
    const sealer = scheduled('AuditSealer', 'functions/audit-sealer.ts', 'daumoi: seals audit events into the hash chain', { Audit: 'RW' }, everyMinute, Duration.minutes(1));
    // The register store it reads entries through names the Audit table (read only here).
    const sweeper = scheduled('SearchSweeper', 'functions/search-sweeper.ts', 'daumoi: indexes register entries whose indexing failed', { Data: 'RW', Search: 'RW', Audit: 'RO' }, everyMinute, Duration.minutes(1));
    // 18:00 UTC is 01:00 in Hà Nội, when the office is closed.
    const verifier = scheduled('AuditVerifier', 'functions/audit-verifier.ts', 'daumoi: verifies the whole audit hash chain daily', { Audit: 'RO' }, Schedule.cron({ hour: '18', minute: '0' }), Duration.minutes(15));
    // Nhắc việc: hourly at :10 (reminders fall at 08:00 office time on working days), by SES like the report reminders.
    const assignmentReminders = scheduled(
      'AssignmentReminders',
      'functions/assignment-reminders.ts',
      'daumoi: reminds of assignments before and after their due dates',
      { Data: 'RW', Audit: 'APPEND' },
      Schedule.cron({ minute: '10' }),
      Duration.minutes(5),
    );
    assignmentReminders.addToRolePolicy(sendMail);
    assignmentReminders.addEnvironment(REPORTING_ENV.mailFrom, props.mailFrom);
    // Reminders go to the assignee's e-mail, or a department's members': the user pool, read only.
    assignmentReminders.addEnvironment(ENV.userPoolId, this.userPool.userPoolId);
    assignmentReminders.addToRolePolicy(new PolicyStatement({ actions: PEOPLE_READ_ACTIONS, resources: [this.userPool.userPoolArn] }));
    // Entries made from a scan are indexed with its OCR text.
    sweeper.bindBucket(ENV.bucket, data.bucket, ['ocr/'], 'RO');
    this.scheduled.push(reminders, sealer, sweeper, verifier, assignmentReminders);
    // Search indexing follows the Data table's stream; the sweeper above is its safety net.
    this.searchIndexing = new SearchIndexing(this, 'SearchIndexing', { tables: data.tables, bucket: data.bucket, logRetention: props.logRetention });

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: props.logRetention });
    this.api = new RestApi(this, 'Api', {
      restApiName: 'daumoi',
      description: 'daumoi — Văn phòng cấp ủy document office',
      cloudWatchRole: true,
      // `*/*`: XLSX/CSV downloads work whatever Accept header the browser sends; JSON bodies
      // then arrive base64-encoded, which the JSON middleware decodes.
      binaryMediaTypes: ['*/*'],
      deployOptions: {
        stageName: 'prod',
        tracingEnabled: true,
        loggingLevel: MethodLoggingLevel.INFO,
        dataTraceEnabled: false,
        metricsEnabled: true,
        throttlingBurstLimit: 200,
        throttlingRateLimit: 100,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
      },
      // Browsers call it from the console only.
      defaultCorsPreflightOptions: { allowOrigins: [consoleOrigin], allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match'] },
    });
    // The authorizer's own 401/403 (and throttling) answers reach the console readable too.
    for (const [id, type] of [['Cors4xx', ResponseType.DEFAULT_4XX], ['Cors5xx', ResponseType.DEFAULT_5XX]] as const) {
      this.api.addGatewayResponse(id, { type, responseHeaders: { 'Access-Control-Allow-Origin': `'${consoleOrigin}'`, Vary: "'Origin'" } });
    }
    /** What the console stack writes in config.json. */
    this.consoleConfig = {
      apiUrl: `https://${this.api.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}/${this.api.deploymentStage.stageName}`,
      authority: cognitoAuthority(this.userPool.userPoolId),
      clientId: this.webClient.userPoolClientId,
      // The console adds client_id and logout_uri (web/src/auth.ts signOut).
      logoutUrl: `${domain.baseUrl()}/logout`,
    };
    const authorizer = new CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [this.userPool] });
    const reportsScopeName = `${RESOURCE_SERVER_ID}/${REPORTS_SCOPE_NAME}`;

    const scopesFor = (r: Route): string[] =>
      r.auth === 'client' ? [reportsScopeName] : r.auth === 'any' ? [PEOPLE_SCOPE, reportsScopeName] : [PEOPLE_SCOPE];

    const integrations = new Map<ApiFunction, LambdaIntegration>();
    for (const r of ROUTES) {
      const resource = r.path.split('/').filter(Boolean).reduce<IResource>((res, part) => res.getResource(part) ?? res.addResource(part), this.api.root);
      let integration = integrations.get(r.fn);
      // One invoke permission per function, scoped to this API (not two per method: 150+ methods would
      // take the stack past CloudFormation's 500 resources). API Gateway only calls a function for the
      // methods defined here.
      if (!integration) integrations.set(r.fn, (integration = new LambdaIntegration(this.functions[r.fn], { scopePermissionToMethod: false })));
      resource.addMethod(
        r.method,
        integration,
        r.auth === 'none'
          ? { authorizationType: AuthorizationType.NONE, operationName: r.operationId, ...this.gatewayValidation(r) }
          : { authorizationType: AuthorizationType.COGNITO, authorizer, authorizationScopes: scopesFor(r), operationName: r.operationId },
      );
    }

    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG2',
      reason: 'Requests are validated in the Lambda by the same zod schemas that generate the OpenAPI document, with precise 400 details.',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG3',
      reason: 'WAF is attached per deployment by the province’s network team (Party WAN ingress); the stage is throttled meanwhile.',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Only GET /v1/health, GET /v1/openapi.json, GET /v1/exchange/identity, POST /v1/exchange/messages (partner offices: authenticated by the sender’s signature, its body size limited at the gateway) and the CORS preflight OPTIONS methods are public; every other route has the Cognito authorizer (asserted in test/infra).',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-COG4',
      reason: 'Only the public health/OpenAPI/exchange-identity routes, the partner-to-partner exchange endpoint (signature-authenticated) and the CORS preflight OPTIONS methods have no Cognito authorizer (asserted in test/infra).',
    });
    Validations.of(this.api).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
      reason: 'API Gateway’s CloudWatch role uses the AWS managed push-to-logs policy, the documented minimum for execution logging.',
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url });
    new CfnOutput(this, 'ExchangeEndpoint', { value: exchangeEnv[EXCHANGE_ENV.endpoint]! });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'WebClientId', { value: this.webClient.userPoolClientId });
  }

  private bodyValidator: RequestValidator | undefined;
  /** The partner-to-partner endpoint's body shape is checked at the gateway before the function runs (its size by the function: 413, not the gateway's 400). */
  private gatewayValidation(r: Route): { requestValidator?: RequestValidator; requestModels?: Record<string, Model> } {
    if (r.operationId !== 'receiveExchangeMessage') return {};
    this.bodyValidator ??= new RequestValidator(this, 'ExchangeBodyValidator', { restApi: this.api, validateRequestBody: true, validateRequestParameters: false });
    const model = new Model(this, 'ExchangeMessageModel', { restApi: this.api, contentType: 'application/json', schema: GATEWAY_MESSAGE_MODEL as unknown as JsonSchema });
    return { requestValidator: this.bodyValidator, requestModels: { 'application/json': model } };
  }
}
