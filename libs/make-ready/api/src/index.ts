export * from './lib/make-ready.module';
export * from './lib/constraints.service';
export * from './lib/look-ahead.service';
