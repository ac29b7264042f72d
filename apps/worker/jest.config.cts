module.exports = {
  displayName: 'worker',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  // A worker whose shutdown never returns fails its suite (afterAll, settlesWithin) and leaves
  // connections behind: the run ends anyway rather than waiting for them until CI's time limit.
  forceExit: true,
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/worker',
};
