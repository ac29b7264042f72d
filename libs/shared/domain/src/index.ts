export * from './lib/enums';
export * from './lib/contracts';
export * from './lib/notices';
