import { AnnouncementFacts, announcementText, chinesePeriod, followUpText, householdsOf } from './announcement-text';

const facts: AnnouncementFacts = {
  kinds: ['power'],
  emergency: false,
  startsAt: '2026-11-10T00:00:00Z',
  endsAt: '2026-11-10T04:00:00Z',
  timeZone: 'Asia/Shanghai',
  places: [
    { compound: '和平新村', building: '1号楼', units: ['1单元', '2单元'], households: 24 },
    { compound: '和平新村', building: '2号楼', units: [], households: 36 },
  ],
  reason: '飞线入地改造，动力电缆切改',
  workers: ['国网沈阳供电公司', '电缆一班'],
  contacts: ['甄红波 13800000001'],
  issuer: '和平新村社区',
  issuedOn: '2026-11-02',
};

describe('announcement text', () => {
  it('says what, where, how many households, when with dates, why, who and whom to call', () => {
    const text = announcementText(facts);
    expect(text.split('\n')[0]).toBe('停电通知');
    expect(text).toContain('停电范围：和平新村 1号楼（1单元、2单元）、2号楼，共 60 户');
    expect(text).toContain('停电时间：2026年11月10日（星期二）08:00 至 12:00');
    expect(text).toContain('因飞线入地改造，动力电缆切改');
    expect(text).toContain('施工单位：国网沈阳供电公司、电缆一班');
    expect(text).toContain('联系电话：甄红波 13800000001');
    expect(text).toContain('电梯停运');
    expect(text.trimEnd().endsWith('和平新村社区\n2026年11月2日')).toBe(true);
  });

  it('marks emergencies, writes both dates across midnight and leaves out an unknown household count', () => {
    const text = announcementText({
      ...facts,
      kinds: ['power', 'network'],
      emergency: true,
      startsAt: '2026-11-10T14:00:00Z',
      endsAt: '2026-11-11T02:00:00Z',
      places: [{ compound: null, building: '八经街32号楼', units: ['1单元'], households: null }],
      reason: '电缆起火',
    });
    expect(text.split('\n')[0]).toBe('【紧急】停电、断网抢修通知');
    expect(text).toContain('2026年11月10日（星期二）22:00 至 2026年11月11日（星期三）10:00');
    expect(text).toContain('停电、断网范围：八经街32号楼（1单元）\n');
    expect(householdsOf([{ compound: null, building: 'x', units: [], households: null }])).toBeNull();
  });

  it('says "until repaired" without an end, and words the follow-up', () => {
    expect(chinesePeriod('2026-11-10T06:00:00Z', null, 'Asia/Shanghai')).toBe(
      '2026年11月10日（星期二）14:00 起，至抢修完毕',
    );
    expect(followUpText(facts)).toBe(
      '【恢复通知】\n和平新村 1号楼（1单元、2单元）、2号楼：已恢复供电。\n感谢大家的理解与支持！\n和平新村社区',
    );
  });
});
