export * from './lib/actor';
export * from './lib/resources';
export * from './lib/read-scopes';
export * from './lib/write-rules';
export * from './lib/decorators';
export * from './lib/notice-rules';
export * from './lib/contact-rules';
export * from './lib/announcement-rules';
