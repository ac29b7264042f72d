import { TestApp } from '../testing/test-app';

type Json = Record<string, unknown>;

/** Shanghai has no DST: local 08:00 is 00:00Z. */
export const local = (dateTime: string) => `${dateTime}:00+08:00`;
/** The ISO instant the API writes for a Shanghai local date-time ('2026-11-02T08:00'). */
export const utc = (dateTime: string) => new Date(local(dateTime)).toISOString();

/** Mondays to Fridays 08:00–12:00 and 14:00–18:00: the residential noise rules with a noon break. */
export const NOON_BREAK = Object.fromEntries(
  ['1', '2', '3', '4', '5'].map((day) => [
    day,
    [
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ],
  ]),
);

/**
 * Reference data shared by the scheduling tests: three departments with one contractor and
 * crew each, a compound with a building and a unit plus a second compound, and the calendar
 * 和平新村施工日历 (noon break; Wednesday 2026-11-04 off; Thursday 2026-11-05 afternoon blacked
 * out for an exam).
 */
export interface SchedulingWorld {
  departments: { power: string; construction: string; telecom: string };
  crews: { cable: string; civil: string; fibre: string };
  locations: { compound: string; building: string; unit: string; otherCompound: string };
  calendar: string;
  post(path: string, body: Json): Promise<Json>;
  id(path: string, body: Json): Promise<string>;
  /** A project starting Monday 2026-11-02 on the shared calendar. */
  project(code: string): Promise<string>;
  /** A task of a project; Chinese title, times as given. */
  task(projectId: string, title: string, fields: Json): Promise<string>;
  link(predecessorId: string, successorId: string, type?: string, lagMinutes?: number): Promise<string>;
  /** A task as the admin reads it. */
  read(taskId: string): Promise<Json>;
}

export async function buildSchedulingWorld(t: TestApp): Promise<SchedulingWorld> {
  const post = async (path: string, body: Json): Promise<Json> => {
    const response = await t.http.post(path).send(body);
    if (response.status !== 201) {
      throw new Error(`POST ${path} answered ${response.status} ${JSON.stringify(response.body)}`);
    }
    return response.body;
  };
  const id = async (path: string, body: Json) => (await post(path, body))['id'] as string;

  const departments = {
    power: await id('/api/departments', { kind: 'power', name: '国网沈阳供电公司' }),
    construction: await id('/api/departments', { kind: 'city_construction', name: '和平区城建局' }),
    telecom: await id('/api/departments', { kind: 'telecom', name: '中国移动沈阳分公司' }),
  };
  const crew = async (department: string, contractor: string, name: string, leaderName: string) =>
    id('/api/crews', {
      name,
      leaderName,
      contractorId: await id('/api/contractors', { name: contractor, departmentId: department }),
    });
  const crews = {
    cable: await crew(departments.power, '沈阳电力工程有限公司', '电缆一班', '王建国'),
    civil: await crew(departments.construction, '沈阳市政建设集团', '沟槽一班', '赵立新'),
    fibre: await crew(departments.telecom, '辽宁通信工程公司', '光缆一班', '李强'),
  };
  const compound = await id('/api/locations', { kind: 'compound', name: '和平新村' });
  const building = await id('/api/locations', { kind: 'building', name: '1号楼', parentId: compound });
  const locations = {
    compound,
    building,
    unit: await id('/api/locations', { kind: 'unit', name: '1单元', parentId: building }),
    otherCompound: await id('/api/locations', { kind: 'compound', name: '八经小区' }),
  };
  const calendar = await id('/api/calendars', { name: '和平新村施工日历', weeklyWindows: NOON_BREAK });
  await post('/api/calendar-exceptions', {
    calendarId: calendar,
    date: '2026-11-04',
    kind: 'holiday',
    name: '社区停工日',
  });
  await post('/api/blackout-windows', {
    calendarId: calendar,
    startsAt: local('2026-11-05T14:00'),
    endsAt: local('2026-11-05T18:00'),
    reason: '区统考(126中学考点)',
  });

  return {
    departments,
    crews,
    locations,
    calendar,
    post,
    id,
    project: (code) =>
      id('/api/projects', {
        code,
        name: `和平新村飞线入地 ${code}`,
        calendarId: calendar,
        timeZone: 'Asia/Shanghai',
        startDate: '2026-11-02',
      }),
    task: (projectId, title, fields) => id('/api/tasks', { projectId, title, ...fields }),
    link: (predecessorId, successorId, type = 'FS', lagMinutes = 0) =>
      id('/api/dependencies', { predecessorId, successorId, type, lagMinutes }),
    read: async (taskId) => (await t.http.get(`/api/tasks/${taskId}`).expect(200)).body,
  };
}

/**
 * The textbook network of the scheduling tests, created a week late (Monday 2026-11-09, no
 * constraint) so that a recompute has to bring it back to the project start:
 *
 *   A 电力 240 min                      (cable crew)
 *   B 城建 480 min, FS A +60            (civil crew)
 *   C 电力 360 min, SS A +120           (cable crew)
 *   D 移动 240 min, FF B +0             (fibre crew)
 *   E 城建 120 min, SF C +600           (civil crew)
 *   F 移动 480 min, FS D, FS E          (fibre crew)
 */
export async function buildTextbook(world: SchedulingWorld, projectId: string) {
  const late = { plannedStart: local('2026-11-09T08:00'), constraintType: null, constraintAt: null };
  const { crews } = world;
  const ids = {
    A: await world.task(projectId, 'A 电力电缆停电切改', { ...late, durationMinutes: 240, crewId: crews.cable }),
    B: await world.task(projectId, 'B 城建沟槽开挖', { ...late, durationMinutes: 480, crewId: crews.civil }),
    C: await world.task(projectId, 'C 电力管井清理', { ...late, durationMinutes: 360, crewId: crews.cable }),
    D: await world.task(projectId, 'D 移动光缆穿管', { ...late, durationMinutes: 240, crewId: crews.fibre }),
    E: await world.task(projectId, 'E 城建回填准备', { ...late, durationMinutes: 120, crewId: crews.civil }),
    F: await world.task(projectId, 'F 移动光缆熔接', { ...late, durationMinutes: 480, crewId: crews.fibre }),
  };
  const links = {
    AB: await world.link(ids.A, ids.B, 'FS', 60),
    AC: await world.link(ids.A, ids.C, 'SS', 120),
    BD: await world.link(ids.B, ids.D, 'FF', 0),
    CE: await world.link(ids.C, ids.E, 'SF', 600),
    DF: await world.link(ids.D, ids.F, 'FS', 0),
    EF: await world.link(ids.E, ids.F, 'FS', 0),
  };
  return { ids, links };
}
