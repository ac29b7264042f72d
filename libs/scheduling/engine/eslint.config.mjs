import baseConfig from '../../../eslint.config.mjs';

// The engine runs in the browser (while a bar is dragged) and in Node alike: no runtime APIs.
const nodeGlobals = ['process', 'Buffer', 'global', 'require', '__dirname', '__filename', 'setImmediate'].map((name) => ({
  name,
  message: 'The scheduling engine is framework- and runtime-free; Node globals are not allowed in src/.',
}));

export default [
  ...baseConfig,
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', 'src/testing/**'],
    rules: {
      'no-restricted-globals': ['error', ...nodeGlobals],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'fs', 'path', 'crypto', 'os', 'util', 'buffer', 'perf_hooks', 'worker_threads', 'child_process'], message: 'No Node APIs in the scheduling engine.' }] },
      ],
    },
  },
];
