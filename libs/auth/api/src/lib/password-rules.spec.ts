import { ApiError } from '@worksite/api-core';
import { assertPasswordAccepted } from './password-rules';

const refusal = (password: unknown, username?: string) => {
  try {
    assertPasswordAccepted(password, username, 'newPassword');
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return { status: (error as ApiError).getStatus(), ...((error as ApiError).getResponse() as object) };
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

  it('treats a missing or non-text password as empty instead of failing', () => {
    for (const value of [undefined, null, 12345678901, { length: 20 }]) {
      expect(refusal(value)).toMatchObject({ status: 400, reasons: ['too_short'] });
    }
  });
});
