export * from './lib/scheduling-data.module';
export * from './lib/calendar/project-calendar.service';
export * from './lib/network/project-network';
export * from './lib/network/project-network.service';
export * from './lib/network/schedule-network';
export * from './lib/rescheduler/schedule-lock';
export * from './lib/rescheduler/schedule-writer';
export * from './lib/rescheduler/project-rescheduler.service';
