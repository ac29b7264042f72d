import { SYSTEM_ACTOR } from '@worksite/auth-access';
import { CalendarEntity, DepartmentEntity, ProjectEntity, TaskEntity } from '@worksite/server-data-access';
import { createTestDatabase, TestDatabase } from '@worksite/server-testing';
import { EntityManager } from 'typeorm';
import { DepartmentKind } from '@worksite/shared-domain';
import { ProjectCalendarService } from '../calendar/project-calendar.service';
import { KnownBeforeWrite, ProjectRescheduler } from '../rescheduler/project-rescheduler.service';
import { KeptNetworks } from './kept-networks';
import { ProjectNetworkService } from './project-network.service';

const TASKS = 2100;
const DAY = [{ start: '08:00', end: '18:00' }];

/** Rolls a transaction back after `work` read what it wrote. */
class RolledBack<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back');
  }
}

describe('an edit reaching thousands of tasks goes on from the kept network (PostgreSQL)', () => {
  let db: TestDatabase;
  let networks: ProjectNetworkService;
  let calendars: ProjectCalendarService;
  let projectId: string;
  let ids: string[];

  beforeAll(async () => {
    db = await createTestDatabase();
    calendars = new ProjectCalendarService(db.dataSource);
    networks = new ProjectNetworkService(db.dataSource, calendars);
    const manager = db.dataSource.manager;
    const calendar = await manager.save(CalendarEntity, {
      name: '保留网络日历',
      weeklyWindows: { 1: DAY, 2: DAY, 3: DAY, 4: DAY, 5: DAY, 6: DAY, 0: DAY },
    });
    const department = await manager.save(DepartmentEntity, { kind: DepartmentKind.Water, name: '自来水公司' });
    const project = await manager.save(ProjectEntity, {
      code: 'KEPT',
      name: '保留网络',
      timeZone: 'Asia/Shanghai',
      calendarId: calendar.id,
      startDate: '2026-11-02',
    });
    projectId = project.id;
    // A chain of one-hour tasks, each stored an hour after the one before it.
    ids = (
      await db.dataSource.query(
        `INSERT INTO tasks (project_id, title, department_id, planned_start, planned_finish, start_date, finish_date,
                            duration_minutes)
         SELECT $1, '链 ' || i, $2, ts, ts + interval '1 hour', (ts AT TIME ZONE 'Asia/Shanghai')::date,
                ((ts + interval '1 hour') AT TIME ZONE 'Asia/Shanghai')::date, 60
           FROM generate_series(0, $3 - 1) AS i,
                LATERAL (SELECT timestamptz '2026-11-02 08:00+08' + (i / 10) * interval '1 day'
                                + (i % 10) * interval '1 hour' AS ts) t
         ORDER BY i RETURNING id`,
        [projectId, department.id, TASKS],
      )
    ).map((row: { id: string }) => row.id);
    await db.dataSource.query(
      `INSERT INTO dependencies (project_id, predecessor_id, successor_id, type, lag_minutes)
       SELECT $1, ids[i], ids[i + 1], 'FS', 0 FROM (SELECT $2::uuid[] AS ids) a, generate_series(1, $3 - 1) AS i`,
      [projectId, ids, TASKS],
    );
  });

  afterAll(() => db?.drop());

  /** Lengthens the first task by an hour with `rescheduler` and answers every task's start after the push. */
  const lengthenFirst = async (rescheduler: ProjectRescheduler, keep: boolean, known: KnownBeforeWrite = {}) => {
    const work = db.dataSource.transaction(async (manager) => {
      await manager.query(
        'UPDATE tasks SET duration_minutes = duration_minutes + 60, version = version + 1 WHERE id = $1',
        [ids[0]],
      );
      const first = await manager.findOneByOrFail(TaskEntity, { id: ids[0] });
      const moves = await rescheduler.taskChanged(manager, SYSTEM_ACTOR, first, known);
      const starts: { id: string; start: Date; version: number }[] = await manager.query(
        'SELECT id, planned_start AS start, version FROM tasks WHERE project_id = $1 ORDER BY id',
        [projectId],
      );
      if (!keep) throw new RolledBack({ moves: moves.length, starts });
      return { moves: moves.length, starts };
    });
    return work.catch((error) => {
      if (error instanceof RolledBack) return error.value as Awaited<typeof work>;
      throw error;
    });
  };

  it('pushes as a read of the downstream rows does, reading only rows changed since it was kept', async () => {
    const kept = new KeptNetworks(networks);
    kept.keep(projectId, await networks.read((manager) => networks.load(manager, projectId)));
    // Changed after it was kept: a task in the middle is an hour longer (a reload must read it).
    await db.dataSource.query('UPDATE tasks SET duration_minutes = 120, version = version + 1 WHERE id = $1', [
      ids[1000],
    ]);

    const reloads = jest.spyOn(networks, 'reload');
    const plain = await lengthenFirst(new ProjectRescheduler(networks, calendars), false);
    expect(reloads).not.toHaveBeenCalled();
    const fromKept = await lengthenFirst(new ProjectRescheduler(networks, calendars, kept), true);
    expect(reloads).toHaveBeenCalledTimes(1);

    // Every task after the first moved (the chain has no slack), both ways alike.
    expect(plain.moves).toBe(TASKS);
    expect(fromKept).toEqual(plain);
    await kept.onApplicationShutdown();
  });

  it('sets a kept network aside once this api moved 1,000 tasks since it was kept, until one is kept again', async () => {
    const kept = new KeptNetworks(networks);
    const network = await networks.read((manager) => networks.load(manager, projectId));
    kept.keep(projectId, network);
    kept.moved(projectId, 999);
    expect(kept.fresh(projectId)).toBe(network);
    kept.moved(projectId, 1);
    expect(kept.fresh(projectId)).toBeUndefined();
    expect(kept.latest(projectId)).toBe(network);
    kept.keep(projectId, network);
    expect(kept.fresh(projectId)).toBe(network);
  });

  it('brings the kept network up to date after such an edit, from committed rows', async () => {
    const kept = new KeptNetworks(networks);
    const before = await networks.read((manager) => networks.load(manager, projectId));
    kept.keep(projectId, before);
    await lengthenFirst(new ProjectRescheduler(networks, calendars, kept), true);
    const deadline = Date.now() + 5000;
    while (kept.latest(projectId) === before && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
    const refreshed = kept.latest(projectId);
    expect(refreshed).not.toBe(before);
    const stored: { id: string; version: number }[] = await db.dataSource.query(
      'SELECT id, version FROM tasks WHERE project_id = $1',
      [projectId],
    );
    const versions = new Map(refreshed?.tasks.map((task) => [task.id, task.version]));
    expect(stored.every((row) => versions.get(row.id) === row.version)).toBe(true);
    expect(stored).toHaveLength(TASKS);
    await kept.onApplicationShutdown();
  });

  describe('an exact kept network (plan_changes)', () => {
    /** Keeps the project's network as a schedule read keeps it: read in a snapshot, with that snapshot. */
    const keptNow = async () => {
      const kept = new KeptNetworks(networks, db.dataSource);
      const { network, snapshot } = await networks.read(async (manager) => ({
        network: await networks.load(manager, projectId),
        snapshot: await kept.snapshotOf(manager),
      }));
      expect(snapshot).toMatch(/^\d+:\d+:/);
      kept.keep(projectId, network, snapshot);
      return kept;
    };
    const stored = async () =>
      (
        (await db.dataSource.query(
          `SELECT id, version, floor(extract(epoch FROM planned_start) * 1000)::float8 AS start,
                  floor(extract(epoch FROM planned_finish) * 1000)::float8 AS finish, start_date::text AS "startDate",
                  finish_date::text AS "finishDate", duration_minutes AS duration
             FROM tasks WHERE project_id = $1 ORDER BY id`,
          [projectId],
        )) as { id: string }[]
      ).map((row) => JSON.stringify(row));
    const keptRows = (kept: KeptNetworks) =>
      [...(kept.latest(projectId)?.tasks ?? [])]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((task) =>
          JSON.stringify({
            id: task.id,
            version: task.version,
            start: task.plannedStart.getTime(),
            finish: task.plannedFinish.getTime(),
            startDate: task.startDate,
            finishDate: task.finishDate,
            duration: task.durationMinutes,
          }),
        );

    it('pushes from it as a full read does without reading the downstream, and keeps what the edit wrote', async () => {
      const kept = await keptNow();
      const loads = jest.spyOn(networks, 'loadDownstream');
      for (let edit = 0; edit < 2; edit++) {
        loads.mockClear();
        const plain = await lengthenFirst(new ProjectRescheduler(networks, calendars), false);
        expect(loads).toHaveBeenCalled();
        loads.mockClear();
        const fromKept = await lengthenFirst(new ProjectRescheduler(networks, calendars, kept), true, {
          onlyOriginsWritten: true,
        });
        // The second edit goes on from the network the first one left (kept on its commit).
        expect(loads).not.toHaveBeenCalled();
        expect(fromKept.moves).toBe(TASKS);
        expect(fromKept).toEqual(plain);
        expect(keptRows(kept)).toEqual(await stored());
      }
      loads.mockRestore();
      await kept.onApplicationShutdown();
    });

    it('keeps what a committed edit made, with its indexes only while its tasks stand where they stood', async () => {
      const kept = await keptNow();
      const network = kept.latest(projectId);
      if (!network) throw new Error('no kept network');
      const index = { taskAt: new Map([[ids[0], 0]]), links: { linksInto: new Map(), successors: new Map() } };
      /** Commits an edit that keeps `made`; answers the kept entry after it. */
      const edit = async (made: typeof network) => {
        await db.dataSource.transaction(async (manager) => {
          await manager.query('UPDATE tasks SET version = version + 1 WHERE id = $1', [ids[0]]);
          const exact = await kept.exact(manager, projectId);
          if (!exact) throw new Error('the kept network is not exact');
          Object.assign(exact.kept, index);
          kept.keepOnCommit(manager, projectId, exact.kept, exact.xid, made);
        });
        const after = await db.dataSource.transaction((manager) => kept.exact(manager, projectId));
        if (!after) throw new Error('the kept network is not exact after the edit');
        expect(after.kept.network).toBe(made);
        return after.kept;
      };
      // Its tasks where they stood (a push's copy): the indexes go on serving it.
      const same = await edit({ ...network, tasks: network.tasks.map((task) => ({ ...task })) });
      expect(same.taskAt).toBe(index.taskAt);
      expect(same.links).toBe(index.links);
      // Tasks in another order: their positions are dropped, the links' index kept.
      const moved = await edit({ ...network, tasks: [...network.tasks].reverse() });
      expect(moved.taskAt).toBeUndefined();
      expect(moved.links).toBe(index.links);
      // Other links: their index is dropped too.
      const relinked = await edit({ ...network, links: [...network.links] });
      expect(relinked.links).toBeUndefined();
      await kept.onApplicationShutdown();
    });

    it('is not used once another transaction changed the project, nor kept from an edit that rolled back', async () => {
      const kept = await keptNow();
      const network = kept.latest(projectId);
      const loads = jest.spyOn(networks, 'loadDownstream');
      // Rolled back after the push: nothing of it is kept, and the kept network stays exact.
      await lengthenFirst(new ProjectRescheduler(networks, calendars, kept), false, { onlyOriginsWritten: true });
      expect(loads).not.toHaveBeenCalled();
      expect(kept.latest(projectId)).toBe(network);
      expect(await db.dataSource.transaction((manager) => kept.exact(manager, projectId))).toBeDefined();

      // Another writer's committed change of a link (or of a task) makes it read again.
      await db.dataSource.query('UPDATE dependencies SET version = version + 1 WHERE successor_id = $1', [ids[5]]);
      expect(await db.dataSource.transaction((manager) => kept.exact(manager, projectId))).toBeUndefined();
      const pushed = await lengthenFirst(new ProjectRescheduler(networks, calendars, kept), true, {
        onlyOriginsWritten: true,
      });
      expect(loads).toHaveBeenCalled();
      expect(pushed.moves).toBe(TASKS);
      expect(kept.latest(projectId)).toBe(network);
      loads.mockRestore();
      await kept.onApplicationShutdown();
    });

    it('hears of a task moved to another project in both, and of a TRUNCATE in every project', async () => {
      const other = await db.dataSource.manager.save(ProjectEntity, {
        code: 'KEPT-2',
        name: '另一个项目',
        timeZone: 'Asia/Shanghai',
        calendarId: (await db.dataSource.manager.findOneByOrFail(ProjectEntity, { id: projectId })).calendarId,
        startDate: '2026-11-02',
      });
      const named = (manager: EntityManager) =>
        manager
          .query(
            `SELECT DISTINCT project_id AS id FROM plan_changes WHERE xid = pg_current_xact_id()::text::bigint ORDER BY id`,
          )
          .then((rows: { id: string }[]) => rows.map((row) => row.id));
      const inRolledBack = (work: (manager: EntityManager) => Promise<string[]>) =>
        db.dataSource
          .transaction(async (manager) => {
            throw new RolledBack(await work(manager));
          })
          .catch((error) => (error as RolledBack<string[]>).value);
      const both = [projectId, other.id].sort();
      expect(
        await inRolledBack(async (manager) => {
          await manager.query('UPDATE tasks SET project_id = $1 WHERE id = $2', [other.id, ids[TASKS - 1]]);
          return named(manager);
        }),
      ).toEqual(both);
      expect(
        await inRolledBack(async (manager) => {
          await manager.query('TRUNCATE tasks CASCADE');
          return named(manager);
        }),
      ).toEqual(both);
      await db.dataSource.manager.delete(ProjectEntity, { id: other.id });
    });

    it('takes a snapshot only from a read-only REPEATABLE READ transaction', async () => {
      const kept = new KeptNetworks(networks, db.dataSource);
      expect(await networks.read((manager) => kept.snapshotOf(manager))).toMatch(/^\d+:\d+:/);
      expect(await db.dataSource.transaction((manager) => kept.snapshotOf(manager))).toBeUndefined();
      expect(await db.dataSource.transaction('REPEATABLE READ', (manager) => kept.snapshotOf(manager))).toBeUndefined();
      await kept.onApplicationShutdown();
    });

    it('is not used by a transaction that wrote more of the project than the edited row', async () => {
      const kept = await keptNow();
      const exact = await db.dataSource.transaction(async (manager) => {
        await manager.query('UPDATE tasks SET version = version + 1 WHERE id = $1', [ids[0]]);
        const once = await kept.exact(manager, projectId);
        await manager.query('UPDATE tasks SET version = version + 1 WHERE id = $1', [ids[1]]);
        return { once, twice: await kept.exact(manager, projectId) };
      });
      expect(exact.once).toBeDefined();
      expect(exact.twice).toBeUndefined();
      await kept.onApplicationShutdown();
    });
  });
});
