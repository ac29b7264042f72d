import { ArgumentMetadata } from '@nestjs/common';
import { IsEnum, IsOptional, IsString, Length, Matches, Max } from 'class-validator';
import { ApiError } from './api-error';
import { errorBody } from './error-body';
import { globalValidationPipe } from './validation';

enum Kind {
  Power = 'power',
  Water = 'water',
}

class SampleDto {
  @IsString()
  @Length(1, 100)
  name!: string;

  @IsEnum(Kind)
  kind!: Kind;

  @IsOptional()
  @Max(12)
  months?: number;

  @IsOptional()
  @Matches(/^[A-Z]+$/, { context: { message: 'projectCodeFormat' } })
  code?: string;
}

const body: ArgumentMetadata = { type: 'body', metatype: SampleDto };

async function refusal(value: unknown, metadata = body, pipe = globalValidationPipe()): Promise<ApiError> {
  try {
    await pipe.transform(value, metadata);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the value was accepted');
}

describe('the validation of every route', () => {
  it("names each field's problems with the constraint's own values, in both languages", async () => {
    const error = await refusal({ name: 'x'.repeat(101), kind: 'gas', months: 13, code: 'a-1' });
    expect(errorBody(error, 'en')).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'Invalid request: check name, kind, months, code.',
      problems: [
        { field: 'name', messages: ['name must be 1 to 100 characters long'] },
        { field: 'kind', messages: ['kind must be one of: power, water'] },
        { field: 'months', messages: ['months must not be greater than 12'] },
        { field: 'code', messages: ['code must be 1–40 letters, digits, - or _'] },
      ],
    });
    expect(errorBody(error, 'zh-CN')).toMatchObject({
      message: '请求有误，请检查：name、kind、months、code。',
      problems: [
        { field: 'name', messages: ['name 的长度必须在 1 到 100 个字符之间'] },
        { field: 'kind', messages: ['kind 必须是以下之一：power, water'] },
        { field: 'months', messages: ['months 不能大于 12'] },
        { field: 'code', messages: ['code 必须是 1–40 个字母、数字、- 或 _'] },
      ],
    });
  });

  it('refuses unknown fields and converts nothing implicitly', async () => {
    const error = await refusal({ name: 'a', kind: 'power', months: '3', extra: true });
    expect(errorBody(error, 'en').problems).toEqual([
      { field: 'extra', messages: ['extra is not a known field'] },
      { field: 'months', messages: ['months must not be greater than 12'] },
    ]);
  });

  it('lists the first 20 problems and counts the rest', async () => {
    const unknown = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`field${i}`, i]));
    const error = await refusal({ name: 'a', kind: 'power', ...unknown });
    const answer = errorBody(error, 'en');
    expect(answer.problems).toHaveLength(20);
    expect(answer.moreProblems).toBe(130);
    expect(answer.message).toMatch(
      /^Invalid request: check field0, field1, .*field19 \(130 more problems not listed\)\.$/,
    );
    expect(JSON.stringify(answer).length).toBeLessThan(3000);
  });

  it('leaves a parameter of no class alone (so generic routes must name their classes)', async () => {
    const generic: ArgumentMetadata = { type: 'body', metatype: Object };
    await expect(globalValidationPipe().transform({ anything: 1 }, generic)).resolves.toEqual({ anything: 1 });
  });
});
