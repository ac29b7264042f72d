import { MaterialLine } from './work-steps.data';
import { DepartmentKey } from './organisations.data';

/** A standard work step (标准工序) of the 飞线入地 and 老旧小区改造 works, for one building or segment. */
export interface StandardStepSpec {
  name: string;
  department: DepartmentKey;
  /** Usual working minutes (a working day is 8 hours: 480). */
  minutes: number;
  content: string;
  materials: MaterialLine[];
  tools: string[];
  safetyNotes: string;
}

const DAY = 480;

const fibre = (operator: string, department: DepartmentKey): StandardStepSpec => ({
  name: `通信光缆入地（${operator}）`,
  department,
  minutes: 2 * DAY,
  content: `${operator}光缆穿管敷设、熔接，楼道分纤箱安装，用户割接至新线路（割接期间断网约2小时），拆除本单位旧架空光缆。`,
  materials: [
    { name: '光缆GYTA-24芯', quantity: 200, unit: '米' },
    { name: '子管Φ32', quantity: 180, unit: '米' },
    { name: '光缆接头盒', quantity: 2, unit: '个' },
    { name: '楼道分纤箱', quantity: 3, unit: '个' },
  ],
  tools: ['光纤熔接机', 'OTDR', '穿管器', '人字梯', '绝缘手套', '安全带'],
  safetyNotes:
    '熔接机需现场供电；登高作业系安全带；与电力电缆保持间距，严禁触碰未确认停电的线缆；割接前2小时在楼宇居民群发布断网通知。',
});

/** The standard steps seeded with the demo; admins keep the list, coordinators create tasks from it. */
export const STANDARD_STEPS: readonly StandardStepSpec[] = [
  {
    name: '动力电缆入地及表箱改接',
    department: 'power',
    minutes: 2 * DAY,
    content: '停电施工：拆除与通信线缠绕的架空动力线，敷设入地动力电缆至楼前电缆分支箱，单元表箱改接，送电前绝缘测试。',
    materials: [
      { name: '动力电缆YJV22-4×35', quantity: 135, unit: '米' },
      { name: '电缆保护管MPP Φ110', quantity: 60, unit: '米' },
      { name: '电缆分支箱', quantity: 1, unit: '台' },
      { name: '电缆中间接头', quantity: 2, unit: '套' },
    ],
    tools: ['绝缘手套', '验电器', '接地线', '液压压接钳', '兆欧表', '"禁止合闸 有人工作"标示牌'],
    safetyNotes:
      '停电、验电、挂接地线后方可作业，开关处断电挂牌；停电公告须提前7日张贴并发布到楼宇居民群；提前联系独居老人及使用家用医疗设备的住户。',
  },
  fibre('移动', 'mobile'),
  fibre('电信', 'telecom'),
  fibre('联通', 'unicom'),
  {
    name: '路面破除及管沟开挖',
    department: 'construction',
    minutes: 3 * DAY,
    content: '切割破除沥青路面及人行道，人工探挖确认既有管线后机械开挖综合管沟，敷设电力、通信穿线管，砌筑检查井。',
    materials: [
      { name: 'HDPE穿线管Φ110', quantity: 480, unit: '米' },
      { name: '检查井盖', quantity: 3, unit: '套' },
      { name: '施工围挡', quantity: 140, unit: '米' },
    ],
    tools: ['小型挖掘机', '破碎锤', '路面切割机', '警示灯', '反光锥'],
    safetyNotes:
      '施工区域连续围挡，夜间开启警示灯；先人工探挖确认地下管线再机械开挖；沟槽深度超过1.5米放坡或支护；学生上下学时段禁止占道。',
  },
  {
    name: '管沟回填及路面恢复',
    department: 'construction',
    minutes: 2 * DAY,
    content: '管沟分层回填夯实，恢复沥青路面、人行道透水砖及路缘石，清运渣土。',
    materials: [
      { name: '中砂', quantity: 36, unit: '立方米' },
      { name: '沥青混凝土', quantity: 5, unit: '吨' },
      { name: '人行道透水砖', quantity: 60, unit: '平方米' },
      { name: '路缘石', quantity: 35, unit: '米' },
    ],
    tools: ['平板夯', '小型压路机', '路面切割机', '渣土车'],
    safetyNotes: '回填前确认各单位穿线管已验收；渣土车出场冲洗、苫盖；压路机作业半径内设警戒。',
  },
  {
    name: '拆除架空飞线',
    department: 'appearance',
    minutes: DAY,
    content: '拆除废弃架空线（飞线）、线杆及楼体线卡，清运拆除物。',
    materials: [],
    tools: ['高空作业车', '断线钳', '安全带', '警戒带'],
    safetyNotes: '拆除前须经电力及三家运营商签字确认线路已停用；高空作业车作业半径内设警戒，下方禁止行人通行。',
  },
  {
    name: '供水管道更换',
    department: 'water',
    minutes: DAY,
    content: '更换老化DN100给水管及阀门，入户支管改接，试压、冲洗消毒后恢复供水（停水约4小时）。',
    materials: [
      { name: '给水管PE DN100', quantity: 30, unit: '米' },
      { name: '闸阀DN100', quantity: 2, unit: '个' },
      { name: '管件', quantity: 8, unit: '套' },
    ],
    tools: ['热熔焊机', '切管机', '试压泵'],
    safetyNotes: '停水前一日张贴停水通知并发布到楼宇居民群；恢复供水前冲洗消毒，水质检测合格后通水。',
  },
  {
    name: '燃气立管改造',
    department: 'gas',
    minutes: DAY,
    content: '更换楼体外墙燃气立管及管卡，入户阀门检查，完工后气密性试验并逐户恢复通气。',
    materials: [
      { name: '镀锌钢管DN25', quantity: 18, unit: '米' },
      { name: '燃气管卡', quantity: 24, unit: '个' },
      { name: '球阀DN20', quantity: 6, unit: '个' },
    ],
    tools: ['可燃气体检测仪', '管钳', '试压泵', '安全带', '灭火器'],
    safetyNotes: '作业前关闭总阀并放散；现场严禁明火，配备灭火器；恢复通气前逐户检查灶具阀门已关闭。',
  },
  {
    name: '楼体外立面整治',
    department: 'appearance',
    minutes: 3 * DAY,
    content: '清理楼体外墙线缆卡子及广告，修补破损墙面，统一粉刷外立面，规整空调外机支架。',
    materials: [
      { name: '外墙涂料', quantity: 40, unit: '桶' },
      { name: '抗裂砂浆', quantity: 20, unit: '袋' },
    ],
    tools: ['吊篮', '安全带', '滚筒刷', '警戒带'],
    safetyNotes: '吊篮作业持证上岗，每日班前检查钢丝绳与安全锁；下方设警戒区，楼门口搭设防护棚。',
  },
  {
    name: '地下燃气管线交底及标识',
    department: 'gas',
    minutes: 240,
    content: '会同城建施工队现场交底：探测燃气管线走向与埋深，设置警示标识桩，签署管线交底记录。',
    materials: [
      { name: '管线警示标识桩', quantity: 10, unit: '根' },
      { name: '警示带', quantity: 100, unit: '米' },
    ],
    tools: ['管线探测仪', '可燃气体检测仪', '喷漆'],
    safetyNotes: '燃气管线两侧1米范围内禁止机械开挖，只准人工探挖；现场严禁明火。',
  },
  {
    name: '供热管线交叉处防护',
    department: 'heating',
    minutes: 240,
    content: '管沟与供热管线交叉处加设保护套管、修补保温层，不停热作业。',
    materials: [
      { name: '钢套管DN300', quantity: 6, unit: '米' },
      { name: '聚氨酯保温瓦', quantity: 12, unit: '米' },
    ],
    tools: ['气体检测仪', '通风机', '三脚架及救生绳'],
    safetyNotes: '供暖期（11月1日至次年3月31日）不得停热；检查井属有限空间，先通风、检测，设专人监护。',
  },
  {
    name: '施工占道交通疏导',
    department: 'police',
    minutes: DAY,
    content: '占道施工路段设置交通导改标志，高峰时段及学生上下学时段安排警力疏导。',
    materials: [{ name: '交通导改标志', quantity: 6, unit: '块' }],
    tools: ['反光锥', '指挥棒', '对讲机'],
    safetyNotes: '疏导人员穿反光背心；126中学上下学时段（07:00—08:00、11:30—12:30、16:30—17:30）保持人行通道畅通。',
  },
];
