import { WorkingCalendar } from '@worksite/scheduling-engine';
import { ConstraintType, DependencyType, InterruptionKind, SchedulingMode } from '@worksite/shared-domain';
import { addDays, dayRange, instantOf, localDateOf } from '@worksite/shared-util-time';
import { FIRE_BUILDING, FIRE_COMPOUND, FIRE_UNIT } from './data/community.data';
import { COORDINATOR, DepartmentKey } from './data/organisations.data';
import { MaterialLine } from './data/work-steps.data';
import { crewKey, locationKey, PlanLink, PlanTask } from './plan-types';
import { plannedStatusAt } from './task-status';

/** The project of the story's emergency: the cable-fire incident's rush tasks (seed-incidents.ts makes it the incident's). */
export const FIRE_PROJECT = {
  code: 'HPXC-QX1027',
  name: '八经街32号楼1单元电缆起火应急抢修',
  description:
    '10月27日14时，八经街32号楼1单元2楼居民做阳台防水时沥青起火，引燃缓步台外侧电缆；动力电缆与通信电缆相互缠绕，电线、网线、有线损毁严重。先由电力公司恢复动力电，再由中国移动、中国电信、中国联通抢修通信线路；派出所到场，社区网格员在楼宇居民群发布抢修信息，24小时内完成事故资料。',
};

/** The last 10月27日 before `today` (the story's date, in the past of the demo). */
export function fireDateBefore(today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = `${year}-10-27`;
  return thisYear < today ? thisYear : `${year - 1}-10-27`;
}

interface Step {
  step: string;
  department: DepartmentKey;
  crew: string;
  title: string;
  content: string;
  from: [day: 0 | 1, time: string];
  to: [day: 0 | 1, time: string];
  materials?: MaterialLine[];
  tools?: string[];
  safety: string;
  needsPower?: boolean;
}

const TELECOM_SAFETY = '电力确认送电安全后方可作业；通信线缆与动力电缆分开敷设、保持间距，不得再缠绕。';
const telecomRepair = (
  step: string,
  department: DepartmentKey,
  crew: string,
  operator: string,
  from: [0 | 1, string],
  to: [0 | 1, string],
): Step => ({
  step,
  department,
  crew,
  from,
  to,
  title: `【紧急抢修】32号楼${operator}线路抢修`,
  content: `更换烧损的${operator}光缆、网线及有线，恢复32号楼${operator}用户宽带与电视信号。`,
  materials: [
    { name: '光缆GYTA-12芯', quantity: 60, unit: '米' },
    { name: '皮线光缆', quantity: 200, unit: '米' },
    { name: '超五类网线', quantity: 100, unit: '米' },
  ],
  tools: ['光纤熔接机', 'OTDR', '人字梯', '绝缘手套'],
  safety: TELECOM_SAFETY,
  needsPower: true,
});

const STEPS: Step[] = [
  {
    step: '派出所',
    department: 'police',
    crew: crewKey('南市场派出所社区警务队', '八经警务室'),
    title: '【紧急】32号楼电缆起火现场警戒及疏散',
    from: [0, '14:15'],
    to: [0, '16:45'],
    content: '到场设警戒线，疏散1单元及围观居民，协助调查起火原因（2楼阳台防水沥青起火）。',
    tools: ['警戒带', '执法记录仪'],
    safety: '确认明火扑灭后再允许抢修人员进入。',
  },
  {
    step: '电力抢修',
    department: 'power',
    crew: crewKey('国网沈阳供电公司和平供电中心', '抢修班'),
    title: '【紧急抢修】32号楼动力电缆抢修及恢复供电',
    from: [0, '14:20'],
    to: [0, '16:30'],
    content: '切断32号楼电源，拆除烧损动力电缆并与通信线缆分离，更换电缆及1单元表箱，绝缘测试后恢复全楼供电。',
    materials: [
      { name: '动力电缆YJV22-4×35', quantity: 40, unit: '米' },
      { name: '电缆中间接头', quantity: 2, unit: '套' },
      { name: '单元表箱', quantity: 1, unit: '台' },
    ],
    tools: ['绝缘手套', '验电器', '接地线', '兆欧表', '应急照明灯', '干粉灭火器'],
    safety: '断电挂牌（禁止合闸、有人工作）；确认电缆冷却、无复燃后作业；动力电先修复，通信线路后修复。',
  },
  {
    step: '居民群',
    department: 'community',
    crew: crewKey('和平新村社区网格服务站', '网格员一组'),
    title: '【紧急抢修】在32号楼居民群发布抢修信息',
    from: [0, '14:30'],
    to: [0, '16:45'],
    content: `在32号楼居民群发布"紧急抢修"通知：电缆起火已扑灭，电力公司正在抢修，恢复供电后通信线路由移动、电信、联通依次抢修；请勿靠近1单元缓步台；独居老人由网格员上门探望。恢复供电后再次通报。协调员${COORDINATOR.name} ${COORDINATOR.phone}。`,
    safety: '通知须标明"紧急抢修"，不得发布未经核实的原因与时间。',
  },
  telecomRepair(
    '中国移动',
    'mobile',
    crewKey('中移建设有限公司辽宁分公司', '装维组'),
    '中国移动',
    [0, '16:40'],
    [0, '18:00'],
  ),
  telecomRepair(
    '中国电信',
    'telecom',
    crewKey('中通服建设有限公司沈阳分公司', '光缆一班'),
    '中国电信',
    [0, '16:40'],
    [1, '09:30'],
  ),
  telecomRepair(
    '中国联通',
    'unicom',
    crewKey('沈阳联通通信工程有限公司', '接入组'),
    '中国联通',
    [1, '08:00'],
    [1, '11:00'],
  ),
  {
    step: '资料',
    department: 'community',
    crew: crewKey('和平新村社区网格服务站', '综合办'),
    title: '32号楼电缆起火事故资料（24小时内）',
    from: [1, '09:00'],
    to: [1, '11:30'],
    content: '填写事故情况报告、居民损失登记表，汇总电力、通信抢修记录及派出所出警记录，报南市场街道及相关部门。',
    safety: '居民个人信息仅限报送用途。',
  },
];

const LINKS: [string, string, DependencyType, number][] = [
  ['电力抢修', '居民群', DependencyType.SS, 10],
  ['电力抢修', '中国移动', DependencyType.FS, 10],
  ['电力抢修', '中国电信', DependencyType.FS, 10],
  ['电力抢修', '中国联通', DependencyType.FS, 0],
  ['电力抢修', '资料', DependencyType.FS, 0],
  ['派出所', '资料', DependencyType.FS, 0],
];

/**
 * Emergency work for the cable fire on `date` at 14:00 local time: pinned (manual) at the
 * times it happened, power first, then the three operators; police on site; the residents'
 * group told at once; paperwork due within 24 hours.
 */
export function cableFirePlan(
  date: string,
  zone: string,
  calendar: WorkingCalendar,
  now: number,
): { tasks: PlanTask[]; links: PlanLink[] } {
  const at = ([day, time]: [number, string]) => instantOf(addDays(date, day), time, zone).getTime();
  const key = (step: string) => `${FIRE_PROJECT.code}/${step}`;
  const unit = locationKey.unit(FIRE_COMPOUND, FIRE_BUILDING, FIRE_UNIT);
  const readyBefore = dayRange(addDays(localDateOf(now, zone), 1), zone).end.getTime();
  const tasks = STEPS.map((s): PlanTask => {
    const start = at(s.from);
    const finish = at(s.to);
    const duration = calendar.workingMinutesBetween(start, finish);
    return {
      key: key(s.step),
      department: s.department,
      crew: s.crew,
      location: unit,
      text: {
        title: s.title,
        content: s.content,
        materials: s.materials ?? [],
        tools: s.tools ?? [],
        safetyNotes: s.safety,
      },
      duration,
      start,
      finish,
      mode: SchedulingMode.Manual,
      constraint:
        s.step === '资料' ? { type: ConstraintType.FinishNoLaterThan, at: at([0, '14:00']) + 86_400_000 } : null,
      needsUtilities: s.needsPower ? [InterruptionKind.Power] : [],
      interruption:
        s.step === '电力抢修'
          ? {
              kind: InterruptionKind.Power,
              start: at([0, '14:05']),
              end: finish,
              locations: [locationKey.building(FIRE_COMPOUND, FIRE_BUILDING)],
            }
          : null,
      ...plannedStatusAt({ start, finish, duration }, now, readyBefore, calendar),
    };
  });
  const links = LINKS.map(([p, s, type, lag]) => ({ predecessor: key(p), successor: key(s), type, lag }));
  return { tasks, links };
}
