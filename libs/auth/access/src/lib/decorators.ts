import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';

export const PUBLIC_ROUTE = 'worksite:public';

/** Marks a route that needs no login (health, login, refresh, acknowledgement links). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The signed-in user of the request, as the AuthGuard loaded it. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<{ actor?: Actor }>();
  if (!request.actor) throw new Error('CurrentActor used on a public route');
  return request.actor;
});

export const STRICT_RATE_LIMIT = 'worksite:strict-rate-limit';

/** Puts a route (login) under the stricter LOGIN_RATE_LIMIT_PER_MINUTE as well. */
export const StrictRateLimit = () => SetMetadata(STRICT_RATE_LIMIT, true);
