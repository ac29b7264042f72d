import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@worksite/server-config';
import { FallbackThrottlerStorage, REDIS } from '@worksite/server-queue';
import Redis from 'ioredis';
import { createSecretKey } from 'node:crypto';
import { ActorCacheModule } from './actor-changes.listener';
import { ActorLoader } from './actor-loader.service';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth.controller';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { STRICT_RATE_LIMIT } from '@worksite/auth-access';
import { LoginAttempts } from './login-attempts.service';
import { PasswordService } from './password.service';
import { RefreshRotation } from './refresh-rotation.service';
import { TokenService } from './token.service';

/**
 * Logins and the two global guards: rate limits first (counted in Redis, so shared by every
 * api instance), then authentication of every route not marked @Public().
 */
@Module({
  imports: [
    ActorCacheModule,
    // The secret as a key object: given as a string, jsonwebtoken first tries (and fails) to read it
    // as a public key on every verify — a thrown error that cost 15 % of the api's CPU under load.
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.JWT_SECRET)) }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => ({
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.RATE_LIMIT_PER_MINUTE },
          {
            name: 'login',
            ttl: 60_000,
            limit: config.LOGIN_RATE_LIMIT_PER_MINUTE,
            skipIf: (context) => !Reflect.getMetadata(STRICT_RATE_LIMIT, context.getHandler()),
          },
        ],
        // Redis, or counted in the process while Redis is unreachable (requests never fail for it).
        storage: new FallbackThrottlerStorage(redis),
        errorMessage: 'Too many requests; slow down and try again in a minute.',
      }),
    }),
  ],
  controllers: [AuthController, UsersController, AuditController],
  providers: [
    AuthService,
    PasswordService,
    TokenService,
    RefreshRotation,
    ActorLoader,
    LoginAttempts,
    UsersService,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [PasswordService, AuthService],
})
export class AuthModule {}
