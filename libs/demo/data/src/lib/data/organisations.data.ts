import { DepartmentKind } from '@worksite/shared-domain';

/** A group-chat robot kind; the demo disables robots and SMS (no internet) but keeps email. */
export type RobotKind = 'wecom' | 'dingtalk' | 'feishu';

/**
 * What a crew does in the demo plan: `works` crews take the planned 飞线入地 tasks in
 * rotation; `standby` crews (emergency repair, police, grid workers) are called for the
 * incident and for duty.
 */
export type CrewRole = 'works' | 'standby';

export interface CrewSpec {
  name: string;
  /** ASCII handle for its email address. */
  handle: string;
  leader: string;
  phone: string;
  language?: 'zh-CN' | 'en';
  sms?: boolean;
  robot?: RobotKind;
  role?: CrewRole;
}

export interface ContractorSpec {
  name: string;
  contact: string;
  phone: string;
  crews: CrewSpec[];
}

export interface DepartmentSpec {
  /** Short key the plan uses. */
  key: DepartmentKey;
  kind: DepartmentKind;
  name: string;
  color: string;
  contact: string;
  phone: string;
  contractors: ContractorSpec[];
}

export type DepartmentKey =
  | 'power'
  | 'mobile'
  | 'telecom'
  | 'unicom'
  | 'water'
  | 'gas'
  | 'heating'
  | 'construction'
  | 'appearance'
  | 'police'
  | 'community';

// prettier-ignore
/** Phone numbers (138 0024 xxxx) and contacts are invented; a data table, one row per line. */
export const DEPARTMENTS: DepartmentSpec[] = [
  {
    key: 'power', kind: DepartmentKind.Power, name: '国网沈阳供电公司', color: '#f08c00', contact: '刘振东', phone: '024-22860001',
    contractors: [
      { name: '国网沈阳供电公司和平供电中心', contact: '赵国庆', phone: '13800240101', crews: [
        { name: '电缆一班', handle: 'hp-dianlan1', leader: '王建国', phone: '13800240111', sms: true, robot: 'feishu' },
        { name: '电缆二班', handle: 'hp-dianlan2', leader: '李志强', phone: '13800240112', sms: true },
        { name: '抢修班', handle: 'hp-qiangxiu', leader: '张德明', phone: '13800240113', sms: true, robot: 'feishu', role: 'standby' },
      ] },
      { name: '沈阳恒通电力工程有限公司', contact: '孙立新', phone: '13800240102', crews: [
        { name: '电缆施工一队', handle: 'ht-dianlan1', leader: '周海涛', phone: '13800240121', sms: true },
        { name: '电缆施工二队', handle: 'ht-dianlan2', leader: '吴永刚', phone: '13800240122' },
        { name: '电缆检测组', handle: 'ht-testing', leader: 'Peter Novak', phone: '13800240123', language: 'en' },
      ] },
    ],
  },
  {
    key: 'mobile', kind: DepartmentKind.Telecom, name: '中国移动沈阳分公司', color: '#1c7ed6', contact: '陈晓光', phone: '024-22860002',
    contractors: [
      { name: '中移建设有限公司辽宁分公司', contact: '郑宏伟', phone: '13800240201', crews: [
        { name: '线路一班', handle: 'cmcc-xianlu1', leader: '马春雷', phone: '13800240211', sms: true, robot: 'wecom' },
        { name: '线路二班', handle: 'cmcc-xianlu2', leader: '冯立军', phone: '13800240212', robot: 'wecom' },
        { name: '装维组', handle: 'cmcc-zhuangwei', leader: '何丽娜', phone: '13800240213', sms: true },
      ] },
    ],
  },
  {
    key: 'telecom', kind: DepartmentKind.Telecom, name: '中国电信沈阳分公司', color: '#3b5bdb', contact: '杨卫东', phone: '024-22860003',
    contractors: [
      { name: '中通服建设有限公司沈阳分公司', contact: '高明远', phone: '13800240301', crews: [
        { name: '光缆一班', handle: 'ct-guanglan1', leader: '罗振华', phone: '13800240311', sms: true, robot: 'dingtalk' },
        { name: '光缆二班', handle: 'ct-guanglan2', leader: '梁文博', phone: '13800240312', sms: true },
      ] },
      { name: '上海诺基亚贝尔沈阳工程服务部', contact: '宋佳', phone: '13800240302', crews: [
        { name: '光网络调测组', handle: 'nsb-optical', leader: 'Lars Eriksen', phone: '13800240321', language: 'en', robot: 'dingtalk' },
        { name: '设备安装组', handle: 'nsb-install', leader: '唐志远', phone: '13800240322' },
      ] },
    ],
  },
  {
    key: 'unicom', kind: DepartmentKind.Telecom, name: '中国联通沈阳分公司', color: '#e03131', contact: '许文杰', phone: '024-22860004',
    contractors: [
      { name: '沈阳联通通信工程有限公司', contact: '韩冬', phone: '13800240401', crews: [
        { name: '线路一班', handle: 'cu-xianlu1', leader: '邓国栋', phone: '13800240411', sms: true, robot: 'dingtalk' },
        { name: '线路二班', handle: 'cu-xianlu2', leader: '曹建平', phone: '13800240412' },
        { name: '接入组', handle: 'cu-jieru', leader: '彭晓燕', phone: '13800240413', sms: true },
      ] },
    ],
  },
  {
    key: 'water', kind: DepartmentKind.Water, name: '沈阳水务集团', color: '#15aabf', contact: '袁立平', phone: '024-22860005',
    contractors: [
      { name: '沈阳水务集团和平供水管理所', contact: '蒋红梅', phone: '13800240501', crews: [
        { name: '管网维修一班', handle: 'sw-weixiu1', leader: '沈国强', phone: '13800240511', sms: true },
        { name: '管网维修二班', handle: 'sw-weixiu2', leader: '韦刚', phone: '13800240512' },
      ] },
    ],
  },
  {
    key: 'gas', kind: DepartmentKind.Gas, name: '沈阳燃气集团', color: '#fab005', contact: '蔡永福', phone: '024-22860006',
    contractors: [
      { name: '沈阳燃气集团和平分公司', contact: '贾丽', phone: '13800240601', crews: [
        { name: '管线巡检班', handle: 'rq-xunjian', leader: '丁志刚', phone: '13800240611', sms: true, robot: 'wecom' },
        { name: '带气作业班', handle: 'rq-daiqi', leader: '薛亮', phone: '13800240612', sms: true },
      ] },
    ],
  },
  {
    key: 'heating', kind: DepartmentKind.Heating, name: '沈阳惠天热电', color: '#c2255c', contact: '叶长青', phone: '024-22860007',
    contractors: [
      { name: '惠天热电和平供热分公司', contact: '阎宏', phone: '13800240701', crews: [
        { name: '管网一班', handle: 'ht-guanwang1', leader: '余海波', phone: '13800240711', sms: true },
        { name: '管网二班', handle: 'ht-guanwang2', leader: '潘学军', phone: '13800240712' },
      ] },
    ],
  },
  {
    key: 'construction', kind: DepartmentKind.CityConstruction, name: '和平区城建局', color: '#a0522d', contact: '杜建华', phone: '024-22860008',
    contractors: [
      { name: '沈阳市政建设集团有限公司', contact: '戴立伟', phone: '13800240801', crews: [
        { name: '管沟一队', handle: 'sz-guangou1', leader: '夏永生', phone: '13800240811', sms: true, robot: 'wecom' },
        { name: '管沟二队', handle: 'sz-guangou2', leader: '钟铁军', phone: '13800240812', sms: true, robot: 'wecom' },
        { name: '机械组', handle: 'sz-jixie', leader: '汪大勇', phone: '13800240813' },
      ] },
      { name: '辽宁宏达市政工程有限公司', contact: '田凤霞', phone: '13800240802', crews: [
        { name: '管沟三队', handle: 'hd-guangou3', leader: '任喜军', phone: '13800240821', sms: true },
        { name: '管沟四队', handle: 'hd-guangou4', leader: '姜宝山', phone: '13800240822', robot: 'dingtalk' },
      ] },
    ],
  },
  {
    key: 'appearance', kind: DepartmentKind.CityAppearance, name: '和平区市容环境卫生管理局', color: '#2f9e44', contact: '范春燕', phone: '024-22860009',
    contractors: [
      { name: '和平区市容环境卫生服务中心', contact: '方志诚', phone: '13800240901', crews: [
        { name: '飞线拆除一队', handle: 'sr-chaichu1', leader: '石永利', phone: '13800240911', sms: true, robot: 'wecom' },
        { name: '飞线拆除二队', handle: 'sr-chaichu2', leader: '姚金生', phone: '13800240912' },
      ] },
      { name: '沈阳绿洲园林工程有限公司', contact: '谭晓梅', phone: '13800240902', crews: [
        { name: '路面恢复队', handle: 'lz-lumian', leader: '廖长江', phone: '13800240921', sms: true },
        { name: '绿化恢复组', handle: 'lz-lvhua', leader: '邹秀兰', phone: '13800240922' },
      ] },
    ],
  },
  {
    key: 'police', kind: DepartmentKind.Police, name: '南市场派出所', color: '#364fc7', contact: '熊伟', phone: '024-22860010',
    contractors: [
      { name: '南市场派出所社区警务队', contact: '熊伟', phone: '13800241001', crews: [
        { name: '八经警务室', handle: 'nsc-jingwu', leader: '金鹏', phone: '13800241011', sms: true, role: 'standby' },
        { name: '巡逻防控组', handle: 'nsc-xunluo', leader: '陆昊', phone: '13800241012', sms: true, role: 'standby' },
      ] },
    ],
  },
  {
    key: 'community', kind: DepartmentKind.Community, name: '和平新村社区居委会', color: '#ae3ec9', contact: '甄鸿波', phone: '13800241100',
    contractors: [
      { name: '和平新村社区网格服务站', contact: '白雪', phone: '13800241101', crews: [
        { name: '网格员一组', handle: 'hpxc-wangge1', leader: '白雪', phone: '13800241111', sms: true, robot: 'wecom', role: 'standby' },
        { name: '网格员二组', handle: 'hpxc-wangge2', leader: '秦朗', phone: '13800241112', sms: true, role: 'standby' },
        { name: '综合办', handle: 'hpxc-zonghe', leader: '顾晓敏', phone: '13800241113', role: 'standby' },
      ] },
    ],
  },
];

/** The coordinator of the story. */
export const COORDINATOR = { name: '甄鸿波', phone: '13800241100' };
