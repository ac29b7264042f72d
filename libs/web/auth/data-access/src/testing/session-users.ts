import { Role } from '@worksite/shared-domain';
import { SessionUser, TokenResponseDto } from '../lib/session.types';

/** A session user of the given role, for specs. */
export function userOf(role: Role, overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: `u-${role}`,
    username: role,
    displayName: `${role} user`,
    role,
    language: 'zh-CN',
    departmentId: role === Role.Agency ? 'dep-1' : null,
    crewIds: role === Role.Contractor ? ['crew-1'] : [],
    projectIds: role === Role.Coordinator ? ['p-1'] : [],
    ...overrides,
  };
}

export function tokensFor(user: SessionUser, accessToken = 'access-1'): TokenResponseDto {
  return { accessToken, tokenType: 'Bearer', expiresIn: 900, refreshToken: 'r', user };
}
