/**
 * 和平新村社区 (南市场街道, 和平区, 沈阳): 26 old compounds, 2,967 households. Compound and
 * street names are plausible inventions around 八经街 except 八经街32号楼, which is the
 * building of the story.
 */
export const COMMUNITY_NAME = '和平新村社区';
export const DISTRICT = '沈阳市和平区';

/** A street segment (街路段) where trenching closes the road. */
export interface StreetSegmentSpec {
  street: string;
  name: string;
  /** Schools nearby: works keep out of the pavement when pupils come and go. */
  school?: string;
}

export const STREET_SEGMENTS: StreetSegmentSpec[] = [
  { street: '八经街', name: '八经街（南七马路—南九马路段）', school: '126中学八经校区' },
  { street: '九经街', name: '九经街（南六马路—南八马路段）' },
  { street: '七经街', name: '七经街（南六马路—南八马路段）' },
  { street: '十一纬路', name: '十一纬路（南六马路—南九马路段）' },
  { street: '南六马路', name: '南六马路（七经街—十一纬路段）' },
  { street: '南七马路', name: '南七马路（七经街—十一纬路段）', school: '126中学八经校区' },
  { street: '南八马路', name: '南八马路（七经街—十一纬路段）' },
];

/**
 * A compound (小区): its street, the house number of its first building (buildings are
 * numbered on one side of the street, 2 apart) and per building [units, households per unit].
 */
export interface CompoundSpec {
  name: string;
  street: string;
  firstNumber: number;
  buildings: [units: number, householdsPerUnit: number][];
}

// prettier-ignore
/** In the order the works reach them (批次); a data table, one row per line. */
export const COMPOUNDS: CompoundSpec[] = [
  { name: '和平新村一区', street: '南八马路', firstNumber: 50, buildings: [[3, 10], [3, 10], [4, 10], [2, 10]] },
  { name: '和平新村二区', street: '南八马路', firstNumber: 60, buildings: [[4, 10], [3, 10], [3, 10]] },
  { name: '九经小区', street: '九经街', firstNumber: 15, buildings: [[3, 10], [3, 10], [2, 10], [3, 10]] },
  { name: '邮电宿舍', street: '南七马路', firstNumber: 22, buildings: [[4, 10], [3, 12], [2, 10]] },
  { name: '十一纬路小区', street: '十一纬路', firstNumber: 40, buildings: [[3, 10], [3, 10], [4, 10], [2, 10], [3, 10]] },
  { name: '八经小区', street: '八经街', firstNumber: 28, buildings: [[3, 10], [4, 10], [4, 12], [3, 10], [2, 10]] },
  { name: '和平新村三区', street: '南八马路', firstNumber: 70, buildings: [[3, 10], [4, 10], [3, 10], [3, 10]] },
  { name: '电业宿舍', street: '南八马路', firstNumber: 80, buildings: [[4, 10], [3, 10]] },
  { name: '七经街小区', street: '七经街', firstNumber: 31, buildings: [[3, 10], [3, 10], [4, 10], [2, 6]] },
  { name: '福安里', street: '南六马路', firstNumber: 80, buildings: [[2, 10], [3, 10], [3, 10], [2, 10]] },
  { name: '集贤里', street: '九经街', firstNumber: 41, buildings: [[4, 10], [3, 10], [3, 10]] },
  { name: '纺织宿舍', street: '十一纬路', firstNumber: 18, buildings: [[3, 10], [3, 10], [3, 10], [2, 10], [4, 10]] },
  { name: '教师楼', street: '八经街', firstNumber: 50, buildings: [[4, 12], [3, 10]] },
  { name: '新华里', street: '南七马路', firstNumber: 41, buildings: [[3, 10], [3, 10], [2, 10], [3, 10]] },
  { name: '庆丰小区', street: '十一纬路', firstNumber: 60, buildings: [[4, 10], [3, 10], [3, 10], [3, 10], [2, 10], [4, 10]] },
  { name: '安乐里', street: '南六马路', firstNumber: 20, buildings: [[3, 10], [4, 10], [2, 10]] },
  { name: '铁路宿舍', street: '南六马路', firstNumber: 100, buildings: [[4, 12], [4, 10], [3, 10], [3, 10]] },
  { name: '和安里', street: '七经街', firstNumber: 51, buildings: [[3, 10], [3, 10], [2, 10]] },
  { name: '长安里', street: '南八马路', firstNumber: 90, buildings: [[3, 10], [3, 10], [4, 10], [3, 10], [2, 10]] },
  { name: '兴华小区', street: '九经街', firstNumber: 60, buildings: [[4, 10], [3, 10], [3, 9]] },
  { name: '永安里', street: '九经街', firstNumber: 80, buildings: [[3, 10], [3, 8], [2, 10], [3, 10]] },
  { name: '康平里', street: '南七马路', firstNumber: 60, buildings: [[4, 10], [3, 8]] },
  { name: '机床宿舍', street: '十一纬路', firstNumber: 80, buildings: [[3, 10], [4, 10], [3, 8], [3, 8], [2, 10]] },
  { name: '丰乐里', street: '南七马路', firstNumber: 80, buildings: [[3, 8], [3, 10], [2, 10], [3, 8]] },
  { name: '民康小区', street: '八经街', firstNumber: 70, buildings: [[3, 10], [4, 10], [3, 10], [2, 10]] },
  { name: '春和里', street: '七经街', firstNumber: 70, buildings: [[3, 10], [3, 8], [4, 10]] },
];

/** The compound and building of the cable fire of 10月27日. */
export const FIRE_COMPOUND = '八经小区';
export const FIRE_BUILDING = '32号楼';
export const FIRE_UNIT = '1单元';
