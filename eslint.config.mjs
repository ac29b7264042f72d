import nx from '@nx/eslint-plugin';

// Packages that tie code to a framework, a database or a runtime. Domain and util
// libraries run in the browser and in Node alike, so they may import none of them.
const frameworkPackages = [
  '@nestjs/*',
  '@angular/*',
  'typeorm',
  'pg',
  'bullmq',
  'ioredis',
  'express',
  'rxjs',
  'node:*',
  'fs',
  'path',
  'crypto',
];

// Which projects may depend on which, by their scope and type tags.
const depConstraints = [
  // Scopes: who may use whom. The web never imports server code.
  {
    sourceTag: 'scope:shared',
    onlyDependOnLibsWithTags: ['scope:shared'],
  },
  {
    sourceTag: 'scope:server',
    onlyDependOnLibsWithTags: ['scope:server', 'scope:shared'],
  },
  {
    sourceTag: 'scope:api',
    onlyDependOnLibsWithTags: ['scope:api', 'scope:server', 'scope:shared'],
  },
  {
    sourceTag: 'scope:worker',
    onlyDependOnLibsWithTags: ['scope:worker', 'scope:server', 'scope:shared'],
  },
  {
    sourceTag: 'scope:web',
    onlyDependOnLibsWithTags: ['scope:web', 'scope:shared'],
  },
  // The browser end-to-end suite starts the whole stack, so it may use both sides' test helpers.
  {
    sourceTag: 'scope:e2e',
    onlyDependOnLibsWithTags: ['scope:web', 'scope:server', 'scope:shared'],
  },
  // Types: layers only point downwards.
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:ui',
    onlyDependOnLibsWithTags: ['type:ui', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
    bannedExternalImports: frameworkPackages,
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:testing'] },
  // Test helpers (fake servers, test databases): imported by tests only.
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:testing'],
  },
  {
    allSourceTags: ['scope:shared', 'type:util'],
    onlyDependOnLibsWithTags: ['type:util'],
    bannedExternalImports: frameworkPackages,
  },
];

/** Test files (specs and the `src/testing` harnesses) may also use the test helper libraries. */
const testDepConstraints = depConstraints.map((constraint) =>
  constraint.onlyDependOnLibsWithTags?.some((tag) => tag.startsWith('type:'))
    ? {
        ...constraint,
        onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing'],
      }
    : constraint,
);

const boundaries = (constraints) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
    // data-access's own integration specs use the test database, which is built on
    // data-access; the tags still keep test helpers out of shipped code.
    ignoredCircularDependencies: [['server-data-access', 'server-testing']],
    depConstraints: constraints,
  },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/tmp'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(depConstraints),
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.integration-spec.ts', '**/src/testing/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(testDepConstraints),
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // Parameters kept for an overridable signature are named _like _this.
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
];
