import { passwordProblems } from '@worksite/auth-password-policy';
import { DEMO_USERS } from './users.data';

describe('demo users', () => {
  it('have passwords that pass the password policy', () => {
    for (const user of DEMO_USERS) {
      expect({ user: user.username, problems: passwordProblems(user.password, user) }).toEqual({
        user: user.username,
        problems: [],
      });
    }
  });

  it('have usernames that are unique ignoring case', () => {
    const lower = DEMO_USERS.map((user) => user.username.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });
});
