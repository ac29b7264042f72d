import { Role } from '@worksite/shared-domain';

/** The signed-in user, as login and refresh return it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  language: string;
  departmentId: string | null;
  crewIds: string[];
  projectIds: string[];
}

/** Body of POST /api/auth/login and /api/auth/refresh. */
export interface TokenResponseDto {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  user: SessionUser;
}

/** unknown: not yet asked the server (app start); anonymous: no session; authenticated: a user. */
export type SessionStatus = 'unknown' | 'anonymous' | 'authenticated';
