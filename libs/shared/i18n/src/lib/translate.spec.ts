import { localeOfTag } from './locale';
import { placeholdersOf, translate } from './translate';

describe('translate', () => {
  it('renders a message in each language with its parameters', () => {
    const text = { key: 'too_many_attempts', params: { minutes: 15 } } as const;
    expect(translate('zh-CN', text)).toBe('此账号登录失败次数过多，请 15 分钟后再试。');
    expect(translate('en', text)).toBe('Too many failed logins for this account; try again in 15 minutes.');
  });

  it('renders nouns and lists given as parameters in the same language', () => {
    const text = {
      key: 'already_exists',
      params: { entity: { key: 'noun.crew' }, columns: ['contractorId', 'name'] },
    } as const;
    expect(translate('zh-CN', text)).toBe('已存在contractorId、name相同的班组。');
    expect(translate('en', text)).toBe('A crew with the same contractorId, name already exists.');
  });

  it('takes a bare key and leaves a missing parameter visible', () => {
    expect(translate('en', 'unauthorized')).toBe('Please log in.');
    expect(translate('en', { key: 'maxLength', params: { field: 'name' } })).toBe(
      'name must be at most {max} characters long',
    );
  });

  it('lists the placeholders of a template', () => {
    expect(placeholdersOf('{field} must be {min} to {max}')).toEqual(['field', 'max', 'min']);
  });
});

describe('localeOfTag', () => {
  it.each([
    ['zh', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr', undefined],
    ['', undefined],
    [false, undefined],
  ] as const)('%s → %s', (tag, locale) => {
    expect(localeOfTag(tag)).toBe(locale);
  });
});
