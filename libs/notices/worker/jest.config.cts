module.exports = {
  displayName: 'notices-worker',
  preset: '../../../jest.preset.js',
  testEnvironment: 'node',
  // Integration specs run real workers against PostgreSQL, Redis, SMTP and HTTP receivers.
  testTimeout: 180_000,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../coverage/libs/notices/worker',
};
