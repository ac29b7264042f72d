// Libraries that run in the browser and in Node alike (the scheduling engine, how tasks enter
// it): no Node globals and no Node modules in src/.
const nodeGlobals = ['process', 'Buffer', 'global', 'require', '__dirname', '__filename', 'setImmediate'];
const nodeModules = [
  'node:*',
  'fs',
  'path',
  'crypto',
  'os',
  'util',
  'buffer',
  'perf_hooks',
  'worker_threads',
  'child_process',
];

/** ESLint rules keeping `src/` free of Node runtime APIs; `what` names the library in the messages. */
export function runtimeFree(what) {
  return {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.spec.ts', 'src/testing/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...nodeGlobals.map((name) => ({ name, message: `${what} runs in the browser too: no Node globals in src/.` })),
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeModules, message: `${what} runs in the browser too: no Node APIs in src/.` }] },
      ],
    },
  };
}
