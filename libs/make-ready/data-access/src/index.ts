export * from './lib/queryable';
export * from './lib/constraint-rows';
export * from './lib/open-constraints.sql';
export * from './lib/readiness';
export * from './lib/look-ahead-rows';
export * from './lib/agency-block-rows';
