import { Conflict } from '@worksite/scheduling-engine';
import { ConflictDecisionAction, SchedulingMode } from '@worksite/shared-domain';
import { DepartmentKey } from './data/organisations.data';

/** What the demo's coordinator decided on a clash at the coordination meeting. */
export interface DemoDecision {
  action: Extract<ConflictDecisionAction, 'accept' | 'escalate'>;
  reason: string;
  /** escalate: the department asked to act. */
  department?: DepartmentKey;
}

/** The facts about a task of a clash that the demo's decisions depend on. */
export interface DemoClashTask {
  department: DepartmentKey | undefined;
  mode: SchedulingMode | `${SchedulingMode}`;
}

const OPERATORS = new Set<DepartmentKey | undefined>(['mobile', 'telecom', 'unicom']);

/** Days ahead the coordination meeting has gone through: the API's default conflict range. */
export const TRIAGED_DAYS = 14;

/**
 * The demo plan's clashes are its parallel work by design: in each compound the three
 * operators pull fibre through the same trench, the first of them while 城建 finishes it,
 * 市容 restores the surface behind them, water and heating work beside the digging, and a
 * watch guards an open trench on days off. A coordinator accepts these with the reason
 * they talk about at the weekly meeting, and escalates what needs another party: the first
 * water mains still to be moved beside a trench, and the watches in the exam blackout. Returns null
 * for a clash left open (none of these).
 */
export function demoDecision(conflict: Conflict, tasks: readonly DemoClashTask[], now: number): DemoDecision | null {
  const departments = tasks.map((task) => task.department);
  const has = (key: DepartmentKey) => departments.includes(key);
  const watch = tasks.some((task) => task.department === 'construction' && task.mode === SchedulingMode.Manual);
  switch (conflict.kind) {
    case 'blackout':
      return watch
        ? {
            action: 'escalate',
            department: 'construction',
            reason: '考试禁噪时段内安排了管沟安全值守：请城建局与考点确认值守是否改为远程巡查',
          }
        : null;
    case 'outside-working-time':
      return watch ? { action: 'accept', reason: '非工作日安全值守巡查，按计划进行，不施工、不产生噪声' } : null;
    case 'location-clash':
      if (departments.every((key) => OPERATORS.has(key))) {
        return { action: 'accept', reason: '两家运营商在同一小区不同楼栋施工，可并行' };
      }
      if (watch) return { action: 'accept', reason: '非工作日管沟停工，值守人员只巡查围挡和警示灯' };
      if (has('construction') && departments.some((key) => OPERATORS.has(key))) {
        return { action: 'accept', reason: '移动在已开挖完成的管沟段先行穿缆，城建在另一端收尾，互不干扰' };
      }
      if (has('appearance')) {
        return { action: 'accept', reason: '市容在已完成割接的路段随后恢复路面，与运营商错段施工' };
      }
      if (has('water')) {
        if (conflict.window.start < now)
          return { action: 'accept', reason: '水务集团已派员现场监护，管沟开挖避让给水管' };
        return {
          action: 'escalate',
          department: 'water',
          reason: '给水管迁改与管沟开挖在同一段交叉：请水务集团确认停水窗口并派员现场监护',
        };
      }
      if (has('heating')) return { action: 'accept', reason: '热电公司现场监护，管沟开挖避开供热管线' };
      return null;
    default:
      return null;
  }
}
