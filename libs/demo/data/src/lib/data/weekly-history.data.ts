import { VarianceReason } from '@worksite/shared-make-ready';
import { DepartmentKey } from './organisations.data';

/**
 * Weeks of the 飞线入地 project before its main works (前期: survey, pipe detection, briefings,
 * trial trenches), with what the crews committed to each Monday and what became of it. PPC
 * rises from 50 % to 83 % over the five weeks; 材料未到 and 前序未完成 lead the reasons.
 */
export interface HistoryCommitment {
  /** Weeks before the week the project starts in (1 = the week just before). */
  weeksBefore: number;
  /** Day of that week (0 = Monday). */
  day: number;
  department: DepartmentKey;
  /** Index into COMPOUNDS. */
  compound: number;
  title: string;
  done: boolean;
  reason?: VarianceReason;
  note?: string;
  /** An open constraint when the week began (the make-ready work was late). */
  notMadeReady?: boolean;
}

const survey = '现场踏勘及管线核对';
const detect = '地下管线探测';
const brief = '施工技术交底';
const trial = '试挖探坑';

// prettier-ignore
export const WEEKLY_HISTORY: HistoryCommitment[] = [
  { weeksBefore: 5, day: 0, department: 'power', compound: 0, title: survey, done: true },
  { weeksBefore: 5, day: 1, department: 'mobile', compound: 0, title: survey, done: false, reason: 'predecessor_unfinished', note: '电力踏勘未完，管位未定' },
  { weeksBefore: 5, day: 1, department: 'construction', compound: 1, title: detect, done: true },
  { weeksBefore: 5, day: 2, department: 'water', compound: 1, title: detect, done: false, reason: 'materials_missing', note: '探测仪借用未到', notMadeReady: true },
  { weeksBefore: 5, day: 3, department: 'gas', compound: 2, title: detect, done: false, reason: 'weather', note: '大雨停工' },
  { weeksBefore: 5, day: 3, department: 'telecom', compound: 2, title: survey, done: true },
  { weeksBefore: 4, day: 0, department: 'unicom', compound: 3, title: survey, done: true },
  { weeksBefore: 4, day: 1, department: 'construction', compound: 3, title: trial, done: false, reason: 'residents_blocked', note: '居民对开挖位置有异议' },
  { weeksBefore: 4, day: 1, department: 'power', compound: 1, title: brief, done: true },
  { weeksBefore: 4, day: 2, department: 'heating', compound: 2, title: detect, done: true },
  { weeksBefore: 4, day: 3, department: 'mobile', compound: 0, title: survey, done: false, reason: 'materials_missing', note: '标识桩未到货', notMadeReady: true },
  { weeksBefore: 4, day: 4, department: 'water', compound: 1, title: detect, done: true },
  { weeksBefore: 3, day: 0, department: 'construction', compound: 4, title: trial, done: true },
  { weeksBefore: 3, day: 1, department: 'power', compound: 2, title: trial, done: false, reason: 'outage_unapproved', note: '临时停电申请未批复' },
  { weeksBefore: 3, day: 1, department: 'telecom', compound: 3, title: brief, done: true },
  { weeksBefore: 3, day: 2, department: 'gas', compound: 4, title: detect, done: true },
  { weeksBefore: 3, day: 3, department: 'unicom', compound: 4, title: survey, done: false, reason: 'predecessor_unfinished', note: '城建试挖未完成' },
  { weeksBefore: 3, day: 4, department: 'construction', compound: 3, title: trial, done: true },
  { weeksBefore: 2, day: 0, department: 'mobile', compound: 5, title: brief, done: true },
  { weeksBefore: 2, day: 1, department: 'construction', compound: 5, title: trial, done: false, reason: 'materials_missing', note: '围挡材料未进场', notMadeReady: true },
  { weeksBefore: 2, day: 1, department: 'water', compound: 4, title: brief, done: true },
  { weeksBefore: 2, day: 2, department: 'power', compound: 3, title: trial, done: true },
  { weeksBefore: 2, day: 3, department: 'heating', compound: 5, title: detect, done: true },
  { weeksBefore: 2, day: 4, department: 'telecom', compound: 5, title: survey, done: false, reason: 'short_staffed', note: '班组抽调抢修' },
  { weeksBefore: 1, day: 0, department: 'construction', compound: 6, title: trial, done: true },
  { weeksBefore: 1, day: 1, department: 'power', compound: 4, title: brief, done: true },
  { weeksBefore: 1, day: 1, department: 'unicom', compound: 6, title: brief, done: true },
  { weeksBefore: 1, day: 2, department: 'gas', compound: 6, title: detect, done: false, reason: 'materials_missing', note: '燃气探测报告未送达' },
  { weeksBefore: 1, day: 3, department: 'mobile', compound: 6, title: survey, done: true },
  { weeksBefore: 1, day: 4, department: 'water', compound: 6, title: detect, done: true },
];
