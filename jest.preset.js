const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Unit specs (*.spec.ts) and integration specs against the real PostgreSQL/Redis (*.integration-spec.ts).
  // Every project with a test target has specs of its own: a project without any fails.
  testMatch: ['**/?(*.)+(spec|test).?([mc])[jt]s?(x)', '**/*.integration-spec.ts'],
  // Integration specs hash passwords, migrate databases and seed the demo on a shared 2-core
  // machine: 5 s (Jest's default) is a flake, not a finding. Hangs still fail, after 60 s.
  testTimeout: 60_000,
};
