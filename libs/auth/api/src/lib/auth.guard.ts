import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError } from '@worksite/api-core';
import { Actor } from '@worksite/auth-access';
import { MessageKey } from '@worksite/shared-i18n';
import type { Request } from 'express';
import { ActorLoader } from './actor-loader.service';
import { PUBLIC_ROUTE } from '@worksite/auth-access';
import { TokenService } from './token.service';

/** Every route needs a valid access token of a live session, unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly actors: ActorLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/i.exec(header)?.[1];
    if (!token) throw unauthorized('unauthorized_no_token');
    const claims = await this.tokens.verifyAccess(token);
    if (!claims) throw unauthorized('unauthorized_token_invalid');
    const actor = await this.actors.load(claims.sub, claims.sid);
    if (!actor) throw unauthorized('session_ended');
    request.actor = actor;
    return true;
  }
}

function unauthorized(message: MessageKey): ApiError {
  return new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', message);
}
