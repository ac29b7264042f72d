import { InterruptionKind } from '@worksite/shared-domain';
import { localDateOf, localTimeOf, weekdayOf } from '@worksite/shared-util-time';

/** One building (or compound, or street) whose residents are affected, with the units concerned. */
export interface AnnouncementPlace {
  compound: string | null;
  building: string;
  /** Units concerned; empty: the whole building. */
  units: string[];
  households: number | null;
}

/** What a resident announcement says, gathered from the plan or the incident. */
export interface AnnouncementFacts {
  kinds: readonly (InterruptionKind | string)[];
  emergency: boolean;
  /** ISO instants; `endsAt` null: until repaired. */
  startsAt: string;
  endsAt: string | null;
  timeZone: string;
  places: readonly AnnouncementPlace[];
  reason: string;
  /** Departments and contractors at work. */
  workers: readonly string[];
  /** Whom to call: "甄红波 13800000000". */
  contacts: readonly string[];
  /** Who signs the notice (the community, the project). */
  issuer: string;
  /** Local date the text is dated. */
  issuedOn: string;
}

/** The name of a cut in a resident notice: 停电, 停水 … */
export const CUT_NAMES: Readonly<Record<InterruptionKind, string>> = {
  [InterruptionKind.Power]: '停电',
  [InterruptionKind.Water]: '停水',
  [InterruptionKind.Gas]: '停气',
  [InterruptionKind.Heating]: '停暖',
  [InterruptionKind.Network]: '断网',
  [InterruptionKind.RoadClosure]: '封路',
};

/** What comes back: 已恢复供电 … */
export const RESTORED_NAMES: Readonly<Record<InterruptionKind, string>> = {
  [InterruptionKind.Power]: '已恢复供电',
  [InterruptionKind.Water]: '已恢复供水',
  [InterruptionKind.Gas]: '已恢复供气',
  [InterruptionKind.Heating]: '已恢复供暖',
  [InterruptionKind.Network]: '网络已恢复',
  [InterruptionKind.RoadClosure]: '道路已恢复通行',
};

/** What residents should do beforehand, in plain words (a third of them are elderly). */
const ADVICE: Readonly<Record<InterruptionKind, string>> = {
  [InterruptionKind.Power]: '停电期间电梯停运，请勿乘坐电梯；请提前关闭家用电器，冰箱内食品请妥善保存。',
  [InterruptionKind.Water]: '请提前储存生活用水，关好水龙头，防止来水时跑水。',
  [InterruptionKind.Gas]: '请关闭家中燃气阀门；恢复供气后请先开窗通风，再点火使用。',
  [InterruptionKind.Heating]: '请注意防寒保暖，家中有老人和孩子的尤其注意。',
  [InterruptionKind.Network]: '宽带、固定电话和有线电视可能中断，手机信号不受影响。',
  [InterruptionKind.RoadClosure]: '请绕行，车辆请提前挪出，出行注意安全。',
};

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

const cutName = (kind: string) => CUT_NAMES[kind as InterruptionKind] ?? kind;

/** "2026年11月10日（星期二）" in the zone. */
export function chineseDate(instant: string | number, zone: string): string {
  const date = localDateOf(new Date(instant), zone);
  return localDateText(date);
}

function localDateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日（星期${WEEKDAYS[weekdayOf(date) - 1]}）`;
}

/** "2026年11月10日（星期二）08:00 至 12:00", the end's date written again when it is another day. */
export function chinesePeriod(startsAt: string, endsAt: string | null, zone: string): string {
  const start = `${chineseDate(startsAt, zone)}${localTimeOf(new Date(startsAt), zone)}`;
  if (!endsAt) return `${start} 起，至抢修完毕`;
  const sameDay = localDateOf(new Date(startsAt), zone) === localDateOf(new Date(endsAt), zone);
  const end = `${sameDay ? '' : chineseDate(endsAt, zone)}${localTimeOf(new Date(endsAt), zone)}`;
  return `${start} 至 ${end}`;
}

/** "和平新村 1号楼（1单元、2单元）、2号楼": places grouped by compound. */
export function placesText(places: readonly AnnouncementPlace[]): string {
  const byCompound = new Map<string, string[]>();
  for (const place of places) {
    const key = place.compound ?? '';
    const building = place.units.length ? `${place.building}（${place.units.join('、')}）` : place.building;
    byCompound.set(key, [...(byCompound.get(key) ?? []), building]);
  }
  return [...byCompound.entries()]
    .map(([compound, buildings]) => `${compound ? `${compound} ` : ''}${buildings.join('、')}`)
    .join('；');
}

/** Households affected, when every place knows its count (otherwise the text says none rather than a wrong one). */
export function householdsOf(places: readonly AnnouncementPlace[]): number | null {
  if (!places.length || places.some((place) => place.households === null)) return null;
  return places.reduce((sum, place) => sum + (place.households ?? 0), 0);
}

/** The title line: "【紧急】停电通知" or "停电、断网通知". */
export function announcementTitle(facts: Pick<AnnouncementFacts, 'kinds' | 'emergency'>): string {
  const what = facts.kinds.map(cutName).join('、');
  return `${facts.emergency ? '【紧急】' : ''}${what}${facts.emergency ? '抢修' : ''}通知`;
}

/**
 * The announcement as plain Chinese for a building's residents' group and its notice board:
 * what is cut, where (and how many households), from when to when with dates, why, who is at
 * work, whom to call, what to do; emergency posts marked 【紧急】.
 */
export function announcementText(facts: AnnouncementFacts): string {
  const what = facts.kinds.map(cutName).join('、');
  const households = householdsOf(facts.places);
  const lines = [
    announcementTitle(facts),
    '',
    '尊敬的各位居民：',
    facts.emergency
      ? `因${facts.reason || '突发故障'}，以下范围${what}，抢修人员已在现场处理。`
      : `因${facts.reason || '施工需要'}，以下范围将${what}，请提前做好准备。`,
    `${what}范围：${placesText(facts.places) || '（待定）'}${households !== null ? `，共 ${households} 户` : ''}`,
    `${what}时间：${chinesePeriod(facts.startsAt, facts.endsAt, facts.timeZone)}`,
  ];
  if (facts.workers.length) lines.push(`${facts.emergency ? '抢修' : '施工'}单位：${facts.workers.join('、')}`);
  if (facts.contacts.length) lines.push(`联系电话：${facts.contacts.join('；')}`);
  const advice = facts.kinds.map((kind) => ADVICE[kind as InterruptionKind]).filter(Boolean);
  if (advice.length) lines.push(`温馨提示：${advice.join('')}`);
  lines.push(
    facts.emergency ? '恢复后我们会第一时间在群里通知大家。给您带来不便，敬请谅解！' : '给您带来不便，敬请谅解！',
    '',
    facts.issuer,
    localDateText(facts.issuedOn).replace(/（.*）$/, ''),
  );
  return lines.join('\n');
}

/** A follow-up post: "【恢复通知】和平新村 1号楼：已恢复供电。…" */
export function followUpText(facts: Pick<AnnouncementFacts, 'kinds' | 'places' | 'issuer'>, note?: string): string {
  const restored = facts.kinds.map((kind) => RESTORED_NAMES[kind as InterruptionKind] ?? kind).join('，');
  return [
    '【恢复通知】',
    `${placesText(facts.places)}：${note?.trim() || `${restored}。`}`,
    '感谢大家的理解与支持！',
    facts.issuer,
  ].join('\n');
}
