export * from './lib/sites.module';
export * from './lib/location.dto';
export * from './lib/location-hierarchy';
