import { HttpStatus, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { Resource } from '@worksite/auth-access';
import { ThrottlerException } from '@nestjs/throttler';
import { translate } from '@worksite/shared-i18n';
import type { Request } from 'express';
import { ApiError, noun } from './api-error';
import { errorBody } from './error-body';

const request = { method: 'POST', path: '/api/nowhere' } as Request;

describe('errorBody', () => {
  it('renders an ApiError in each language, problems and extra fields included', () => {
    const error = ApiError.badRequest(
      { key: 'task_finish_before_start' },
      [{ field: 'plannedFinish', messages: [{ key: 'notBefore', params: { other: 'plannedStart' } }] }],
      { taskId: 't1' },
    );
    expect(errorBody(error, 'en')).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'A task cannot finish before it starts.',
      taskId: 't1',
      problems: [{ field: 'plannedFinish', messages: ['must not be before plannedStart'] }],
    });
    expect(errorBody(error, 'zh-CN')).toMatchObject({
      message: '任务的结束时间不能早于开始时间。',
      problems: [{ field: 'plannedFinish', messages: ['不能早于 plannedStart'] }],
    });
  });

  it('answers anything unexpected with a 500 that reveals nothing, in the language asked for', () => {
    const secret = new Error('connect ECONNREFUSED 10.0.0.7:5432 at pool.js:42');
    expect(errorBody(secret, 'en')).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: 'Something went wrong on our side; the request was not completed.',
    });
    expect(errorBody(secret, 'zh-CN')).toEqual({
      statusCode: 500,
      code: 'internal_error',
      message: '服务器出错，请求未完成。',
    });
  });

  it('gives the errors of Nest and its libraries the code and text of their status', () => {
    expect(errorBody(new ThrottlerException(), 'en')).toEqual({
      statusCode: HttpStatus.TOO_MANY_REQUESTS,
      code: 'too_many_requests',
      message: 'Too many requests; please wait a moment and try again.',
    });
    expect(errorBody(new ThrottlerException(), 'zh-CN').message).toBe('请求过于频繁，请稍后再试。');
    expect(errorBody(new PayloadTooLargeException(), 'zh-CN')).toMatchObject({
      statusCode: 413,
      code: 'payload_too_large',
    });
  });

  it("names the method and path of a route that does not exist (the router's 404)", () => {
    const missing = new NotFoundException('Cannot POST /api/nowhere');
    expect(errorBody(missing, 'en', request)).toEqual({
      statusCode: 404,
      code: 'not_found',
      message: 'There is no POST /api/nowhere.',
    });
    expect(errorBody(missing, 'zh-CN', request).message).toBe('没有这个接口：POST /api/nowhere。');
  });

  it('falls back to the text of the status when a code has no message of its own', () => {
    expect(errorBody(new ApiError(HttpStatus.CONFLICT, 'some_new_code'), 'en')).toEqual({
      statusCode: 409,
      code: 'some_new_code',
      message: 'The request conflicts with the current data; reload and try again.',
    });
  });

  it('has a name in both languages for every resource (404s and version conflicts name them)', () => {
    for (const resource of Object.values(Resource)) {
      expect({ resource, zh: translate('zh-CN', noun(resource)) }).toEqual({
        resource,
        zh: expect.stringMatching(/[\u4e00-\u9fff]/),
      });
      expect(translate('en', noun(resource))).not.toMatch(/^noun\./);
    }
    expect(errorBody(ApiError.notFound(Resource.CrewChannel, 'x1'), 'en').message).toBe(
      'The crew channel x1 does not exist.',
    );
  });
});
