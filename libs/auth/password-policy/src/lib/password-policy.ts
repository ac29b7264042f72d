import { COMMON_PASSWORDS } from './common-passwords.data';

/** Shortest and longest password accepted (characters, as JavaScript counts them). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Why a password is refused. */
export type PasswordProblemCode = 'too_short' | 'too_long' | 'contains_username' | 'common';

export interface PasswordProblem {
  code: PasswordProblemCode;
}

/** The languages the policy speaks (the app's two). */
export type PolicyLanguage = 'zh-CN' | 'en';

const COMMON = new Set(COMMON_PASSWORDS);
// Digits, punctuation and spaces around a word: "Password2026!" is "password" with decoration.
const DECORATION = /^[\d\W_]+|[\d\W_]+$/gu;

/**
 * The one password policy, for a password set by its owner and one set by an administrator:
 * 10–200 characters; not the username, and not containing it (ignoring case); not one of the
 * 10,000 most common passwords, nor one of them with digits or symbols added before or after
 * ("monkey2026!"). Returns every problem found; an empty list means the password is accepted.
 */
export function passwordProblems(password: string, context: { username?: string | null } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push({ code: 'too_short' });
  if (password.length > PASSWORD_MAX_LENGTH) problems.push({ code: 'too_long' });
  const lower = password.toLowerCase();
  const username = context.username?.trim().toLowerCase();
  if (username && lower.includes(username)) problems.push({ code: 'contains_username' });
  const core = lower.replace(DECORATION, '');
  if (COMMON.has(lower) || (core && COMMON.has(core))) problems.push({ code: 'common' });
  return problems;
}

const MESSAGES: Record<PolicyLanguage, Record<PasswordProblemCode, string>> = {
  'zh-CN': {
    too_short: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`,
    too_long: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符`,
    contains_username: '密码不能包含用户名',
    common: '这是常见密码（或常见密码加数字、符号），很容易被猜中，请换一个',
  },
  en: {
    too_short: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    too_long: `The password must be at most ${PASSWORD_MAX_LENGTH} characters long`,
    contains_username: 'The password must not contain the username',
    common: 'This is a common password (or one with digits or symbols added) and easy to guess; choose another',
  },
};

/** The sentence for a problem, in zh-CN (the default) or English. */
export function passwordProblemMessage(code: PasswordProblemCode, language: PolicyLanguage = 'zh-CN'): string {
  return (MESSAGES[language] ?? MESSAGES['zh-CN'])[code];
}

/** The rule itself, stated for a form's hint. */
export function passwordRuleText(language: PolicyLanguage = 'zh-CN'): string {
  return language === 'en'
    ? `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters, not containing the username, not a common password`
    : `${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} 个字符，不含用户名，不能是常见密码`;
}
