import { ConstraintType, DependencyType, SchedulingMode } from '@worksite/shared-domain';
import fc from 'fast-check';
import { AbstractEdit, calendarSpecArb, editArb, projectArb } from '../../testing/arbitraries';
import { ScheduleModel, canonical, diffSchedules, sortById } from '../../testing/schedule-model';
import { WorkingCalendar } from '../calendar/working-calendar';
import { ProjectInput } from '../model/project-input';
import { ScheduleResult } from '../model/schedule-result';
import { scheduleProject } from '../schedule-project';
import { SchedulingEngine } from './scheduling-engine';

const RUNS = { numRuns: 120 };

function scheduled(project: ProjectInput, calendar: WorkingCalendar): ScheduleResult {
  const outcome = scheduleProject(project, calendar);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result;
}

describe('scheduling properties (random acyclic projects on random calendars)', () => {
  it('satisfies every link, with its lag, for automatic successors', () => {
    fc.assert(
      fc.property(calendarSpecArb, projectArb(), (spec, project) => {
        const cal = WorkingCalendar.compile(spec);
        const result = scheduled(project, cal);
        const byId = new Map(result.tasks.map((t) => [t.id, t]));
        const inputs = new Map(project.tasks.map((t) => [t.id, t]));
        for (const link of project.links) {
          const input = inputs.get(link.successorId);
          if (input?.mode === SchedulingMode.Manual || input?.constraint?.type === ConstraintType.MustStartOn) continue;
          const p = byId.get(link.predecessorId);
          const s = byId.get(link.successorId);
          if (!p || !s) throw new Error('missing task');
          const type = link.type ?? DependencyType.FS;
          const from = type === DependencyType.SS || type === DependencyType.SF ? p.start : p.finish;
          const to = type === DependencyType.FF || type === DependencyType.SF ? s.finish : s.start;
          expect(cal.workingMinutesBetween(from, to)).toBeGreaterThanOrEqual(link.lag ?? 0);
        }
      }),
      RUNS,
    );
  });

  it('starts and ends automatic tasks in working time, for exactly their working duration', () => {
    fc.assert(
      fc.property(calendarSpecArb, projectArb(), (spec, project) => {
        const cal = WorkingCalendar.compile(spec);
        const result = scheduled(project, cal);
        const firstStart = cal.nextWorkingInstant(project.start);
        project.tasks.forEach((input, k) => {
          const t = result.tasks[k];
          if (input.mode === SchedulingMode.Manual) return;
          expect(cal.isWorking(t.start)).toBe(true);
          if (input.constraint?.type !== ConstraintType.MustStartOn) expect(t.start).toBeGreaterThanOrEqual(firstStart);
          expect(cal.workingMinutesBetween(t.start, t.finish)).toBe(input.duration);
          if (input.duration > 0) {
            expect(cal.isWorking(t.finish - 1)).toBe(true);
            expect(cal.previousWorkingInstant(t.finish)).toBe(t.finish);
          } else {
            expect(t.finish).toBe(t.start);
          }
        });
      }),
      RUNS,
    );
  });

  it('gives critical tasks zero total float and no task negative float (no pins, no deadline)', () => {
    fc.assert(
      fc.property(calendarSpecArb, projectArb({ pinned: false }), (spec, project) => {
        const result = scheduled(project, WorkingCalendar.compile(spec));
        for (const t of result.tasks) {
          expect(t.totalFloat).toBeGreaterThanOrEqual(0);
          expect(t.freeFloat).toBeGreaterThanOrEqual(0);
          expect(t.freeFloat).toBeLessThanOrEqual(t.totalFloat);
          expect(t.critical).toBe(t.totalFloat === 0);
          expect(t.lateStart).toBeGreaterThanOrEqual(t.start);
        }
        const last = result.tasks.reduce((a, b) => (b.finish > a.finish ? b : a));
        expect(last.critical).toBe(true);
        expect(result.criticalPath.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('is idempotent: recomputing, or rescheduling from its own output, changes nothing', () => {
    fc.assert(
      fc.property(calendarSpecArb, projectArb(), (spec, project) => {
        const cal = WorkingCalendar.compile(spec);
        const created = SchedulingEngine.create(project, cal);
        if (!created.ok) throw new Error(JSON.stringify(created.error));
        const first = created.engine.result();
        created.engine.recompute();
        expect(created.engine.result()).toEqual(first);
        const fed = {
          ...project,
          tasks: project.tasks.map((t, k) => ({ ...t, start: first.tasks[k].start, finish: first.tasks[k].finish })),
        };
        const again = scheduleProject(fed, cal);
        expect(again.ok && again.moved).toEqual([]);
        expect(again.ok && again.result).toEqual(first);
      }),
      RUNS,
    );
  });
});

type Step = { edit: AbstractEdit; action: 'apply' | 'preview' | 'commit' | 'discard' };

const stepArb: fc.Arbitrary<Step> = fc.record({
  edit: editArb,
  action: fc.constantFrom<Step['action']>('apply', 'apply', 'preview', 'preview', 'commit', 'discard'),
});

describe('incremental rescheduling equals a full recompute', () => {
  it('after any sequence of edits, previews, commits and discards', () => {
    fc.assert(
      fc.property(calendarSpecArb, projectArb(), fc.array(stepArb, { maxLength: 16 }), (spec, project, steps) => {
        const cal = WorkingCalendar.compile(spec);
        const created = SchedulingEngine.create(project, cal);
        if (!created.ok) throw new Error(JSON.stringify(created.error));
        const engine = created.engine;
        let committed = new ScheduleModel(project, cal);
        let committedResult = committed.schedule();
        let pending: ScheduleModel | null = null;
        for (const { edit, action } of steps) {
          if (action === 'commit' || action === 'discard') {
            const before = pending ? pending.schedule() : committedResult;
            if (action === 'commit' && pending) {
              committed = pending;
              committedResult = committed.schedule();
            }
            const outcome =
              action === 'commit' ? (engine.commit(), { ok: true as const, moved: [] }) : engine.discard();
            if (action === 'discard' && outcome.ok)
              expect(sortById([...outcome.moved])).toEqual(diffSchedules(before, committedResult));
            pending = null;
          } else {
            const bound = committed.bind(edit, committedResult);
            if (!bound) continue;
            const outcome = action === 'apply' ? engine.apply(bound.change) : engine.preview(bound.change);
            if (!bound.next) {
              expect(outcome).toMatchObject({ ok: false, error: { kind: 'cycle' } });
              if (!outcome.ok && outcome.error.kind === 'cycle')
                expectRealCycle(outcome.error, bound.next ?? committed, bound.change);
            } else {
              if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
              const expected = bound.next.schedule();
              expect(sortById([...outcome.moved])).toEqual(diffSchedules(committedResult, expected));
              if (action === 'apply') {
                committed = bound.next;
                committedResult = expected;
                pending = null;
              } else {
                pending = bound.next;
              }
            }
          }
          const expected = pending ? pending.schedule() : committedResult;
          expect(canonical(engine.result())).toEqual(canonical(expected));
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** The tasks of a reported cycle must be joined, in order, by the links (the new one included). */
function expectRealCycle(
  error: { taskIds: readonly string[]; linkIds: readonly string[] },
  model: ScheduleModel,
  change: { kind: string },
): void {
  const links = new Map(model.project.links.map((l) => [l.id, l]));
  if (change.kind === 'add-link') {
    const added = (change as unknown as { link: { id: string; predecessorId: string; successorId: string } }).link;
    links.set(added.id, { ...added });
  }
  const n = error.taskIds.length;
  expect(error.linkIds).toHaveLength(n);
  error.linkIds.forEach((id, k) => {
    const link = links.get(id);
    expect(link?.predecessorId).toBe(error.taskIds[k]);
    expect(link?.successorId).toBe(error.taskIds[(k + 1) % n]);
  });
}
