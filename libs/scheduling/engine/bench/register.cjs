// Loads the TypeScript benchmark with swc, using the bench tsconfig (CommonJS output and the
// workspace path aliases resolved from the repository root).
const path = require('node:path');

process.env.SWC_NODE_PROJECT = path.join(__dirname, '..', 'tsconfig.bench.json');
require('@swc-node/register');
