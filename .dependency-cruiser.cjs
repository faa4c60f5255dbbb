/**
 * The dependency rules of daumoi's shape (docs/architecture.md), checked by dependency-cruiser in
 * `npm test` (test/unit/architecture.test.ts runs this file over shared/, functions/, local/ and
 * infra/, and over the small broken trees in test/fixtures/architecture/, one per rule, to prove
 * that each rule still bites). Command line: `npx depcruise shared functions local infra --config`.
 *
 * Paths are relative to the cruise's base directory: `shared/<module>/…`, `shared/platform/…`.
 * A module is any `shared/<m>/` other than the three shared layers below:
 */
const LAYERS = 'platform|api|edge';
/** Node's built-in modules that do I/O (the `node:` prefix is optional). */
const NODE_IO = '^(node:)?(fs|fs/promises|http|https|http2|net|tls|dgram|dns|dns/promises|child_process|worker_threads|cluster|readline)$';
/** npm packages that talk to AWS, the network or the Lambda runtime. */
const NPM_IO = '(^|/)node_modules/(@aws-sdk|@smithy|@middy|@aws-lambda-powertools)/';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        '(a) shared/<m>/domain/ is pure rules: no AWS SDK, no middy, no Powertools, no fs/http, no adapters/ or app/ of any module, ' +
        'and of the platform only the pure parts (errors, security: the caller and clearances, text/, files/file-type, the Clock type: see domain-clock-type-only).',
      severity: 'error',
      from: { path: '^shared/[^/]+/domain/' },
      to: {
        path: [
          NODE_IO,
          NPM_IO,
          '^shared/[^/]+/(adapters|app)/',
          '^shared/(api|edge)/',
          '^(functions|local|infra)/',
          '^shared/platform/',
        ],
        pathNot: ['^shared/platform/(errors\\.ts|security\\.ts|clock\\.ts|text/|files/file-type\\.ts)'],
      },
    },
    {
      name: 'domain-clock-type-only',
      comment: '(a) a domain takes `now` as an argument: it may name the Clock type, never import a clock it could read.',
      severity: 'error',
      from: { path: '^shared/[^/]+/domain/' },
      to: { path: '^shared/platform/clock\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'module-through-public-entry',
      comment:
        '(b) a module uses another module only through its public surface: the files at the top of shared/<m>/ (index.ts, and ' +
        'entries kept apart so that a bundle need not carry them: routes.ts, ocr.ts…). Its folders (domain/, app/, ports/, adapters/) are its own.',
      severity: 'error',
      from: { path: '^shared/([^/]+)/', pathNot: `^shared/(${LAYERS})/` },
      to: {
        path: '^shared/[^/]+/',
        pathNot: ['^shared/$1/', '^shared/[^/]+/[^/]+\\.ts$', `^shared/(${LAYERS})/`],
      },
    },
    {
      name: 'module-not-above-itself',
      comment: '(b) a module sits under the route table and the functions: it never imports shared/api/, shared/edge/, functions/ or local/.',
      severity: 'error',
      from: { path: '^shared/([^/]+)/', pathNot: `^shared/(${LAYERS})/` },
      to: { path: ['^shared/(api|edge)/', '^(functions|local|infra)/'] },
    },
    {
      name: 'platform-imports-no-module',
      comment:
        '(c) shared/platform/ is beneath every module: it imports no module, nor the route table, the edge or the functions ' +
        '(the caller every request carries is the platform\'s own: shared/platform/security.ts).',
      severity: 'error',
      from: { path: '^shared/platform/' },
      to: {
        path: ['^shared/(?!platform/)', '^(functions|local|infra)/'],
      },
    },
    {
      name: 'adapters-never-import-app',
      comment: '(d) adapters implement ports; the use cases (app/) call them, never the other way round.',
      severity: 'error',
      from: { path: '^shared/[^/]+/adapters/' },
      to: { path: '^shared/[^/]+/app/' },
    },
    {
      name: 'no-cycles',
      comment: '(e) no import cycles, type-only imports included.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'functions-use-public-entries',
      comment:
        '(f) a function (functions/<name>.ts) composes its parts from the public surfaces of the modules (the files at the top of shared/<m>/), ' +
        'the platform, the route table (shared/api/) and the edge (shared/edge/); nothing else of this repository.',
      severity: 'error',
      from: { path: '^functions/' },
      to: {
        path: '^(shared|functions|local|infra|config|test|bench)/',
        pathNot: ['^shared/[^/]+/[^/]+\\.ts$', `^shared/(${LAYERS})/`],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(cdk\\.out|\\.daumoi)/' },
    // Type-only imports count: a domain naming an adapter's type is still coupled to it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
