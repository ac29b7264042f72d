export * from './lib/org.module';
export * from './lib/departments/department.dto';
export * from './lib/contractors/contractor.dto';
export * from './lib/crews/crew.dto';
export * from './lib/crew-channels/crew-channel.dto';
