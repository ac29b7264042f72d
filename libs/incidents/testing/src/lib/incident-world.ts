import { DepartmentKind, IncidentKind, PlaybookRequest } from '@worksite/shared-domain';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** The departments of the cable fire, by key. */
export type WorldDepartment = 'power' | 'mobile' | 'telecom' | 'unicom' | 'construction' | 'community';

const DEPARTMENTS: [WorldDepartment, DepartmentKind, string][] = [
  ['power', DepartmentKind.Power, '供电公司'],
  ['mobile', DepartmentKind.Telecom, '中国移动'],
  ['telecom', DepartmentKind.Telecom, '中国电信'],
  ['unicom', DepartmentKind.Telecom, '中国联通'],
  ['construction', DepartmentKind.CityConstruction, '城建'],
  ['community', DepartmentKind.Community, '社区'],
];

export interface IncidentWorld {
  tag: string;
  departments: Record<WorldDepartment, string>;
  /** The on-duty crew of each department (the call-outs go to it), with its email. */
  crews: Record<WorldDepartment, { id: string; name: string; email: string }>;
  /** A second crew of each department, off duty. */
  offDuty: Record<WorldDepartment, string>;
  compoundId: string;
  buildingId: string;
  unitId: string;
  /** The unit's households, and the building's (3 units). */
  households: { unit: number; building: number };
}

/**
 * A community for incident tests and the benchmark: the six departments of the cable fire,
 * two crews each (every crew with an email; `channels` adds more per department), and a
 * compound → building (3 units × 12 households) → unit. Plain SQL, one transaction.
 */
export async function seedIncidentWorld(
  dataSource: DataSource,
  options: {
    channels?: (department: WorldDepartment) => { kind: string; address: string }[];
    emailDomain?: string;
  } = {},
): Promise<IncidentWorld> {
  const tag = randomBytes(4).toString('hex');
  const domain = options.emailDomain ?? `${tag}.incident.test`;
  return dataSource.transaction(async (manager) => {
    const q = async (sql: string, params: unknown[]) => (await manager.query(sql, params)) as { id: string }[];
    const departments = {} as IncidentWorld['departments'];
    const crews = {} as IncidentWorld['crews'];
    const offDuty = {} as IncidentWorld['offDuty'];
    for (const [key, kind, name] of DEPARTMENTS) {
      const [department] = await q('INSERT INTO departments (kind, name) VALUES ($1, $2) RETURNING id', [
        kind,
        `${name} ${tag}`,
      ]);
      departments[key] = department.id;
      const [contractor] = await q('INSERT INTO contractors (name, department_id) VALUES ($1, $2) RETURNING id', [
        `${name}施工 ${tag}`,
        department.id,
      ]);
      for (const shift of ['抢修班', '二班']) {
        const [crew] = await q(
          `INSERT INTO crews (name, contractor_id, department_id, leader_name, leader_phone) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [
            `${name}${shift}`,
            contractor.id,
            department.id,
            `${name}班长`,
            `139${randomBytes(4).readUInt32BE() % 100_000_000}`,
          ],
        );
        const email = `${key}-${shift === '抢修班' ? 'duty' : 'off'}@${domain}`;
        await q(`INSERT INTO crew_channels (crew_id, kind, address) VALUES ($1, 'email', $2) RETURNING id`, [
          crew.id,
          email,
        ]);
        if (shift === '抢修班') {
          crews[key] = { id: crew.id, name: `${name}${shift}`, email };
          for (const channel of options.channels?.(key) ?? []) {
            await q(
              `INSERT INTO crew_channels (crew_id, kind, address) VALUES ($1, $2::channel_kind, $3) RETURNING id`,
              [crew.id, channel.kind, channel.address],
            );
          }
        } else offDuty[key] = crew.id;
      }
    }
    const [compound] = await q(
      `INSERT INTO locations (kind, name, address, households) VALUES ('compound', $1, '八经街32号', 36) RETURNING id`,
      [`八经小区 ${tag}`],
    );
    const [building] = await q(
      `INSERT INTO locations (kind, name, parent_id, address, households) VALUES ('building', '32号楼', $1, '八经街32号', 36) RETURNING id`,
      [compound.id],
    );
    const units: string[] = [];
    for (const n of [1, 2, 3]) {
      const [unit] = await q(
        `INSERT INTO locations (kind, name, parent_id, households) VALUES ('unit', $1, $2, 12) RETURNING id`,
        [`${n}单元`, building.id],
      );
      units.push(unit.id);
    }
    return {
      tag,
      departments,
      crews,
      offDuty,
      compoundId: compound.id,
      buildingId: building.id,
      unitId: units[0],
      households: { unit: 12, building: 36 },
    };
  });
}

/**
 * The cable-fire playbook of the story: power made safe → power restored → China Mobile,
 * China Telecom and China Unicom in parallel → surfaces restored; the police and the
 * community called in as well (here: city construction restores the surfaces).
 */
export function cableFirePlaybook(world: Pick<IncidentWorld, 'departments'>): PlaybookRequest {
  const d = world.departments;
  const operator = (key: 'mobile' | 'telecom' | 'unicom', name: string) => ({
    key,
    title: `${name}线路抢修`,
    departmentId: d[key],
    durationMinutes: 90,
    dependsOn: [{ step: 'power-restored' }],
    content: `更换烧损的${name}光缆及网线，恢复用户业务。`,
    materials: [{ name: '皮线光缆', quantity: 200, unit: '米' }],
    tools: ['光纤熔接机', 'OTDR'],
    safetyNotes: '电力确认送电安全后方可作业；通信线缆与动力电缆分开敷设。',
    interruption: null,
  });
  return {
    kind: IncidentKind.CableFire,
    name: '电缆着火应急预案',
    departmentIds: [d.community],
    paperworkDepartmentId: d.community,
    safetyNotes: '确认明火扑灭、电缆冷却后方可作业。',
    steps: [
      {
        key: 'power-safe',
        title: '切断电源、现场安全隔离',
        departmentId: d.power,
        durationMinutes: 30,
        dependsOn: [],
        content: '切断32号楼电源，挂牌隔离，确认无复燃。',
        materials: [],
        tools: ['验电器', '接地线', '干粉灭火器'],
        safetyNotes: '断电挂牌（禁止合闸、有人工作）。',
        interruption: 'power',
      },
      {
        key: 'power-restored',
        title: '更换烧损动力电缆并恢复供电',
        departmentId: d.power,
        durationMinutes: 90,
        dependsOn: [{ step: 'power-safe' }],
        content: '拆除烧损动力电缆并与通信线缆分离，更换电缆及表箱，绝缘测试后送电。',
        materials: [{ name: '动力电缆YJV22-4×35', quantity: 40, unit: '米' }],
        tools: ['绝缘手套', '兆欧表'],
        safetyNotes: '动力电先修复，通信线路后修复。',
        interruption: 'power',
      },
      operator('mobile', '中国移动'),
      operator('telecom', '中国电信'),
      operator('unicom', '中国联通'),
      {
        key: 'surfaces',
        title: '恢复缓步台及墙面',
        departmentId: d.construction,
        durationMinutes: 120,
        dependsOn: [{ step: 'mobile' }, { step: 'telecom' }, { step: 'unicom' }],
        content: '清理烧损物，恢复缓步台外墙及线槽。',
        materials: [],
        tools: ['手推车'],
        safetyNotes: '',
        interruption: null,
      },
    ],
  };
}

/** Every called-in department's roster: its 抢修班 on duty now (a shift), the 二班 by default, a duty lead. */
export function rosterBody(world: IncidentWorld, key: WorldDepartment, now = Date.now()) {
  return {
    dutyLeadName: `值班负责人${key}`,
    dutyLeadPhone: `1390000${String(DEPARTMENTS.findIndex(([k]) => k === key)).padStart(4, '0')}`,
    defaultCrewId: world.offDuty[key],
    shifts: [
      {
        crewId: world.crews[key].id,
        startsAt: new Date(now - 3600_000).toISOString(),
        endsAt: new Date(now + 12 * 3600_000).toISOString(),
      },
    ],
  };
}

export const WORLD_DEPARTMENTS: readonly WorldDepartment[] = DEPARTMENTS.map(([key]) => key);
