import {
  passwordProblemMessage,
  passwordProblems,
  passwordRuleText,
  PolicyLanguage,
} from '@worksite/auth-password-policy';
import { FieldDef, FormValues } from './form-model';

/**
 * A password field that follows the one policy of the API (libs/auth/password-policy): its rule
 * shown under the field before anything is sent, its problems checked in the browser.
 */
export function passwordField(
  language: () => string,
  username: (values: FormValues) => string,
  extra: Partial<FieldDef> = {},
): FieldDef {
  const lang = () => (language() === 'en' ? 'en' : 'zh-CN') as PolicyLanguage;
  return {
    key: 'password',
    label: 'setup.users.password',
    kind: 'password',
    required: true,
    hint: () => ({ text: passwordRuleText(lang()) }),
    check: (value, values) => {
      const problem = passwordProblems(String(value), { username: username(values) })[0];
      return problem ? { text: passwordProblemMessage(problem.code, lang()) } : null;
    },
    ...extra,
  };
}
