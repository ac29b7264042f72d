// Inserts a generated project of N tasks and M links into a scratch database for the Gantt
// benchmark: the demo's departments, crews, locations and calendar, work packages per
// building (links mostly inside a package, some between packages), times scheduled by the
// scheduling engine in the project calendar so the stored plan is what the API computes.
import { randomUUID } from 'node:crypto';
import { CalendarSpec, scheduleProject, WorkingCalendar } from '@worksite/scheduling-engine';
import { ConstraintType, DependencyType } from '@worksite/shared-domain';
import { addDays, instantOf, localDateOf } from '@worksite/shared-util-time';
import { Client } from 'pg';

export interface GeneratedProject {
  projectId: string;
  tasks: number;
  links: number;
}

/**
 * The planned tasks of a listed schedule by start, then code: the schedule lists tasks that start
 * together by their ids, random ones here, so benches picking tasks by position picked others
 * from run to run (an early PATCH moved 1 task or 8,877; a p95 compared different pushes).
 */
export function plannedInOrder<T extends { status: string; plannedStart: string; code: number }>(
  tasks: readonly T[],
): T[] {
  return tasks
    .filter((task) => task.status === 'planned')
    .sort((a, b) => a.plannedStart.localeCompare(b.plannedStart) || a.code - b.code);
}

function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const TYPES = [
  DependencyType.FS,
  DependencyType.FS,
  DependencyType.FS,
  DependencyType.FS,
  DependencyType.SS,
  DependencyType.FF,
];
const WORK = [
  '管沟开挖',
  '电缆敷设',
  '光缆穿管',
  '熔接割接',
  '表箱改接',
  '路面恢复',
  '燃气交底',
  '管线迁改',
  '验收',
  '清运',
];

export async function insertGanttProject(
  databaseUrl: string,
  options: { tasks: number; links: number; code?: string; seed?: number },
): Promise<GeneratedProject> {
  const rnd = random(options.seed ?? 7);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ calendar_id: calendarId, time_zone: zone }] = (
      await client.query(`SELECT calendar_id, time_zone FROM projects WHERE code = 'HPXC-FXRD'`)
    ).rows;
    const spec = await calendarSpec(client, calendarId, zone);
    const calendar = WorkingCalendar.compile(spec);
    const departments: { id: string }[] = (await client.query('SELECT id FROM departments ORDER BY name')).rows;
    const crews: { id: string; department_id: string }[] = (
      await client.query('SELECT id, department_id FROM crews ORDER BY name')
    ).rows;
    const buildings: { id: string; name: string }[] = (
      await client.query(`SELECT id, name FROM locations WHERE kind = 'building' ORDER BY name`)
    ).rows;

    const startDate = addDays(localDateOf(Date.now(), zone), -30);
    const projectStart = instantOf(startDate, '00:00', zone).getTime();
    const projectId = randomUUID();
    await client.query(
      `INSERT INTO projects (id, code, name, time_zone, calendar_id, start_date, coordinator_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        projectId,
        options.code ?? 'BENCH-10K',
        `甘特图基准项目（${options.tasks}项任务）`,
        zone,
        calendarId,
        startDate,
        '基准',
      ],
    );

    // Packages of 100 tasks, one per building, starting on staggered days.
    const n = options.tasks;
    const ids = Array.from({ length: n }, () => randomUUID());
    const packageOf = (i: number) => Math.floor(i / 100);
    const drafts = ids.map((id, i) => {
      const department = departments[(packageOf(i) + (i % 7)) % departments.length].id;
      const pool = crews.filter((c) => c.department_id === department);
      return {
        id,
        department,
        crew: pool.length ? pool[i % pool.length].id : null,
        location: buildings[packageOf(i) % buildings.length],
        duration: 60 * (1 + Math.floor(rnd() * 8)),
        releaseDay: Math.floor(packageOf(i) * 1.5),
      };
    });
    const pairs = new Set<string>();
    const links: { id: string; p: number; s: number; type: DependencyType; lag: number }[] = [];
    const add = (p: number, s: number) => {
      const key = `${p}>${s}`;
      if (p >= s || pairs.has(key)) return;
      pairs.add(key);
      links.push({ id: randomUUID(), p, s, type: TYPES[Math.floor(rnd() * TYPES.length)], lag: rnd() < 0.2 ? 60 : 0 });
    };
    for (let i = 1; i < n && links.length < options.links; i++) if (packageOf(i) === packageOf(i - 1)) add(i - 1, i);
    while (links.length < options.links) {
      const s = 1 + Math.floor(rnd() * (n - 1));
      const across = rnd() < 0.1;
      const p = across ? Math.max(0, s - 100 - Math.floor(rnd() * 200)) : Math.max(0, s - 2 - Math.floor(rnd() * 20));
      add(p, s);
    }

    const outcome = scheduleProject(
      {
        start: projectStart,
        tasks: drafts.map((d) => ({
          id: d.id,
          duration: d.duration,
          constraint: {
            type: ConstraintType.StartNoEarlierThan,
            at: instantOf(addDays(startDate, d.releaseDay), '08:00', zone).getTime(),
          },
        })),
        links: links.map((l) => ({
          id: l.id,
          predecessorId: ids[l.p],
          successorId: ids[l.s],
          type: l.type,
          lag: l.lag,
        })),
      },
      calendar,
    );
    if (!outcome.ok) throw new Error(`generated plan cannot be scheduled: ${outcome.error.kind}`);
    const times = new Map(outcome.result.tasks.map((t) => [t.id, t]));
    const now = Date.now();

    const rows = drafts.map((d, i) => {
      const t = times.get(d.id) as { start: number; finish: number };
      const status = t.finish < now ? 'done' : t.start < now ? 'in_progress' : i % 17 === 0 ? 'ready' : 'planned';
      const constraintAt = instantOf(addDays(startDate, d.releaseDay), '08:00', zone).toISOString();
      return [
        d.id,
        `${d.location.name}${WORK[i % WORK.length]}（${i + 1}）`,
        d.department,
        d.crew,
        d.location.id,
        new Date(t.start).toISOString(),
        new Date(t.finish).toISOString(),
        localDateOf(t.start, zone),
        localDateOf(t.finish, zone),
        d.duration,
        status,
        status === 'done' ? 100 : status === 'in_progress' ? 50 : 0,
        constraintAt,
      ];
    });
    const column = (k: number) => rows.map((r) => r[k]);
    for (let from = 0; from < rows.length; from += 2000) {
      const slice = (k: number) => column(k).slice(from, from + 2000);
      await client.query(
        `INSERT INTO tasks (id, project_id, title, department_id, crew_id, location_id, planned_start, planned_finish,
                            start_date, finish_date, duration_minutes, status, progress, constraint_type, constraint_at)
         SELECT u.id, $1, u.title, u.department_id, u.crew_id, u.location_id, u.ps, u.pf, u.sd, u.fd, u.dur,
                u.status::task_status, u.progress, 'start_no_earlier_than', u.cat
           FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::timestamptz[],
                       $9::date[], $10::date[], $11::int[], $12::text[], $13::smallint[], $14::timestamptz[])
             AS u(id, title, department_id, crew_id, location_id, ps, pf, sd, fd, dur, status, progress, cat)`,
        [projectId, ...Array.from({ length: 13 }, (_, k) => slice(k))],
      );
    }
    for (let from = 0; from < links.length; from += 5000) {
      const part = links.slice(from, from + 5000);
      await client.query(
        `INSERT INTO dependencies (id, project_id, predecessor_id, successor_id, type, lag_minutes)
         SELECT u.id, $1, u.p, u.s, u.t::dependency_type, u.lag
           FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::int[]) AS u(id, p, s, t, lag)`,
        [
          projectId,
          part.map((l) => l.id),
          part.map((l) => ids[l.p]),
          part.map((l) => ids[l.s]),
          part.map((l) => l.type),
          part.map((l) => l.lag),
        ],
      );
    }
    return { projectId, tasks: rows.length, links: links.length };
  } finally {
    await client.end();
  }
}

/** The calendar as the API compiles it (ProjectCalendarService), read with plain SQL. */
async function calendarSpec(client: Client, calendarId: string, zone: string): Promise<CalendarSpec> {
  const [calendar] = (await client.query('SELECT weekly_windows FROM calendars WHERE id = $1', [calendarId])).rows;
  const exceptions: { date: string; kind: string }[] = (
    await client.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_exceptions WHERE calendar_id = $1`,
      [calendarId],
    )
  ).rows;
  const blackouts: { starts_at: Date; ends_at: Date; reason: string }[] = (
    await client.query('SELECT starts_at, ends_at, reason FROM blackout_windows WHERE calendar_id = $1', [calendarId])
  ).rows;
  return {
    timeZone: zone,
    weekly: Object.fromEntries(Object.entries(calendar.weekly_windows).map(([day, windows]) => [Number(day), windows])),
    holidays: exceptions.filter((e) => e.kind === 'holiday').map((e) => e.date),
    makeUpWorkdays: exceptions.filter((e) => e.kind === 'makeup_workday').map((e) => e.date),
    blackouts: blackouts.map((b) => ({ start: b.starts_at.getTime(), end: b.ends_at.getTime(), label: b.reason })),
  } as CalendarSpec;
}
