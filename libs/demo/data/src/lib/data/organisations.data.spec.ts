import { DepartmentKind } from '@worksite/shared-domain';
import { channelsOf } from '../seed-organisations';
import { DEPARTMENTS } from './organisations.data';

const crews = DEPARTMENTS.flatMap((d) =>
  d.contractors.flatMap((c) => c.crews.map((crew) => ({ ...crew, contractor: c.name }))),
);

describe('demo organisations', () => {
  it('has the departments of the story, each with a kind, a colour and a contact', () => {
    expect(DEPARTMENTS.map((d) => d.name)).toEqual(
      expect.arrayContaining([
        '国网沈阳供电公司',
        '中国移动沈阳分公司',
        '中国电信沈阳分公司',
        '中国联通沈阳分公司',
        '沈阳水务集团',
        '沈阳燃气集团',
        '沈阳惠天热电',
        '和平区城建局',
        '和平区市容环境卫生管理局',
        '南市场派出所',
        '和平新村社区居委会',
      ]),
    );
    expect(DEPARTMENTS.filter((d) => d.kind === DepartmentKind.Telecom)).toHaveLength(3);
    for (const d of DEPARTMENTS) {
      expect(d.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(d.contact).toBeTruthy();
      expect(d.contractors.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('gives every contractor 2–4 crews with unique names and mobile numbers', () => {
    for (const contractor of DEPARTMENTS.flatMap((d) => d.contractors)) {
      expect(contractor.crews.length).toBeGreaterThanOrEqual(2);
      expect(contractor.crews.length).toBeLessThanOrEqual(4);
      expect(new Set(contractor.crews.map((c) => c.name)).size).toBe(contractor.crews.length);
    }
    for (const crew of crews) expect(crew.phone).toMatch(/^1[3-9]\d{9}$/);
    expect(new Set(crews.map((c) => c.handle)).size).toBe(crews.length);
  });

  it('has one or two English-speaking crews', () => {
    const english = crews.filter((c) => c.language === 'en').length;
    expect(english).toBeGreaterThanOrEqual(1);
    expect(english).toBeLessThanOrEqual(2);
  });
});

describe('channelsOf', () => {
  const all = crews.map((crew) => channelsOf(`${crew.contractor}/${crew.name}`, crew));

  it('gives every crew an enabled example.com email', () => {
    for (const channels of all) {
      expect(channels[0]).toMatchObject({ kind: 'email', enabled: true });
      expect(channels[0].address).toMatch(/^[a-z0-9-]+@example\.com$/);
    }
  });

  it('keeps SMS and robots disabled, robots in each provider’s webhook format', () => {
    const others = all.flatMap((channels) => channels.slice(1));
    expect(others.every((c) => !c.enabled)).toBe(true);
    const byKind = (kind: string) => others.filter((c) => c.kind === kind);
    expect(byKind('sms').length).toBeGreaterThan(crews.length / 2);
    for (const c of byKind('wecom'))
      expect(c.address).toMatch(/^https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[0-9a-f-]{36}$/);
    for (const c of byKind('dingtalk')) {
      expect(c.address).toMatch(/^https:\/\/oapi\.dingtalk\.com\/robot\/send\?access_token=[0-9a-f]{64}$/);
      expect(c.secret).toMatch(/^SEC[0-9a-f]{64}$/);
    }
    for (const c of byKind('feishu'))
      expect(c.address).toMatch(/^https:\/\/open\.feishu\.cn\/open-apis\/bot\/v2\/hook\/[0-9a-f-]{36}$/);
    expect(byKind('wecom').length * byKind('dingtalk').length * byKind('feishu').length).toBeGreaterThan(0);
  });
});
