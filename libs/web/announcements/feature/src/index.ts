export * from './lib/announcements.routes';
export { AnnouncementsPage } from './lib/announcements-page.component';
