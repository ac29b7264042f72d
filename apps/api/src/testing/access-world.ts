import { Role } from '@worksite/shared-domain';
import { TestApp } from './test-app';

type Json = Record<string, unknown>;
export type Agent = Awaited<ReturnType<TestApp['as']>>;

/**
 * Two of everything, seen from the roles: "own" objects belong to the signed-in user's
 * project, department or crew, "other" objects to someone else's.
 *
 *   project P1 (coordinator's)      project P2
 *   T1 power, crew C1 (contractor's) → T3 telecom, crew C2      T2 telecom, crew C2
 *   agency = power department D1; T3 is directly linked to D1's T1.
 */
export interface AccessWorld {
  ids: {
    departmentOwn: string;
    departmentOther: string;
    contractorOwn: string;
    contractorOther: string;
    crewOwn: string;
    crewOther: string;
    channelOwn: string;
    channelOther: string;
    calendar: string;
    locationOwn: string;
    locationOther: string;
    projectOwn: string;
    projectOther: string;
    taskOwn: string;
    taskLinked: string;
    taskOther: string;
    linkOwn: string;
    linkOther: string;
  };
  users: Record<'admin' | 'coordinator' | 'contractor' | 'agency' | 'viewer', Agent>;
  /** Creates a row as the administrator and returns its id. */
  create(path: string, body: Json): Promise<string>;
  /** The current version of a row (read as the administrator). */
  version(path: string): Promise<number>;
}

export async function buildAccessWorld(t: TestApp): Promise<AccessWorld> {
  const create = async (path: string, body: Json): Promise<string> => {
    const response = await t.http.post(path).send(body);
    if (response.status !== 201) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id;
  };
  const version = async (path: string): Promise<number> => (await t.http.get(path).expect(200)).body.version;

  const departmentOwn = await create('/api/departments', { kind: 'power', name: '国网沈阳供电公司' });
  const departmentOther = await create('/api/departments', { kind: 'telecom', name: '中国移动沈阳分公司' });
  // Contact data (phones, addresses) is personal: the matrix checks who gets to see it.
  const contractorOwn = await create('/api/contractors', {
    name: '和平供电中心',
    departmentId: departmentOwn,
    contactPhone: '024-23410001',
  });
  const contractorOther = await create('/api/contractors', {
    name: '中移建设',
    departmentId: departmentOther,
    contactPhone: '024-23410002',
  });
  const crewOwn = await create('/api/crews', {
    name: '电缆一班',
    contractorId: contractorOwn,
    leaderName: '王建国',
    leaderPhone: '13912340001',
  });
  const crewOther = await create('/api/crews', {
    name: '线路一班',
    contractorId: contractorOther,
    leaderName: '马春雷',
    leaderPhone: '13912340002',
  });
  const channelOwn = await create('/api/crew-channels', { crewId: crewOwn, kind: 'email', address: 'c1@example.com' });
  await create('/api/crew-channels', { crewId: crewOwn, kind: 'sms', address: '13912349001' });
  const channelOther = await create('/api/crew-channels', {
    crewId: crewOther,
    kind: 'email',
    address: 'c2@example.com',
  });
  const calendar = await create('/api/calendars', { name: '施工日历' });
  const compoundOwn = await create('/api/locations', { kind: 'compound', name: '八经小区' });
  const locationOwn = await create('/api/locations', { kind: 'building', name: '32号楼', parentId: compoundOwn });
  const locationOther = await create('/api/locations', { kind: 'compound', name: '南八马路小区' });
  const projectOwn = await create('/api/projects', {
    code: 'P1',
    name: '飞线入地',
    calendarId: calendar,
    startDate: '2026-12-01',
  });
  const projectOther = await create('/api/projects', {
    code: 'P2',
    name: '管网改造',
    calendarId: calendar,
    startDate: '2026-12-01',
  });
  const task = (projectId: string, crewId: string, locationId: string, title: string) =>
    create('/api/tasks', {
      projectId,
      crewId,
      locationId,
      title,
      plannedStart: '2026-12-01T08:00:00+08:00',
      durationMinutes: 240,
    });
  const taskOwn = await task(projectOwn, crewOwn, locationOwn, '电力电缆敷设');
  const taskLinked = await task(projectOwn, crewOther, locationOwn, '光缆割接');
  const taskOther = await task(projectOther, crewOther, locationOther, '管沟开挖');
  const taskOther2 = await task(projectOther, crewOther, locationOther, '路面恢复');
  const linkOwn = await create('/api/dependencies', { predecessorId: taskOwn, successorId: taskLinked });
  const linkOther = await create('/api/dependencies', { predecessorId: taskOther, successorId: taskOther2 });

  const users = {
    admin: await t.as({ role: Role.Admin }),
    coordinator: await t.as({ role: Role.Coordinator, projectIds: [projectOwn] }),
    contractor: await t.as({ role: Role.Contractor, crewIds: [crewOwn] }),
    agency: await t.as({ role: Role.Agency, departmentId: departmentOwn }),
    viewer: await t.as({ role: Role.Viewer }),
  };
  return {
    ids: {
      departmentOwn,
      departmentOther,
      contractorOwn,
      contractorOther,
      crewOwn,
      crewOther,
      channelOwn,
      channelOther,
      calendar,
      locationOwn,
      locationOther,
      projectOwn,
      projectOther,
      taskOwn,
      taskLinked,
      taskOther,
      linkOwn,
      linkOther,
    },
    users,
    create,
    version,
  };
}
