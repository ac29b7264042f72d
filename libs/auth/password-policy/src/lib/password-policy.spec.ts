import { COMMON_PASSWORDS } from './common-passwords.data';
import {
  PASSWORD_MAX_LENGTH,
  passwordProblemMessage,
  passwordProblems,
  PasswordProblemCode,
  passwordRuleText,
} from './password-policy';

const codes = (password: string, username?: string) => passwordProblems(password, { username }).map((p) => p.code);

describe('password policy', () => {
  it('accepts a long, uncommon password that does not contain the username', () => {
    expect(codes('墙角的梧桐树-2026', 'zhenhongbo')).toEqual([]);
    expect(codes('correct horse battery staple', 'admin')).toEqual([]);
  });

  it('wants 10 to 200 characters', () => {
    expect(codes('')).toEqual(['too_short']);
    expect(codes('9chars-xq')).toEqual(['too_short']);
    expect(codes('10chars-xq')).toEqual([]);
    expect(codes('x'.repeat(PASSWORD_MAX_LENGTH) + 'y')).toEqual(['too_long']);
  });

  it('refuses the username and anything containing it, ignoring case', () => {
    expect(codes('Zhenhongbo', 'zhenhongbo')).toEqual(['contains_username']);
    expect(codes('my-ZHENHONGBO-pass', 'zhenhongbo')).toEqual(['contains_username']);
    expect(codes('demo-admin-2026', 'Admin')).toEqual(['contains_username']);
  });

  it('refuses common passwords, also with digits or symbols around them, ignoring case', () => {
    expect(COMMON_PASSWORDS.length).toBe(10_000);
    expect(codes('qwertyuiop')).toEqual(['common']);
    expect(codes('Password123')).toEqual(['common']);
    expect(codes('iloveyou2026!!')).toEqual(['common']);
    expect(codes('!!Dragon-1234')).toEqual(['common']);
    expect(codes('1234567890')).toEqual(['common']);
    // A common word inside a longer phrase is fine: only the whole password (without decoration) counts.
    expect(codes('dragon-in-the-hutong')).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(codes('admin', 'admin')).toEqual(['too_short', 'contains_username', 'common']);
  });

  it('says each problem in Chinese and in English', () => {
    const all: PasswordProblemCode[] = ['too_short', 'too_long', 'contains_username', 'common'];
    for (const code of all) {
      expect(passwordProblemMessage(code)).toMatch(/[\u4e00-\u9fff]/);
      expect(passwordProblemMessage(code, 'en')).toMatch(/^The password|^This is/);
    }
    expect(passwordProblemMessage('too_short', 'en')).toContain('10');
    expect(passwordRuleText('en')).toContain('10–200');
    expect(passwordRuleText()).toContain('常见密码');
  });
});
