import { ApiError, errorBody } from '@worksite/api-core';
import { Locale } from '@worksite/shared-i18n';
import { assertPasswordAccepted } from './password-rules';

const refusal = (password: unknown, username?: string, locale: Locale = 'en') => {
  try {
    assertPasswordAccepted(password, username, 'newPassword');
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return { status: (error as ApiError).getStatus(), ...errorBody(error, locale) };
  }
};

describe('assertPasswordAccepted', () => {
  it('accepts what the policy accepts', () => {
    expect(refusal('集贤里43号楼-第二单元', 'li.ming')).toBeUndefined();
  });

  it('answers 400 weak_password naming the field and every reason, in English', () => {
    expect(refusal('admin', 'admin')).toEqual({
      status: 400,
      statusCode: 400,
      code: 'weak_password',
      message: expect.stringContaining('newPassword is not accepted'),
      problems: [
        {
          field: 'newPassword',
          messages: [
            'The password must be at least 10 characters long',
            'The password must not contain the username',
            expect.stringContaining('common password'),
          ],
        },
      ],
      reasons: ['too_short', 'contains_username', 'common'],
    });
  });

  it('answers in Chinese when the request asks for no other language', () => {
    expect(refusal('admin', 'admin', 'zh-CN')).toMatchObject({
      message: expect.stringMatching(/^newPassword 不符合密码规则：密码至少需要 10 个字符、密码不能包含用户名、/),
      problems: [{ field: 'newPassword', messages: expect.arrayContaining(['密码不能包含用户名']) }],
    });
  });

  it('treats a missing or non-text password as empty instead of failing', () => {
    for (const value of [undefined, null, 12345678901, { length: 20 }]) {
      expect(refusal(value)).toMatchObject({ status: 400, reasons: ['too_short'] });
    }
  });
});
