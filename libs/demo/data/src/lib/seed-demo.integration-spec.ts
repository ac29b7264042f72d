import { DependencyType, SchedulingMode, TaskStatus } from '@worksite/shared-domain';
import { scheduleProject } from '@worksite/scheduling-engine';
import { createTestDatabase, rowCounts, TestDatabase } from '@worksite/server-testing';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { loadWorkingCalendar } from './seed-calendar';
import { seedDemo } from './seed-demo';
import { isAcyclic } from '../testing/acyclic';

const TABLES = [
  'departments',
  'contractors',
  'crews',
  'crew_channels',
  'locations',
  'calendars',
  'calendar_exceptions',
  'blackout_windows',
  'projects',
  'tasks',
  'dependencies',
  'users',
  'user_crews',
  'user_projects',
  'conflict_decisions',
  'announcements',
  'announcement_posts',
  'make_ready_constraints',
];
const ZONE = 'Asia/Shanghai';

interface TaskRow {
  id: string;
  title: string;
  planned_start: Date;
  planned_finish: Date;
  start_date: string;
  finish_date: string;
  duration_minutes: number;
  scheduling_mode: SchedulingMode;
  status: TaskStatus;
  progress: number;
  constraint_type: string | null;
  constraint_at: Date | null;
}

describe('seedDemo against PostgreSQL', () => {
  let db: TestDatabase;
  const query = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    db.dataSource.query(sql, params);
  const checksums = async () => {
    const sums: Record<string, string> = {};
    for (const table of TABLES) {
      const [{ sum }] = await query<{ sum: string }>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${table}" t`,
      );
      sums[table] = sum;
    }
    return sums;
  };
  const empty = () => query(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(', ')} CASCADE`);
  const project = async (code: string) =>
    (
      await query<{ id: string; calendar_id: string; time_zone: string; start_date: string }>(
        `SELECT id, calendar_id, time_zone, to_char(start_date, 'YYYY-MM-DD') AS start_date FROM projects WHERE code = $1`,
        [code],
      )
    )[0];
  const tasksOf = (projectId: string) =>
    query<TaskRow>(
      `SELECT id, title, planned_start, planned_finish, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(finish_date, 'YYYY-MM-DD') AS finish_date, duration_minutes, scheduling_mode, status,
              progress, constraint_type, constraint_at
       FROM tasks WHERE project_id = $1`,
      [projectId],
    );

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db.drop();
  });

  describe('seeding an empty database today', () => {
    const now = new Date();
    let summary: string;

    beforeAll(async () => {
      await empty();
      summary = await seedDemo(db.dataSource, { ifEmpty: false, timeZone: ZONE, now });
    });

    it('creates the community, its organisations and the calendar', async () => {
      const kinds = await query<{ kind: string; n: number; households: number }>(
        `SELECT kind, count(*)::int AS n, sum(households)::int AS households FROM locations GROUP BY kind`,
      );
      expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
        compound: 26,
        building: 98,
        unit: 299,
        street_segment: 7,
      });
      expect(kinds.filter((k) => k.kind !== 'street_segment').every((k) => k.households === 2967)).toBe(true);
      const [unit] = await query(
        `SELECT u.id FROM locations u JOIN locations b ON b.id = u.parent_id
         WHERE u.name = '1单元' AND b.name = '32号楼' AND b.address LIKE '%八经街32号'`,
      );
      expect(unit).toBeDefined();
      const counts = await rowCounts(db.dataSource, TABLES);
      expect(counts).toMatchObject({ departments: 11, calendars: 1, blackout_windows: 8, projects: 2 });
      const withoutEmail = await query(
        `SELECT c.id FROM crews c WHERE NOT EXISTS
           (SELECT 1 FROM crew_channels ch WHERE ch.crew_id = c.id AND ch.kind = 'email' AND ch.enabled)`,
      );
      expect(withoutEmail).toEqual([]);
      const [{ n }] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM crew_channels WHERE kind <> 'email' AND enabled`,
      );
      expect(n).toBe(0);
      expect(summary).toMatch(/26 compounds.*rows inserted, 0 already there/);
    });

    it('creates one demo user per role, scoped to its department, crews or projects', async () => {
      const users = await query<{
        username: string;
        role: string;
        department: string | null;
        crews: number;
        projects: number;
      }>(
        `SELECT u.username, u.role, d.name AS department,
                (SELECT count(*)::int FROM user_crews c JOIN tasks t ON t.crew_id = c.crew_id WHERE c.user_id = u.id) AS crews,
                (SELECT count(*)::int FROM user_projects p WHERE p.user_id = u.id) AS projects
           FROM users u LEFT JOIN departments d ON d.id = u.department_id ORDER BY u.role`,
      );
      expect(users.map((u) => u.role).sort()).toEqual(['admin', 'agency', 'contractor', 'coordinator', 'viewer']);
      expect(users.find((u) => u.role === 'agency')?.department).toBe('国网沈阳供电公司');
      expect(users.find((u) => u.role === 'coordinator')?.projects).toBe(2);
      // The contractor's crews have work in the plan, so its views are not empty.
      expect(users.find((u) => u.role === 'contractor')?.crews).toBeGreaterThan(0);
      const [{ hash }] = await query<{ hash: string }>(
        `SELECT password_hash AS hash FROM users WHERE username = 'admin'`,
      );
      expect(hash).toMatch(/^\$argon2id\$/);
    });

    it('creates the 飞线入地 project a week back with acyclic dependencies and work today and tomorrow', async () => {
      const works = await project('HPXC-FXRD');
      const today = localDateOf(now, ZONE);
      expect(works).toMatchObject({ time_zone: ZONE, start_date: addDays(today, -7) });
      const tasks = await tasksOf(works.id);
      expect(tasks.length).toBeGreaterThanOrEqual(150);
      expect(tasks.length).toBeLessThanOrEqual(300);
      const links = await query<{ predecessor: string; successor: string }>(
        `SELECT predecessor_id AS predecessor, successor_id AS successor FROM dependencies`,
      );
      expect(links.length).toBeGreaterThan(tasks.length);
      const [{ n: all }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM tasks`);
      const allIds = await query<{ id: string }>(`SELECT id FROM tasks`);
      expect(allIds).toHaveLength(all);
      expect(
        isAcyclic(
          allIds.map((t) => t.id),
          links,
        ),
      ).toBe(true);
      for (const date of [today, addDays(today, 1)])
        expect(tasks.filter((t) => t.start_date === date).length).toBeGreaterThan(0);
    });

    it('puts every automatic task inside working time, where the engine would put it', async () => {
      const works = await project('HPXC-FXRD');
      const calendar = await loadWorkingCalendar(db.dataSource.manager, works.calendar_id, works.time_zone);
      const tasks = await tasksOf(works.id);
      for (const t of tasks) {
        const start = t.planned_start.getTime();
        expect(t.start_date).toBe(localDateOf(start, ZONE));
        expect(t.finish_date).toBe(localDateOf(t.planned_finish, ZONE));
        if (t.scheduling_mode !== SchedulingMode.Automatic) continue;
        expect(calendar.isWorking(start)).toBe(true);
        expect(calendar.addWorkingMinutes(start, t.duration_minutes)).toBe(t.planned_finish.getTime());
      }
      const links = await query<{
        id: string;
        predecessorId: string;
        successorId: string;
        type: DependencyType;
        lag: number;
      }>(
        `SELECT id, predecessor_id AS "predecessorId", successor_id AS "successorId", type, lag_minutes AS lag
         FROM dependencies WHERE project_id = $1`,
        [works.id],
      );
      const outcome = scheduleProject(
        {
          start: new Date(`${works.start_date}T00:00:00+08:00`).getTime(),
          tasks: tasks.map((t) => ({
            id: t.id,
            duration: t.duration_minutes,
            mode: t.scheduling_mode,
            constraint: t.constraint_type
              ? { type: t.constraint_type as never, at: (t.constraint_at as Date).getTime() }
              : null,
            start: t.planned_start.getTime(),
            finish: t.planned_finish.getTime(),
          })),
          links,
        },
        calendar,
      );
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      expect(outcome.moved).toEqual([]);
    });

    it('gives statuses consistent with the seeding time', async () => {
      const tasks = await query<TaskRow>(`SELECT * FROM tasks`);
      for (const t of tasks) {
        if (t.status === TaskStatus.Done) expect(t.planned_finish.getTime()).toBeLessThanOrEqual(now.getTime());
        if (t.planned_start > now) expect(['planned', 'ready', 'blocked']).toContain(t.status);
        if (t.status === TaskStatus.InProgress)
          expect(t.planned_start <= now && t.progress > 0 && t.progress < 100).toBe(true);
      }
    });

    it('records the cable fire at 八经街32号楼1单元: power first, then the operators', async () => {
      const fire = await project('HPXC-QX1027');
      expect(fire.start_date.slice(5)).toBe('10-27');
      const tasks = await query<{ title: string; start: Date; finish: Date; location: string; cut: string[] }>(
        `SELECT t.title, t.planned_start AS start, t.planned_finish AS finish, l.address AS location,
                (SELECT array_agg(c.name) FROM locations c WHERE c.id = ANY(t.interruption_location_ids)) AS cut
         FROM tasks t JOIN locations l ON l.id = t.location_id WHERE t.project_id = $1 ORDER BY t.planned_start`,
        [fire.id],
      );
      expect(tasks).toHaveLength(7);
      expect(tasks.every((t) => t.location.endsWith('八经街32号1单元'))).toBe(true);
      const power = tasks.find((t) => t.title.includes('动力电缆抢修'));
      expect(power?.cut).toEqual(['32号楼']);
      for (const t of tasks.filter((x) => /移动|电信|联通/.test(x.title)))
        expect(t.start.getTime()).toBeGreaterThanOrEqual((power?.finish as Date).getTime());
    });

    it('makes the cable fire an incident of the community, with its timeline, the four playbooks and on-call rosters', async () => {
      const fire = await project('HPXC-QX1027');
      const [incident] = await query<{ id: string; status: string; code: string; project_id: string; tasks: number }>(
        `SELECT i.id, i.status, i.code, i.project_id, (SELECT count(*)::int FROM incident_tasks t WHERE t.incident_id = i.id) AS tasks
           FROM incidents i`,
      );
      expect(incident).toMatchObject({ project_id: fire.id, status: 'closed', tasks: 7 });
      expect(incident.code).toMatch(/^INC-\d{4}1027-01$/);
      const events = await query<{ kind: string }>(
        'SELECT kind FROM incident_events WHERE incident_id = $1 ORDER BY at',
        [incident.id],
      );
      expect(events[0].kind).toBe('reported');
      expect(events.at(-1)?.kind).toBe('closed');
      expect(events.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['notified', 'acknowledged', 'escalated', 'resident_post_sent']),
      );
      const kinds = await query<{ kind: string }>('SELECT kind::text FROM playbooks ORDER BY kind::text');
      expect(kinds.map((k) => k.kind)).toEqual(['cable_fire', 'gas_leak', 'road_collapse', 'water_main_burst']);
      const [{ rosters }] = await query<{ rosters: number }>(
        'SELECT count(*)::int AS rosters FROM on_call_rosters WHERE default_crew_id IS NOT NULL AND duty_lead_phone IS NOT NULL',
      );
      expect(rosters).toBe(11);
    });

    it("records the coordinator's decisions on the clashes of the next two weeks: most accepted, a few escalated", async () => {
      const rows = await query<{ action: string; n: number; by: string; assignees: string[] }>(
        `SELECT action, count(*)::int AS n, min(decided_by_name) AS by, array_agg(DISTINCT assignee_name) AS assignees
           FROM conflict_decisions GROUP BY action ORDER BY action`,
      );
      const byAction = Object.fromEntries(rows.map((row) => [row.action, row]));
      expect(byAction['accept'].n).toBeGreaterThan(60);
      expect(byAction['escalate'].n).toBeGreaterThanOrEqual(2);
      expect(byAction['escalate'].n).toBeLessThanOrEqual(8);
      expect(byAction['escalate'].assignees).toEqual(expect.arrayContaining(['和平区城建局']));
      expect(rows.map((row) => row.by)).toEqual(rows.map(() => '甄鸿波'));
      const [late] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM conflict_decisions WHERE action = 'accept' AND decided_at > $1`,
        [now],
      );
      expect(late.n).toBe(0);
      expect(summary).toMatch(/\d+ new conflict decisions/);
    });

    it('gives the 飞线入地 cuts their announcements: posted a day before the deadline, one late, one missing', async () => {
      const [cuts] = await query<{ n: number }>(
        `SELECT count(*)::int AS n FROM tasks t JOIN projects p ON p.id = t.project_id
          WHERE p.code = 'HPXC-FXRD' AND t.interruption_kind IS NOT NULL AND t.status <> 'cancelled'`,
      );
      const rows = await query<{ state: string; kind: string; lead: number | null }>(
        `SELECT a.state::text, a.kinds[1]::text AS kind,
                extract(epoch FROM a.starts_at - min(p.posted_at)) / 86400 AS lead
           FROM announcements a LEFT JOIN announcement_posts p ON p.announcement_id = a.id
          GROUP BY a.id`,
      );
      expect(rows).toHaveLength(cuts.n);
      const posted = rows.filter((row) => row.state === 'posted');
      expect(posted.length).toBeGreaterThan(20);
      // Power cuts told 8 days ahead, one only 3 days ahead (late); one approved but not posted.
      expect(posted.filter((row) => row.kind === 'power' && Math.round(Number(row.lead)) === 3)).toHaveLength(1);
      expect(posted.filter((row) => row.kind === 'power' && Math.round(Number(row.lead)) === 8).length).toBeGreaterThan(
        10,
      );
      expect(rows.filter((row) => row.state === 'approved')).toHaveLength(1);
      expect(summary).toMatch(/\d+ resident announcements posted/);
    });

    it('puts make-ready constraints on the coming work: open ones due in the next days, some cleared', async () => {
      const rows = await query<{
        kind: string;
        status: string;
        due: string;
        start: string;
        upstream_of_other: boolean;
      }>(
        `SELECT c.kind::text, c.status::text, to_char(c.due_date, 'YYYY-MM-DD') AS due,
                to_char(t.start_date, 'YYYY-MM-DD') AS start,
                EXISTS (SELECT 1 FROM dependencies d JOIN tasks s ON s.id = d.successor_id
                         WHERE d.predecessor_id = t.id AND t.department_id <> s.department_id)
                  AS upstream_of_other
           FROM make_ready_constraints c JOIN tasks t ON t.id = c.task_id`,
      );
      const today = localDateOf(now, ZONE);
      expect(rows.length).toBeGreaterThanOrEqual(6);
      const open = rows.filter((row) => row.status === 'open');
      expect(open.length).toBeGreaterThanOrEqual(3);
      expect(rows.filter((row) => row.status === 'cleared').length).toBeGreaterThanOrEqual(2);
      for (const row of rows) {
        expect(row.start >= today && row.due <= row.start && row.due >= today).toBe(true);
      }
      // One of them holds up another department's work (the agency's "what blocks my tasks").
      expect(open.some((row) => row.upstream_of_other)).toBe(true);
      const [told] = await query<{ linked: boolean }>(
        `SELECT c.announcement_id = a.id AS linked FROM make_ready_constraints c
           JOIN announcements a ON a.task_id = c.task_id WHERE c.kind = 'residents_told'`,
      );
      expect(told).toEqual({ linked: true });
      expect(summary).toMatch(/\d+ make-ready constraints/);
    });

    it('changes nothing when run again, the same day or a few days later', async () => {
      const counts = await rowCounts(db.dataSource, TABLES);
      const sums = await checksums();
      const again = await seedDemo(db.dataSource, { ifEmpty: false, timeZone: ZONE, now });
      expect(again).toMatch(/ 0 rows inserted/);
      const later = await seedDemo(db.dataSource, {
        ifEmpty: false,
        timeZone: ZONE,
        now: new Date(now.getTime() + 3 * 86_400_000),
      });
      expect(later).toMatch(/ 0 rows inserted/);
      expect(await rowCounts(db.dataSource, TABLES)).toEqual(counts);
      expect(await checksums()).toEqual(sums);
    });

    it('skips with ifEmpty when a project exists', async () => {
      const sums = await checksums();
      const skipped = await seedDemo(db.dataSource, { ifEmpty: true, timeZone: ZONE });
      expect(skipped).toMatch(/skipped/);
      expect(await checksums()).toEqual(sums);
    });
  });

  it('with ifEmpty, leaves a database with a hand-made project alone', async () => {
    await empty();
    await query(`INSERT INTO calendars (name, weekly_windows) VALUES ('自定义', '{}')`);
    await query(
      `INSERT INTO projects (code, name, calendar_id, start_date) SELECT 'MINE', '我的项目', id, '2026-01-05' FROM calendars`,
    );
    const counts = await rowCounts(db.dataSource, TABLES);
    expect(await seedDemo(db.dataSource, { ifEmpty: true, timeZone: ZONE })).toMatch(/skipped/);
    expect(await rowCounts(db.dataSource, TABLES)).toEqual(counts);
  });

  it('adopts organisations made by hand instead of failing on their names', async () => {
    await empty();
    const [{ id }] = await query<{ id: string }>(
      `INSERT INTO departments (kind, name) VALUES ('power', '国网沈阳供电公司') RETURNING id`,
    );
    await seedDemo(db.dataSource, { ifEmpty: true, timeZone: ZONE, now: new Date('2026-11-27T23:00:00Z') });
    const power = await query<{ id: string }>(`SELECT id FROM departments WHERE name = '国网沈阳供电公司'`);
    expect(power).toEqual([{ id }]);
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM contractors WHERE department_id = $1`, [
      id,
    ]);
    expect(n).toBe(2);
  });

  it('lays the project out in the configured time zone', async () => {
    await empty();
    const now = new Date('2026-09-30T10:00:00Z');
    await seedDemo(db.dataSource, { ifEmpty: false, timeZone: 'Europe/Berlin', now });
    const works = await project('HPXC-FXRD');
    expect(works).toMatchObject({ time_zone: 'Europe/Berlin', start_date: '2026-09-23' });
    const calendar = await loadWorkingCalendar(db.dataSource.manager, works.calendar_id, works.time_zone);
    const tasks = await tasksOf(works.id);
    for (const t of tasks.filter((x) => x.scheduling_mode === SchedulingMode.Automatic)) {
      expect(calendar.isWorking(t.planned_start.getTime())).toBe(true);
      expect(t.start_date).toBe(localDateOf(t.planned_start, 'Europe/Berlin'));
    }
    // 10月1日 is 国庆节: only a safety watch starts that day.
    expect(tasks.filter((t) => t.start_date === '2026-10-01').map((t) => t.title)).toEqual([
      expect.stringContaining('值守'),
    ]);
  });
});
