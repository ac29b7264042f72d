import { ContractorEntity, CrewChannelEntity, CrewEntity, DepartmentEntity } from '@worksite/server-data-access';
import { ChannelKind, Language } from '@worksite/shared-domain';
import { CrewSpec, DEPARTMENTS, DepartmentKey, RobotKind } from './data/organisations.data';
import { demoId } from './demo-id';
import { crewKey } from './plan-types';
import { SeedWriter } from './seed-writer';

/** Ids of the seeded organisations, by department key and by crew key. */
export interface SeededOrganisations {
  departments: Map<DepartmentKey, string>;
  crews: Map<string, string>;
  /** Crews that take the planned works, per department (crew keys). */
  workCrews: Partial<Record<DepartmentKey, string[]>>;
}

/** Departments, their contractors, crews and the crews' channels. */
export async function seedOrganisations(writer: SeedWriter): Promise<SeededOrganisations> {
  const departmentNames = new Map(DEPARTMENTS.map((d) => [d.name, d.key]));
  const byName = await writer.ensure(
    DepartmentEntity,
    DEPARTMENTS.map((d) => ({
      key: d.name,
      id: demoId('department', d.name),
      row: { kind: d.kind, name: d.name, color: d.color, contactName: d.contact, contactPhone: d.phone },
    })),
    await writer.idsByKey('SELECT id, name AS key FROM departments WHERE name = ANY($1) ORDER BY created_at', [
      [...departmentNames.keys()],
    ]),
  );
  const departments = new Map([...byName].map(([name, id]) => [departmentNames.get(name) as DepartmentKey, id]));

  const contractorSpecs = DEPARTMENTS.flatMap((d) => d.contractors.map((c) => ({ ...c, department: d.key })));
  const contractors = await writer.ensure(
    ContractorEntity,
    contractorSpecs.map((c) => ({
      key: c.name,
      id: demoId('contractor', c.name),
      row: {
        name: c.name,
        departmentId: departments.get(c.department),
        contactName: c.contact,
        contactPhone: c.phone,
      },
    })),
    await writer.idsByKey('SELECT id, name AS key FROM contractors WHERE name = ANY($1) ORDER BY created_at', [
      contractorSpecs.map((c) => c.name),
    ]),
  );

  const crewSpecs = contractorSpecs.flatMap((c) =>
    c.crews.map((crew) => ({ ...crew, contractor: c.name, department: c.department })),
  );
  // Crews are unique per contractor: key them by the contractor's id, which may be adopted.
  const crewRowKey = (crew: { contractor: string; name: string }) => `${contractors.get(crew.contractor)}/${crew.name}`;
  const crewIds = await writer.ensure(
    CrewEntity,
    crewSpecs.map((crew) => ({
      key: crewRowKey(crew),
      id: demoId('crew', crew.contractor, crew.name),
      row: {
        name: crew.name,
        contractorId: contractors.get(crew.contractor),
        departmentId: departments.get(crew.department),
        leaderName: crew.leader,
        leaderPhone: crew.phone,
        language: crew.language === 'en' ? Language.En : Language.ZhCN,
      },
    })),
    await writer.idsByKey(
      `SELECT id, contractor_id || '/' || name AS key FROM crews
       WHERE contractor_id = ANY($1::uuid[]) ORDER BY created_at`,
      [[...contractors.values()]],
    ),
  );
  const crews = new Map(
    crewSpecs.map((crew) => [crewKey(crew.contractor, crew.name), crewIds.get(crewRowKey(crew)) as string]),
  );

  await writer.insert(
    CrewChannelEntity,
    crewSpecs.flatMap((crew) => {
      const key = crewKey(crew.contractor, crew.name);
      return channelsOf(key, crew).map((channel) => ({
        ...channel,
        id: demoId('crew-channel', key, channel.kind),
        crewId: crews.get(key),
      }));
    }),
  );

  const workCrews: Partial<Record<DepartmentKey, string[]>> = {};
  for (const crew of crewSpecs) {
    if (crew.role === 'standby') continue;
    (workCrews[crew.department] ??= []).push(crewKey(crew.contractor, crew.name));
  }
  return { departments, crews, workCrews };
}

/**
 * Every crew gets an email (enabled); SMS and group-chat robots are disabled in the demo,
 * which has no internet. Robot URLs follow each provider's webhook format with a demo key.
 */
export function channelsOf(key: string, crew: CrewSpec) {
  const channels: { kind: ChannelKind; address: string; secret: string | null; enabled: boolean }[] = [
    { kind: ChannelKind.Email, address: `${crew.handle}@example.com`, secret: null, enabled: true },
  ];
  if (crew.sms) channels.push({ kind: ChannelKind.Sms, address: crew.phone, secret: null, enabled: false });
  if (crew.robot) channels.push({ ...robotOf(crew.robot, key), enabled: false });
  return channels;
}

function robotOf(kind: RobotKind, key: string): { kind: ChannelKind; address: string; secret: string | null } {
  const token = demoId('robot-token', key);
  const hex = (token + demoId('robot-token-2', key)).replace(/-/g, '');
  switch (kind) {
    case 'wecom':
      return {
        kind: ChannelKind.WeCom,
        address: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${token}`,
        secret: null,
      };
    case 'dingtalk':
      return {
        kind: ChannelKind.DingTalk,
        address: `https://oapi.dingtalk.com/robot/send?access_token=${hex}`,
        secret: `SEC${demoId('robot-secret', key).replace(/-/g, '')}${hex.slice(0, 32)}`,
      };
    case 'feishu':
      return {
        kind: ChannelKind.Feishu,
        address: `https://open.feishu.cn/open-apis/bot/v2/hook/${token}`,
        secret: demoId('robot-secret', key).replace(/-/g, '').slice(0, 22),
      };
  }
}
