export * from './lib/locale';
export * from './lib/catalog';
export * from './lib/translate';
