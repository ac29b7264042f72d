import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@worksite/server-config';
import { createHash, randomBytes } from 'node:crypto';

/** What an access token carries: the user and the session it belongs to. */
export interface AccessClaims {
  sub: string;
  sid: string;
}

/** Short-lived signed access tokens (HS256 only) and opaque refresh tokens stored hashed. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  signAccess(claims: AccessClaims): Promise<string> {
    // Signed with JWT_SECRET (the module's key, see AuthModule).
    return this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
    });
  }

  /** The claims of a valid token, or undefined for a tampered, expired or foreign one. */
  async verifyAccess(token: string): Promise<AccessClaims | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
      return typeof claims.sub === 'string' && typeof claims.sid === 'string' ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  /** A new refresh token (256 random bits) and the hash we keep of it. */
  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hash(token) };
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
