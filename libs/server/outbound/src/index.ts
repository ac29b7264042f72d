export * from './lib/outbound-policy';
export * from './lib/guarded-lookup';
