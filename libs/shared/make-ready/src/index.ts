export * from './lib/constraints';
export * from './lib/variance';
export * from './lib/weeks';
export * from './lib/ppc';
export * from './lib/make-ready-dto';
export * from './lib/look-ahead-dto';
