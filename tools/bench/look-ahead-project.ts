// A 10,000-task project for the make-ready benchmark, dense as a look-ahead sees one: 1,000 work
// packages of ten tasks (the 飞线入地 sequence across departments: power → gas → 城建 trench →
// the three operators → 城建 backfill → city appearance → water → community check), one per
// building in turn, started ~40 a week from three weeks back over six months. Links: each
// package's chain, skips inside it (SS/FF), and now and then the next package of the same
// compound waiting for the trench crew — 15,000 in all. Plus 5,000 constraints, mostly on the
// coming weeks' work.
import { randomUUID } from 'node:crypto';
import { addDays, instantOf, localDateOf, weekdayOf } from '@worksite/shared-util-time';
import { Client } from 'pg';

const SEQUENCE = [
  ['国网沈阳供电公司', '动力电缆入地'],
  ['沈阳燃气集团', '燃气管线交底'],
  ['和平区城建局', '管沟开挖'],
  ['中国移动沈阳分公司', '移动光缆入地'],
  ['中国电信沈阳分公司', '电信光缆入地'],
  ['中国联通沈阳分公司', '联通光缆入地'],
  ['和平区城建局', '管沟回填'],
  ['和平区市容环境卫生管理局', '拆除架空飞线'],
  ['沈阳水务集团', '供水管道复核'],
  ['和平新村社区居委会', '居民验收'],
] as const;
const KINDS = ['dig_permit', 'outage_approval', 'materials', 'escort', 'residents_told', 'predecessor_done', 'other'];

/** A deterministic pseudo-random sequence (Park–Miller). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 48_271) % 2_147_483_647) / 2_147_483_647;
}

const weekend = (date: string) => weekdayOf(date) >= 6;

/** The n-th working day (Monday–Friday) from `date` (0: the day itself, or the next working day). */
function workingDay(date: string, n: number): string {
  let day = date;
  while (weekend(day)) day = addDays(day, 1);
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (!weekend(day)) left--;
  }
  return day;
}

export async function insertLookAheadProject(
  databaseUrl: string,
  options: { packages: number; links: number; constraints: number },
): Promise<{ projectId: string; tasks: number; links: number; constraints: number; open: number }> {
  const rnd = random(20_261_204);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const [{ calendar_id: calendarId, time_zone: zone }] = (
      await client.query(`SELECT calendar_id, time_zone FROM projects WHERE code = 'HPXC-FXRD'`)
    ).rows;
    const departments = new Map<string, string>(
      (await client.query('SELECT id, name FROM departments')).rows.map((d: { id: string; name: string }) => [
        d.name,
        d.id,
      ]),
    );
    const crews: { id: string; department_id: string }[] = (
      await client.query('SELECT id, department_id FROM crews ORDER BY name')
    ).rows;
    const buildings: { id: string; compound: string }[] = (
      await client.query(`SELECT id, parent_id AS compound FROM locations WHERE kind = 'building' ORDER BY name`)
    ).rows;
    const today = localDateOf(Date.now(), zone);
    const start = addDays(today, -21);
    const projectId = randomUUID();
    await client.query(
      `INSERT INTO projects (id, code, name, time_zone, calendar_id, start_date, coordinator_name)
       VALUES ($1, 'BENCH-MR', '开工条件基准项目（10000项任务）', $2, $3, $4, '基准')`,
      [projectId, zone, calendarId, start],
    );

    const now = Date.now();
    const tasks: (string | number | null)[][] = [];
    const ids: string[] = [];
    const lastPackageOf = new Map<string, number>();
    const links: [number, number, string][] = [];
    for (let p = 0; p < options.packages; p++) {
      const building = buildings[p % buildings.length];
      const first = workingDay(start, Math.floor((p * 130) / options.packages));
      for (let k = 0; k < SEQUENCE.length; k++) {
        const [departmentName, work] = SEQUENCE[k];
        const department = departments.get(departmentName) as string;
        const pool = crews.filter((c) => c.department_id === department);
        const date = workingDay(first, k);
        const [from, to] = k % 2 ? ['14:00', '18:00'] : ['08:00', '12:00'];
        const ps = instantOf(date, from, zone).getTime();
        const pf = instantOf(date, to, zone).getTime();
        const status = pf < now ? 'done' : ps < now ? 'in_progress' : 'planned';
        ids.push(randomUUID());
        tasks.push([
          ids.length - 1,
          `${work}（${p + 1}）`,
          department,
          pool.length ? pool[p % pool.length].id : null,
          building.id,
          new Date(ps).toISOString(),
          new Date(pf).toISOString(),
          date,
          date,
          status,
        ]);
        if (k > 0) links.push([p * 10 + k - 1, p * 10 + k, 'FS']);
      }
      // The next package of the compound waits, now and then, for the trench crew's backfill.
      const previous = lastPackageOf.get(building.compound);
      if (previous !== undefined && rnd() < 0.4) links.push([previous * 10 + 6, p * 10 + 2, 'FS']);
      lastPackageOf.set(building.compound, p);
    }
    // Skips inside packages (the operators start with the trench, appearance finishes with them).
    for (let p = 0; links.length < options.links && p < options.packages * 8; p++) {
      const pkg = p % options.packages;
      const k = Math.floor(p / options.packages);
      links.push([pkg * 10 + k, pkg * 10 + k + 2, rnd() < 0.5 ? 'SS' : 'FF']);
    }

    const column = (k: number) => tasks.map((row) => (k === 0 ? ids[row[0] as number] : row[k]));
    for (let from = 0; from < tasks.length; from += 2000) {
      const slice = (k: number) => column(k).slice(from, from + 2000);
      await client.query(
        `INSERT INTO tasks (id, project_id, title, department_id, crew_id, location_id, planned_start, planned_finish,
                            start_date, finish_date, duration_minutes, status, progress, scheduling_mode)
         SELECT u.id, $1, u.title, u.department_id, u.crew_id, u.location_id, u.ps, u.pf, u.sd, u.fd, 240,
                u.status::task_status, CASE u.status WHEN 'done' THEN 100 WHEN 'in_progress' THEN 50 ELSE 0 END, 'manual'
           FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::timestamptz[],
                       $9::date[], $10::date[], $11::text[])
             AS u(id, title, department_id, crew_id, location_id, ps, pf, sd, fd, status)`,
        [projectId, ...Array.from({ length: 10 }, (_, k) => slice(k))],
      );
    }
    await client.query(
      `INSERT INTO dependencies (project_id, predecessor_id, successor_id, type)
       SELECT $1, u.p, u.s, u.t::dependency_type FROM unnest($2::uuid[], $3::uuid[], $4::text[]) AS u(p, s, t)`,
      [projectId, links.map((l) => ids[l[0]]), links.map((l) => ids[l[1]]), links.map((l) => l[2])],
    );

    // Constraints: three in four on work of the next eight weeks, the rest anywhere; those on done
    // work cleared, the others open more often the further ahead (cleared as the start nears).
    const horizon = addDays(today, 56);
    const soon = tasks.filter((row) => (row[7] as string) >= today && (row[7] as string) <= horizon);
    const rows = Array.from({ length: options.constraints }, (_, i) => {
      const task = rnd() < 0.75 ? soon[Math.floor(rnd() * soon.length)] : tasks[Math.floor(rnd() * tasks.length)];
      const date = task[7] as string;
      const done = task[9] === 'done';
      const status = !done && rnd() < (date <= addDays(today, 7) ? 0.35 : 0.6) ? 'open' : 'cleared';
      const r = rnd();
      const owner =
        r < 0.6 ? task[2] : r < 0.9 ? [...departments.values()][Math.floor(rnd() * departments.size)] : null;
      return [
        ids[task[0] as number],
        KINDS[i % KINDS.length],
        `条件${i + 1}`,
        owner,
        addDays(date, -1 - Math.floor(rnd() * 6)),
        status,
      ];
    });
    const part = (k: number) => rows.map((row) => row[k]);
    await client.query(
      `INSERT INTO make_ready_constraints (project_id, task_id, kind, description, owner_department_id, due_date, status,
                                          cleared_at, cleared_by_name)
       SELECT $1, u.task_id, u.kind::make_ready_kind, u.description, u.owner, u.due, u.status::make_ready_status,
              CASE WHEN u.status = 'cleared' THEN now() END, CASE WHEN u.status = 'cleared' THEN '基准' END
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::date[], $7::text[])
           AS u(task_id, kind, description, owner, due, status)`,
      [projectId, ...Array.from({ length: 6 }, (_, k) => part(k))],
    );
    // As autovacuum leaves a database in use: statistics and hint bits set.
    await client.query('VACUUM ANALYZE tasks, dependencies, make_ready_constraints');
    const open = rows.filter((row) => row[5] === 'open').length;
    return { projectId, tasks: tasks.length, links: links.length, constraints: rows.length, open };
  } finally {
    await client.end();
  }
}
