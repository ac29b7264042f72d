import { historyKey, renumberedText, typingIn } from './undo-buttons.component';

describe('undo keyboard shortcuts', () => {
  const key = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) =>
    historyKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

  it('reads Ctrl+Z as undo, Ctrl+Shift+Z and Ctrl+Y as redo (⌘ too), and nothing else', () => {
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('y', { ctrlKey: true })).toBe('redo');
    expect(key('z', { metaKey: true })).toBe('undo');
    expect(key('z')).toBeNull();
    expect(key('z', { ctrlKey: true, altKey: true })).toBeNull();
    expect(key('s', { ctrlKey: true })).toBeNull();
  });

  it('leaves key presses in fields being typed in to the field', () => {
    expect(typingIn(document.createElement('input'))).toBe(true);
    expect(typingIn(document.createElement('textarea'))).toBe(true);
    expect(typingIn(document.createElement('select'))).toBe(true);
    expect(typingIn(document.createElement('div'))).toBe(false);
    expect(typingIn(document.body)).toBe(false);
    expect(typingIn(null)).toBe(false);
  });
});

describe('undo of a delete whose code was taken', () => {
  it('says, per task, under which code it came back', () => {
    const instant = (key: string, params: Record<string, unknown>) => `${key}:${JSON.stringify(params)}`;
    expect(renumberedText({ renumbered: [] }, instant)).toBeNull();
    expect(
      renumberedText({ renumbered: [{ taskId: 't', title: '表箱改接', previousCode: 7, code: 9 }] }, instant),
    ).toBe('undo.renumbered:{"title":"表箱改接","from":7,"to":9}');
  });
});
