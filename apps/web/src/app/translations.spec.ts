import { CONFLICT_KINDS } from '@worksite/shared-domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const load = (lang: string): Tree =>
  JSON.parse(readFileSync(join(__dirname, '../../public/i18n', `${lang}.json`), 'utf8')) as Tree;

describe('translations', () => {
  const zh = load('zh-CN');
  const en = load('en');

  it('have the same keys in Chinese and English, none empty', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
    const empty = (tree: Tree) =>
      keysOf(tree).filter((key) => key.split('.').reduce<unknown>((t, k) => (t as Tree)[k], tree) === '');
    expect(empty(zh)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });

  it('name every kind of conflict the server reports', () => {
    for (const tree of [zh, en]) {
      const names = (tree['conflicts'] as Tree)['kind'] as Tree;
      expect(CONFLICT_KINDS.filter((kind) => typeof names[kind] !== 'string')).toEqual([]);
    }
  });
});
