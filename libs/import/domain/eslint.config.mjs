import baseConfig from '../../../eslint.config.mjs';
import { runtimeFree } from '../../../tools/eslint-runtime-free.mjs';

// Shared by the api and the browser (drag previews).
export default [...baseConfig, runtimeFree('How tasks enter the engine')];
