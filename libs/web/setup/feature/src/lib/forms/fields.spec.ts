import { ChannelKind } from '@worksite/shared-domain';
import { channelAddressError, notBefore } from './fields';
import { fieldErrors } from './form-model';
import { passwordField } from './password-field';
import { breaksOf, defaultWeek, weekGroups, weeklyWindowsError } from './weekly-windows';

describe('setup field rules', () => {
  it("checks a channel's address against its kind, as the API does", () => {
    expect(channelAddressError(ChannelKind.Email, 'dianlan1@example.com')).toBeNull();
    expect(channelAddressError(ChannelKind.Email, 'dianlan1')).toEqual({ key: 'setup.errors.email' });
    expect(channelAddressError(ChannelKind.Sms, '13800000000')).toBeNull();
    expect(channelAddressError(ChannelKind.Sms, 'abc')).toEqual({ key: 'setup.errors.mobile' });
    expect(channelAddressError(ChannelKind.WeCom, 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x')).toBeNull();
    expect(channelAddressError(ChannelKind.Feishu, 'open.feishu.cn/hook')).toEqual({ key: 'setup.errors.webhook' });
  });

  it('wants a blackout window to end after it starts', () => {
    const after = notBefore('startsAt', true);
    expect(after('2027-06-20T08:00', { startsAt: '2027-06-20T08:00' })).toEqual({ key: 'setup.errors.after' });
    expect(after('2027-06-21T10:00', { startsAt: '2027-06-19T23:00' })).toBeNull();
  });

  it('shows the password rule before sending and checks the policy in both languages', () => {
    const zh = passwordField(
      () => 'zh-CN',
      (values) => String(values['username']),
    );
    const en = passwordField(
      () => 'en',
      (values) => String(values['username']),
    );
    expect(typeof zh.hint === 'function' && zh.hint({})).toEqual({ text: expect.stringContaining('常见密码') });
    expect(typeof en.hint === 'function' && en.hint({})).toEqual({ text: expect.stringContaining('10–200') });
    expect(fieldErrors(zh, { username: 'zhenhongbo', password: 'Password2026!' })).toEqual([
      { text: expect.stringContaining('常见密码') },
    ]);
    expect(fieldErrors(en, { username: 'zhenhongbo', password: 'zhenhongbo-2026-x' })).toEqual([
      { text: 'The password must not contain the username' },
    ]);
    expect(fieldErrors(en, { username: 'zhenhongbo', password: 'ganqu-shigong-2026' })).toEqual([]);
  });

  it('checks weekly windows with the engine the API uses, and names the noon break', () => {
    expect(weeklyWindowsError(defaultWeek())).toBeNull();
    expect(weeklyWindowsError(undefined)).toBeNull();
    expect(weeklyWindowsError({})).toEqual({ key: 'setup.calendars.noWorkingTime' });
    expect(weeklyWindowsError({ '1': [{ start: '12:00', end: '08:00' }] })).toEqual({
      key: 'setup.calendars.windowInvalid',
    });
    expect(weeklyWindowsError({ '1': [{ start: '8:00', end: '12:00' }] })).toEqual({ key: 'setup.errors.time' });
    expect(breaksOf(defaultWeek()['1'] ?? [])).toEqual([{ start: '12:00', end: '14:00' }]);
  });

  it('sums up a week by runs of days with the same windows', () => {
    const week = { ...defaultWeek(), '3': [{ start: '08:00', end: '12:00' }], '6': [{ start: '08:00', end: '12:00' }] };
    expect(weekGroups(week)).toEqual([
      { from: '1', to: '2', windows: '08:00–12:00, 14:00–18:00' },
      { from: '3', to: '3', windows: '08:00–12:00' },
      { from: '4', to: '5', windows: '08:00–12:00, 14:00–18:00' },
      { from: '6', to: '6', windows: '08:00–12:00' },
    ]);
  });
});
