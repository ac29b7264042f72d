import { MakeReadyConstraintEntity } from '@worksite/server-data-access';
import { ConstraintKind } from '@worksite/shared-make-ready';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { COORDINATOR, DepartmentKey } from './data/organisations.data';
import { demoId } from './demo-id';
import { SeededOrganisations } from './seed-organisations';
import { SeedWriter } from './seed-writer';

const HOUR = 3_600_000;

/** A task the demo puts constraints on, found in the plan as laid out around today. */
interface Pick {
  id: string;
  start: string;
  department: string;
  announcement: string | null;
  posted: boolean;
}

/** One demo constraint: on which task, what, whose, due when (days from today), cleared or not. */
interface DemoConstraint {
  key: string;
  task: Pick | undefined;
  kind: ConstraintKind;
  description: string;
  owner: { department?: DepartmentKey; user?: string | null };
  dueInDays: number;
  cleared?: boolean;
}

/**
 * Make-ready constraints on the 飞线入地 project's coming work, so that the look-ahead and the
 * "not ready" markers show something real on first start: a dig permit and an approved outage
 * window still open (due in the next days), materials for power work that a 城建 trench waits for
 * (what that agency sees upstream of its tasks), materials owned by the power crew lead, the residents told of the next power
 * cut (linked to its announcement: cleared once posted), an escort and a predecessor check already
 * cleared. Only for a project without constraints (a later run adds none). Returns how many.
 */
export async function seedMakeReady(
  { writer, org, now }: { writer: SeedWriter; org: SeededOrganisations; now: number },
  projectCode: string,
): Promise<number> {
  const { manager } = writer;
  const [project]: { id: string; time_zone: string }[] = await manager.query(
    'SELECT id, time_zone FROM projects WHERE code = $1',
    [projectCode],
  );
  if (!project) return 0;
  const [{ n }] = await manager.query('SELECT count(*)::int AS n FROM make_ready_constraints WHERE project_id = $1', [
    project.id,
  ]);
  if (n > 0) return 0;
  const today = localDateOf(now, project.time_zone);
  const department = (key: DepartmentKey) => org.departments.get(key) ?? null;
  /** The first pending task starting from `fromDays` days ahead that matches `condition` (t: the task). */
  const first = async (fromDays: number, condition: string, params: unknown[] = []): Promise<Pick | undefined> => {
    const [row]: Pick[] = await manager.query(
      `SELECT t.id, to_char(t.start_date, 'YYYY-MM-DD') AS start, t.department_id AS department,
              a.id AS announcement, a.state = 'posted' AS posted
         FROM tasks t LEFT JOIN announcements a ON a.task_id = t.id
        WHERE t.project_id = $1 AND t.status NOT IN ('done', 'cancelled') AND t.start_date >= $2 AND ${condition}
        ORDER BY t.planned_start, t.code LIMIT 1`,
      [project.id, addDays(today, fromDays), ...params],
    );
    return row;
  };
  const construction = department('construction');
  const dig = await first(1, 't.department_id = $3', [construction]);
  // Power work that 城建's next trench waits for: what the 城建 agency sees upstream of its tasks.
  const upstream = await first(
    1,
    `t.department_id = $3 AND EXISTS (SELECT 1 FROM dependencies d JOIN tasks s ON s.id = d.successor_id
       WHERE d.predecessor_id = t.id AND s.department_id = $4)`,
    [department('power'), construction],
  );
  const cut = await first(2, `t.interruption_kind = 'power'`);
  const crewLead: { id: string }[] = await manager.query(`SELECT id FROM users WHERE lower(username) = 'wangjianguo'`);
  const leadCrews = [
    org.crews.get('国网沈阳供电公司和平供电中心/电缆一班'),
    org.crews.get('国网沈阳供电公司和平供电中心/电缆二班'),
  ];
  const cable = await first(1, 't.crew_id = ANY($3::uuid[])', [leadCrews.filter(Boolean)]);
  const fibre = await first(3, 't.department_id = $3', [department('mobile')]);
  const appearance = await first(1, 't.department_id = $3', [department('appearance')]);

  const wanted: DemoConstraint[] = [
    {
      key: 'dig-permit',
      task: dig,
      kind: 'dig_permit',
      description: '城市道路挖掘许可（和平区城建局）：八经街人行道破路开挖',
      owner: { department: 'construction' },
      dueInDays: 1,
    },
    {
      key: 'upstream-power-work',
      task: upstream,
      kind: 'materials',
      description: '电缆保护管 DN150 及电缆井盖进场',
      owner: { department: 'power' },
      dueInDays: 2,
    },
    {
      key: 'outage-approval',
      task: cut,
      kind: 'outage_approval',
      description: '停电计划批复（供电公司调度）',
      owner: { department: 'power' },
      dueInDays: 3,
    },
    {
      key: 'residents-told',
      task: cut,
      kind: 'residents_told',
      description: '停电通知已在楼栋居民群和单元门张贴',
      owner: { user: null },
      dueInDays: 1,
      cleared: !!cut?.posted,
    },
    {
      key: 'cable-materials',
      task: cable,
      kind: 'materials',
      description: 'YJV22-4×95 电缆 200 米、电缆分支箱 2 台到场',
      owner: { user: crewLead[0]?.id ?? null },
      dueInDays: 1,
    },
    {
      key: 'fibre-predecessor',
      task: fibre,
      kind: 'predecessor_done',
      description: '管沟已回填、子管已穿好',
      owner: { department: 'construction' },
      dueInDays: 2,
      cleared: true,
    },
    {
      key: 'escort',
      task: appearance,
      kind: 'escort',
      description: '派出所民警现场维持秩序（拆除架空线）',
      owner: { department: 'police' },
      dueInDays: 0,
      cleared: true,
    },
  ];
  const rows = wanted.flatMap((c) => {
    if (!c.task) return [];
    const ownerDepartmentId = c.owner.department ? department(c.owner.department) : null;
    const due = addDays(today, c.dueInDays);
    return [
      {
        id: demoId('make-ready-constraint', projectCode, c.key),
        projectId: project.id,
        taskId: c.task.id,
        kind: c.kind,
        description: c.description,
        ownerDepartmentId,
        ownerUserId: ownerDepartmentId ? null : (c.owner.user ?? null),
        // Never due after the work starts.
        dueDate: due < c.task.start ? due : c.task.start,
        status: c.cleared ? ('cleared' as const) : ('open' as const),
        clearedAt: c.cleared ? new Date(now - 5 * HOUR) : null,
        clearedByName: c.cleared ? COORDINATOR.name : null,
        announcementId: c.kind === 'residents_told' ? c.task.announcement : null,
      },
    ];
  });
  return writer.insert(MakeReadyConstraintEntity, rows);
}
