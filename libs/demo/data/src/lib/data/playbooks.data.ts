import { IncidentKind, InterruptionKind } from '@worksite/shared-domain';
import { DepartmentKey } from './organisations.data';

/** One step of a demo playbook, its department by key. */
export interface PlaybookStepSpec {
  key: string;
  title: string;
  department: DepartmentKey;
  minutes: number;
  after: string[];
  content: string;
  materials?: { name: string; quantity?: number; unit?: string }[];
  tools?: string[];
  safety: string;
  cut?: InterruptionKind;
}

export interface PlaybookSpec {
  kind: IncidentKind;
  name: string;
  /** Called in besides the steps' departments. */
  alsoCall: DepartmentKey[];
  paperwork: DepartmentKey;
  safety: string;
  steps: PlaybookStepSpec[];
}

const operator = (key: 'mobile' | 'telecom' | 'unicom', name: string, after: string): PlaybookStepSpec => ({
  key,
  title: `${name}线路抢修`,
  department: key,
  minutes: 90,
  after: [after],
  content: `更换烧损或受损的${name}光缆、网线及有线，恢复用户宽带与电视信号。`,
  materials: [
    { name: '光缆GYTA-12芯', quantity: 60, unit: '米' },
    { name: '皮线光缆', quantity: 200, unit: '米' },
  ],
  tools: ['光纤熔接机', 'OTDR', '人字梯'],
  safety: '电力确认送电安全后方可作业；通信线缆与动力电缆分开敷设、保持间距。',
});

// prettier-ignore
/** The four playbooks of the community (应急预案), editable by admins afterwards. */
export const PLAYBOOKS: PlaybookSpec[] = [
  {
    kind: IncidentKind.CableFire, name: '电缆着火应急预案', alsoCall: ['police', 'community'], paperwork: 'community',
    safety: '确认明火扑灭、电缆冷却无复燃后方可抢修；动力电先修复，通信线路后修复。',
    steps: [
      { key: 'power-safe', title: '切断电源、现场安全隔离', department: 'power', minutes: 30, after: [], content: '切断楼宇电源，挂牌隔离，确认电缆冷却无复燃，划定作业区。', tools: ['验电器', '接地线', '干粉灭火器', '应急照明灯'], safety: '断电挂牌（禁止合闸、有人工作）。', cut: InterruptionKind.Power },
      { key: 'power-restored', title: '更换烧损动力电缆并恢复供电', department: 'power', minutes: 120, after: ['power-safe'], content: '拆除烧损动力电缆并与通信线缆分离，更换电缆及单元表箱，绝缘测试后恢复供电。', materials: [{ name: '动力电缆YJV22-4×35', quantity: 40, unit: '米' }, { name: '单元表箱', quantity: 1, unit: '台' }], tools: ['绝缘手套', '兆欧表'], safety: '送电前绝缘测试合格。', cut: InterruptionKind.Power },
      operator('mobile', '中国移动', 'power-restored'),
      operator('telecom', '中国电信', 'power-restored'),
      operator('unicom', '中国联通', 'power-restored'),
      { key: 'surfaces', title: '恢复缓步台墙面及线槽', department: 'construction', minutes: 120, after: ['mobile', 'telecom', 'unicom'], content: '清理烧损物，修复缓步台外墙，恢复线槽与封堵。', tools: ['手推车', '抹灰工具'], safety: '高处作业系安全带。' },
    ],
  },
  {
    kind: IncidentKind.WaterMainBurst, name: '供水主管爆裂应急预案', alsoCall: ['police', 'community', 'power'], paperwork: 'community',
    safety: '关阀止水后方可开挖；注意地下电缆与燃气管线。',
    steps: [
      { key: 'shut-off', title: '关闭上下游阀门止水', department: 'water', minutes: 30, after: [], content: '关闭爆管上下游阀门，排水降低积水。', tools: ['阀门钥匙', '潜水泵'], safety: '设置警戒，防止行人落入积水坑。', cut: InterruptionKind.Water },
      { key: 'dig', title: '破路开挖暴露管段', department: 'construction', minutes: 120, after: ['shut-off'], content: '破除路面，开挖至管底以下30厘米。', tools: ['挖掘机', '破碎锤'], safety: '开挖前确认地下管线位置。', cut: InterruptionKind.RoadClosure },
      { key: 'repair', title: '更换爆裂管段并试压', department: 'water', minutes: 180, after: ['dig'], content: '切除爆裂管段，更换管材并试压、冲洗消毒。', materials: [{ name: '球墨铸铁管DN200', quantity: 6, unit: '米' }], tools: ['切管机', '试压泵'], safety: '试压合格后方可恢复供水。', cut: InterruptionKind.Water },
      { key: 'surfaces', title: '回填并恢复路面', department: 'construction', minutes: 180, after: ['repair'], content: '分层回填夯实，恢复路面。', tools: ['压路机'], safety: '回填后设置警示至路面养护完成。', cut: InterruptionKind.RoadClosure },
    ],
  },
  {
    kind: IncidentKind.GasLeak, name: '燃气泄漏应急预案', alsoCall: ['police', 'community', 'power'], paperwork: 'community',
    safety: '现场禁止明火、禁止操作电器开关；疏散后方可作业。',
    steps: [
      { key: 'evacuate', title: '疏散居民、设置警戒', department: 'police', minutes: 30, after: [], content: '疏散楼内及周边居民，设置警戒区。', tools: ['警戒带', '扩音器'], safety: '禁止使用手机及明火进入警戒区。' },
      { key: 'shut-off', title: '关闭燃气阀门、检测浓度', department: 'gas', minutes: 30, after: [], content: '关闭楼前燃气阀门，检测泄漏浓度并通风。', tools: ['可燃气体检测仪', '防爆工具'], safety: '使用防爆工具。', cut: InterruptionKind.Gas },
      { key: 'repair', title: '查找漏点并修复', department: 'gas', minutes: 120, after: ['shut-off', 'evacuate'], content: '查找漏点，更换损坏管件，气密性试验。', tools: ['检漏仪', '防爆扳手'], safety: '检测合格后方可恢复通气。', cut: InterruptionKind.Gas },
      { key: 'restore', title: '恢复通气并入户安检', department: 'gas', minutes: 90, after: ['repair'], content: '恢复通气，逐户点火安检。', tools: ['检漏仪'], safety: '逐户确认无泄漏。' },
    ],
  },
  {
    kind: IncidentKind.RoadCollapse, name: '路面塌陷应急预案', alsoCall: ['police', 'community', 'water', 'gas'], paperwork: 'community',
    safety: '塌陷区周边5米设置围挡，确认无管线破损后方可回填。',
    steps: [
      { key: 'cordon', title: '封闭道路、设置围挡', department: 'police', minutes: 30, after: [], content: '封闭塌陷路段，疏导交通。', tools: ['围挡', '警示灯'], safety: '夜间设置警示灯。', cut: InterruptionKind.RoadClosure },
      { key: 'survey', title: '探查塌陷原因及地下管线', department: 'construction', minutes: 90, after: ['cordon'], content: '探查塌陷范围，核查供水、燃气、电力管线是否受损。', tools: ['探地雷达'], safety: '探查期间禁止车辆通行。' },
      { key: 'fill', title: '回填塌陷区', department: 'construction', minutes: 240, after: ['survey'], content: '清理塌陷区，分层回填夯实。', tools: ['挖掘机', '压路机'], safety: '分层夯实，每层检测压实度。', cut: InterruptionKind.RoadClosure },
      { key: 'surfaces', title: '恢复路面', department: 'construction', minutes: 180, after: ['fill'], content: '恢复沥青路面及标线。', tools: ['摊铺机'], safety: '路面养护期间设置警示。', cut: InterruptionKind.RoadClosure },
    ],
  },
];
