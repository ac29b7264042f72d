const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Unit specs (*.spec.ts) and integration specs against the real PostgreSQL/Redis (*.integration-spec.ts).
  // Libraries exercised through the api's HTTP tests have no specs of their own.
  passWithNoTests: true,
  testMatch: ['**/?(*.)+(spec|test).?([mc])[jt]s?(x)', '**/*.integration-spec.ts'],
};
