export * from './lib/auth.module';

export * from './lib/auth.dto';
export * from './lib/password.service';
