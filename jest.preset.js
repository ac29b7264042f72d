const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  // Unit specs (*.spec.ts) and integration specs against the real PostgreSQL/Redis (*.integration-spec.ts).
  testMatch: [
    '**/?(*.)+(spec|test).?([mc])[jt]s?(x)',
    '**/*.integration-spec.ts',
  ],
};
