import baseConfig from '../../../eslint.config.mjs';
import { runtimeFree } from '../../../tools/eslint-runtime-free.mjs';

// The engine runs in the browser (while a bar is dragged) and in Node alike.
export default [...baseConfig, runtimeFree('The scheduling engine')];
