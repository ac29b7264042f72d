export * from './lib/setup.routes';
