import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { passwordProblemMessage, passwordProblems } from '@worksite/auth-password-policy';
import { LocalizedText } from '@worksite/shared-i18n';

/**
 * Refuses a password the policy does not accept (400 `weak_password`, one message per problem
 * under `field`). The same policy serves self-service changes and passwords set by an admin;
 * its reasons are the policy library's own sentences, in the language of the request.
 */
export function assertPasswordAccepted(password: unknown, username: string | null | undefined, field: string): void {
  const problems = passwordProblems(typeof password === 'string' ? password : '', { username });
  if (problems.length === 0) return;
  const reasons: LocalizedText[] = problems.map((problem) => ({
    localized: {
      'zh-CN': passwordProblemMessage(problem.code, 'zh-CN'),
      en: passwordProblemMessage(problem.code, 'en'),
    },
  }));
  throw new ApiError(
    HttpStatus.BAD_REQUEST,
    'weak_password',
    { key: 'weak_password', params: { field, reasons } },
    { problems: [{ field, messages: reasons }], reasons: problems.map((problem) => problem.code) },
  );
}
