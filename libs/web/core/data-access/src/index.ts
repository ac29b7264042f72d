export * from './lib/api-client';
export * from './lib/language';
export * from './lib/provide-web-core';
<<<<<<< HEAD
export * from './lib/file-download';
=======
export * from './lib/change-set';
>>>>>>> main
