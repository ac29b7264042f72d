import { CalendarSpec, SchedulingEngine, WorkingCalendar } from '@worksite/scheduling-engine';
import { scheduledAsOf, settleTaskTimes, toEngineProject } from '@worksite/scheduling-network';
import { ProjectScheduleDto } from '@worksite/shared-domain';
import fc from 'fast-check';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, buildTextbook, SchedulingWorld } from './scheduling-world';

const MINUTE = 60_000;

/**
 * The browser previews a drag with the engine over the schedule payload, read through
 * @worksite/scheduling-network exactly as the web app's engineProjectOf does; the api stores
 * the PATCH with the same library. Random moves and resizes of the textbook network — into
 * the noon break, nights, the weekend, the holiday and the exam blackout — must land every
 * task where the preview showed it.
 */
describe('a drag preview equals what the api stores', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let ids: string[];

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-PREVIEW');
    ids = Object.values((await buildTextbook(world, project)).ids);
    await t.http.post(`/api/projects/${project}/recompute`).send({ apply: true }).expect(200);
  }, 60_000);

  afterAll(async () => {
    await t?.close();
  });

  const schedule = async (): Promise<ProjectScheduleDto> =>
    (await t.http.get(`/api/projects/${project}/schedule`).expect(200)).body;

  /** What the Gantt page would draw for a move or a resize of `taskId`: every task's start and finish. */
  function preview(payload: ProjectScheduleDto, taskId: string, edit: Edit) {
    const calendar = WorkingCalendar.compile(payload.calendar as unknown as CalendarSpec);
    const engine = previewEngine(payload, calendar);
    const task = payload.tasks.find((row) => row.id === taskId);
    if (!task) throw new Error(`task ${taskId} is not in the payload`);
    const as = scheduledAsOf(task);
    const start = Date.parse(task.plannedStart);
    const settled = settleTaskTimes(
      calendar,
      as,
      edit.kind === 'move'
        ? { start: edit.at, currentDuration: task.durationMinutes }
        : { start, finish: Math.max(start, edit.at) },
    );
    if (!settled.ok) throw new Error(settled.problem.kind);
    const { times } = settled;
    const outcome = engine.preview(
      edit.kind === 'move'
        ? { kind: 'move-task', taskId, start: times.start }
        : { kind: 'resize-task', taskId, duration: times.durationMinutes },
    );
    if (!outcome.ok) throw new Error(outcome.error.kind);
    const spans = new Map(payload.tasks.map((row) => [row.id, [row.plannedStart, row.plannedFinish]]));
    const placed = engine.span(taskId) ?? times;
    spans.set(taskId, [iso(placed.start), iso(placed.finish)]);
    for (const move of outcome.moved) if (move.to) spans.set(move.id, [iso(move.to.start), iso(move.to.finish)]);
    const patch = edit.kind === 'move' ? { plannedStart: iso(times.start) } : { plannedFinish: iso(times.finish) };
    return { spans, patch, version: task.version };
  }

  it('for random moves and resizes across breaks, nights, weekends, a holiday and a blackout', async () => {
    const seed = Number(process.env['FC_SEED'] ?? Date.now() % 2_147_483_647);
    console.log(`preview-matches-store: fast-check seed ${seed} (FC_SEED=${seed} replays it)`);
    // Instants on a 15-minute grid from Monday 2026-11-02 00:00 to Sunday 2026-11-15 (local).
    const from = Date.parse('2026-11-02T00:00:00+08:00');
    const edits = fc.array(
      fc.record({
        task: fc.nat({ max: ids.length - 1 }),
        kind: fc.constantFrom<'move' | 'resize'>('move', 'resize'),
        slot: fc.nat({ max: 14 * 96 - 1 }),
      }),
      { minLength: 12, maxLength: 12 },
    );
    const [sample] = fc.sample(edits, { seed, numRuns: 1 });
    for (const step of sample) {
      const payload = await schedule();
      const taskId = ids[step.task];
      const edit: Edit = { kind: step.kind, at: from + step.slot * 15 * MINUTE };
      const expected = preview(payload, taskId, edit);
      await t.http
        .patch(`/api/tasks/${taskId}`)
        .send({ version: expected.version, ...expected.patch })
        .expect(200);
      const stored = await schedule();
      const actual = new Map(stored.tasks.map((row) => [row.id, [row.plannedStart, row.plannedFinish]]));
      const said = { taskId, kind: edit.kind, at: iso(edit.at), patch: expected.patch };
      expect({ said, spans: Object.fromEntries(actual) }).toEqual({
        said,
        spans: Object.fromEntries(expected.spans),
      });
    }
  }, 120_000);
});

type Edit = { kind: 'move' | 'resize'; at: number };

const iso = (t: number) => new Date(t).toISOString();

/** The engine over the payload, read as the browser reads it for a preview (`hold`). */
function previewEngine(payload: ProjectScheduleDto, calendar: WorkingCalendar): SchedulingEngine {
  const { input } = toEngineProject(payload.project, payload.tasks, payload.dependencies, 'hold');
  const created = SchedulingEngine.create(input, calendar);
  if (!created.ok) throw new Error(created.error.kind);
  return created.engine;
}
