import { HttpStatus } from '@nestjs/common';
import { ApiError } from '@worksite/api-core';
import { passwordProblemMessage, passwordProblems } from '@worksite/auth-password-policy';

/**
 * Refuses a password the policy does not accept (400 `weak_password`, one message per problem
 * under `field`). The same policy serves self-service changes and passwords set by an admin.
 */
export function assertPasswordAccepted(password: unknown, username: string | null | undefined, field: string): void {
  const problems = passwordProblems(typeof password === 'string' ? password : '', { username });
  if (problems.length === 0) return;
  const messages = problems.map((problem) => passwordProblemMessage(problem.code, 'en'));
  throw new ApiError(HttpStatus.BAD_REQUEST, 'weak_password', `${field} is not accepted: ${messages.join('; ')}.`, {
    problems: [{ field, messages }],
    reasons: problems.map((problem) => problem.code),
  });
}
