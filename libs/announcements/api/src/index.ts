export * from './lib/announcements.module';
export * from './lib/announcements.service';
