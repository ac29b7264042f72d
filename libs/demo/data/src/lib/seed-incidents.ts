import {
  IncidentDepartmentEntity,
  IncidentEntity,
  IncidentEventEntity,
  OnCallRosterEntity,
  PlaybookEntity,
} from '@worksite/server-data-access';
import {
  IncidentDepartmentStatus,
  IncidentEventKind,
  IncidentKind,
  IncidentSeverity,
  IncidentStatus,
  Role,
  TaskStatus,
} from '@worksite/shared-domain';
import { addDays, instantOf } from '@worksite/shared-util-time';
import { FIRE_PROJECT } from './cable-fire';
import { FIRE_BUILDING, FIRE_COMPOUND, FIRE_UNIT } from './data/community.data';
import { COORDINATOR, DEPARTMENTS, DepartmentKey } from './data/organisations.data';
import { PLAYBOOKS } from './data/playbooks.data';
import { DEMO_USERS } from './data/users.data';
import { demoId } from './demo-id';
import { crewKey, locationKey } from './plan-types';
import { SeedContext } from './seed-projects';

/** The cable fire's steps (task keys of cable-fire.ts) as playbook steps of the incident. */
const FIRE_STEPS: Record<string, string> = {
  电力抢修: 'power-restored',
  派出所: 'police',
  居民群: 'residents',
  中国移动: 'mobile',
  中国电信: 'telecom',
  中国联通: 'unicom',
  资料: 'paperwork',
};

type Moment = [day: 0 | 1, time: string];

/** Who was called out and how the afternoon went (the story; 联通 stayed silent and was escalated). */
const FIRE_DEPARTMENTS: {
  department: DepartmentKey;
  crew: [contractor: string, crew: string];
  notified: Moment;
  acknowledged: Moment;
  escalated?: Moment;
  onSite: Moment;
  done: Moment;
}[] = [
  {
    department: 'power',
    crew: ['国网沈阳供电公司和平供电中心', '抢修班'],
    notified: [0, '14:02'],
    acknowledged: [0, '14:04'],
    onSite: [0, '14:18'],
    done: [0, '16:30'],
  },
  {
    department: 'police',
    crew: ['南市场派出所社区警务队', '八经警务室'],
    notified: [0, '14:02'],
    acknowledged: [0, '14:03'],
    onSite: [0, '14:12'],
    done: [0, '16:45'],
  },
  {
    department: 'community',
    crew: ['和平新村社区网格服务站', '网格员一组'],
    notified: [0, '14:02'],
    acknowledged: [0, '14:05'],
    onSite: [0, '14:25'],
    done: [0, '16:45'],
  },
  {
    department: 'mobile',
    crew: ['中移建设有限公司辽宁分公司', '装维组'],
    notified: [0, '14:02'],
    acknowledged: [0, '14:08'],
    onSite: [0, '16:40'],
    done: [0, '18:00'],
  },
  {
    department: 'telecom',
    crew: ['中通服建设有限公司沈阳分公司', '光缆一班'],
    notified: [0, '14:02'],
    acknowledged: [0, '14:09'],
    onSite: [0, '16:40'],
    done: [1, '09:30'],
  },
  {
    department: 'unicom',
    crew: ['沈阳联通通信工程有限公司', '接入组'],
    notified: [0, '14:02'],
    escalated: [0, '14:12'],
    acknowledged: [0, '14:26'],
    onSite: [1, '08:00'],
    done: [1, '11:00'],
  },
];

/**
 * The emergencies part of the demo: the four playbooks, an on-call roster per department (the
 * standby crew on duty, the department's contact as duty lead), and the cable fire of 10月27日 as
 * an incident of the community — its project (HPXC-QX1027) is the incident's, with the timeline
 * of the afternoon. Idempotent like the rest of the seed (deterministic ids, ON CONFLICT DO NOTHING).
 */
export async function seedIncidents(ctx: SeedContext): Promise<number> {
  const { writer, org } = ctx;
  const dept = (key: DepartmentKey) => org.departments.get(key) as string;
  await writer.insert(
    PlaybookEntity,
    PLAYBOOKS.map((p) => ({
      id: demoId('playbook', p.kind),
      kind: p.kind,
      name: p.name,
      departmentIds: p.alsoCall.map(dept),
      paperworkDepartmentId: dept(p.paperwork),
      safetyNotes: p.safety,
      steps: p.steps.map((s) => ({
        key: s.key,
        title: s.title,
        departmentId: dept(s.department),
        durationMinutes: s.minutes,
        dependsOn: s.after.map((step) => ({ step, type: 'FS', lagMinutes: 0 })),
        content: s.content,
        materials: s.materials ?? [],
        tools: s.tools ?? [],
        safetyNotes: s.safety,
        interruption: s.cut ?? null,
      })),
    })),
  );
  const standby = (key: DepartmentKey) => {
    const spec = DEPARTMENTS.find((d) => d.key === key);
    for (const contractor of spec?.contractors ?? []) {
      const crew = contractor.crews.find((c) => c.role === 'standby') ?? contractor.crews[0];
      if (crew) return org.crews.get(crewKey(contractor.name, crew.name)) ?? null;
    }
    return null;
  };
  await writer.insert(
    OnCallRosterEntity,
    DEPARTMENTS.map((d) => ({
      id: demoId('on-call-roster', d.key),
      departmentId: dept(d.key),
      dutyLeadName: d.contact,
      dutyLeadPhone: d.contractors[0]?.phone ?? d.phone,
      defaultCrewId: standby(d.key),
    })),
  );
  const [fire] = await writer.manager.query(
    `SELECT id AS "projectId", to_char(start_date, 'YYYY-MM-DD') AS date FROM projects WHERE code = $1`,
    [FIRE_PROJECT.code],
  );
  return fire ? seedCableFireIncident(ctx, fire) : 0;
}

async function seedCableFireIncident(ctx: SeedContext, fire: { projectId: string; date: string }): Promise<number> {
  const { writer, org, timeZone, now } = ctx;
  const at = ([day, time]: Moment) => instantOf(addDays(fire.date, day), time, timeZone);
  const task = (step: string) => demoId('task', `${FIRE_PROJECT.code}/${step}`);
  const username = DEMO_USERS.find((user) => user.role === Role.Coordinator)?.username;
  const [coordinator] = await writer.manager.query('SELECT id FROM users WHERE username = $1', [username]);
  if (!coordinator) return 0;
  const [paperwork] = await writer.manager.query('SELECT status FROM tasks WHERE id = $1', [task('资料')]);
  if (!paperwork) return 0;
  const reportedAt = at([0, '14:00']);
  const closedAt = at([1, '11:40']);
  const closed = paperwork.status === TaskStatus.Done && closedAt.getTime() <= now;
  const incidentId = demoId('incident', FIRE_PROJECT.code);
  const location = ctx.locations.get(locationKey.unit(FIRE_COMPOUND, FIRE_BUILDING, FIRE_UNIT)) as string;
  const inserted = await writer.insert(IncidentEntity, [
    {
      id: incidentId,
      code: `INC-${fire.date.replace(/-/g, '')}-01`,
      kind: IncidentKind.CableFire,
      severity: IncidentSeverity.Major,
      status: closed ? IncidentStatus.Closed : IncidentStatus.Open,
      title: '八经街32号楼1单元缓步台电缆起火',
      description: FIRE_PROJECT.description,
      callerName: '1单元2楼住户',
      callerPhone: '13700241027',
      reportedAt,
      reportedById: coordinator.id,
      locationId: location,
      accessNotes: '从八经街北门进入；1单元门禁已由网格员打开；缓步台外侧电缆井在1、2单元之间。',
      projectId: fire.projectId,
      paperworkTaskId: task('资料'),
      paperworkDueAt: new Date(reportedAt.getTime() + 24 * 3600_000),
      closedAt: closed ? closedAt : null,
      closedById: closed ? coordinator.id : null,
    },
  ]);
  if (!inserted) return 0;
  for (const [step, key] of Object.entries(FIRE_STEPS)) {
    await writer.manager.query(
      'INSERT INTO incident_tasks (task_id, incident_id, step_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [task(step), incidentId, key],
    );
  }
  const past = (moment: Moment) => (at(moment).getTime() <= now ? at(moment) : null);
  const reached = (d: (typeof FIRE_DEPARTMENTS)[number]) =>
    past(d.done)
      ? IncidentDepartmentStatus.Done
      : past(d.onSite)
        ? IncidentDepartmentStatus.OnSite
        : IncidentDepartmentStatus.Acknowledged;
  await writer.insert(
    IncidentDepartmentEntity,
    FIRE_DEPARTMENTS.map((d) => ({
      id: demoId('incident-department', incidentId, d.department),
      incidentId,
      departmentId: org.departments.get(d.department),
      crewId: org.crews.get(crewKey(...d.crew)) ?? null,
      dutyLeadName: DEPARTMENTS.find((s) => s.key === d.department)?.contact ?? null,
      dutyLeadPhone: DEPARTMENTS.find((s) => s.key === d.department)?.contractors[0]?.phone ?? null,
      status: reached(d),
      notifiedAt: at(d.notified),
      acknowledgedAt: at(d.acknowledged),
      onSiteAt: past(d.onSite),
      doneAt: past(d.done),
      escalationDueAt: null,
      escalatedAt: d.escalated ? at(d.escalated) : null,
    })),
  );
  const events: {
    kind: IncidentEventKind;
    at: Date | null;
    actor: string;
    actorKind: 'user' | 'crew' | 'system';
    department?: DepartmentKey;
    detail?: Record<string, unknown>;
  }[] = [
    {
      kind: IncidentEventKind.Reported,
      at: reportedAt,
      actor: COORDINATOR.name,
      actorKind: 'user',
      detail: { callerName: '1单元2楼住户' },
    },
    ...FIRE_DEPARTMENTS.flatMap((d) => [
      {
        kind: IncidentEventKind.Notified,
        at: at(d.notified),
        actor: 'system',
        actorKind: 'system' as const,
        department: d.department,
        detail: { channel: 'email' },
      },
      ...(d.escalated
        ? [
            {
              kind: IncidentEventKind.Escalated,
              at: at(d.escalated),
              actor: 'system',
              actorKind: 'system' as const,
              department: d.department,
              detail: { minutes: 10 },
            },
          ]
        : []),
      {
        kind: IncidentEventKind.Acknowledged,
        at: at(d.acknowledged),
        actor: d.crew[1],
        actorKind: 'crew' as const,
        department: d.department,
        detail: { via: 'link' },
      },
      {
        kind: IncidentEventKind.OnSite,
        at: past(d.onSite),
        actor: d.crew[1],
        actorKind: 'crew' as const,
        department: d.department,
      },
      {
        kind: IncidentEventKind.Done,
        at: past(d.done),
        actor: d.crew[1],
        actorKind: 'crew' as const,
        department: d.department,
      },
    ]),
    {
      kind: IncidentEventKind.ResidentPostSent,
      at: at([0, '14:30']),
      actor: '白雪',
      actorKind: 'user',
      department: 'community',
      detail: {
        channel: '32号楼居民群',
        text: '【紧急抢修】32号楼1单元缓步台电缆起火已扑灭，供电公司正在抢修，请勿靠近1单元缓步台。',
      },
    },
    {
      kind: IncidentEventKind.ResidentPostSent,
      at: at([0, '16:35']),
      actor: '白雪',
      actorKind: 'user',
      department: 'community',
      detail: { channel: '32号楼居民群', text: '【紧急抢修】32号楼已恢复供电，移动、电信、联通正在抢修通信线路。' },
    },
    {
      kind: IncidentEventKind.Closed,
      at: closed ? closedAt : null,
      actor: COORDINATOR.name,
      actorKind: 'user',
      detail: { note: '事故资料已报南市场街道' },
    },
  ];
  await writer.insert(
    IncidentEventEntity,
    events
      .filter((e) => e.at !== null)
      .map((e, index) => ({
        id: demoId('incident-event', incidentId, String(index), e.kind),
        incidentId,
        kind: e.kind,
        at: e.at as Date,
        actorKind: e.actorKind,
        actorName: e.actor,
        actorId: e.actorKind === 'user' && e.actor === COORDINATOR.name ? coordinator.id : null,
        departmentId: e.department ? (org.departments.get(e.department) ?? null) : null,
        taskId: null,
        detail: (e.detail ?? {}) as never,
      })),
  );
  return 1;
}
