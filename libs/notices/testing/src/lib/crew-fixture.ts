import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

/** A channel to add to each crew, besides its email. */
export interface FixtureChannel {
  kind: 'sms' | 'wecom' | 'dingtalk' | 'feishu';
  address: string;
  secret?: string | null;
}

export interface CrewsFixture {
  projectId: string;
  date: string;
  timeZone: string;
  crews: { id: string; name: string; email: string }[];
}

const WEEK = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((day) => [
    String(day),
    [
      { start: '08:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ],
  ]),
);

/**
 * A project with `crews` crews, each with an email channel (plus `channels(i)`), and
 * `tasksPerCrew` tasks on `date` (08:00–10:00, 10:00–12:00, 14:00–16:00, … local), all in
 * a handful of set-based statements so that 10,000 crews take seconds.
 */
export async function seedCrewsWithWork(
  dataSource: DataSource,
  options: {
    crews: number;
    date: string;
    timeZone?: string;
    tasksPerCrew?: number;
    channels?: (index: number) => FixtureChannel[];
    emailDomain?: string;
  },
): Promise<CrewsFixture> {
  const zone = options.timeZone ?? 'Asia/Shanghai';
  const tag = randomBytes(4).toString('hex');
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
    dataSource.query(sql, params) as Promise<T[]>;
  const [department] = await q<{ id: string }>(
    `INSERT INTO departments (kind, name) VALUES ('power', $1) RETURNING id`,
    [`测试供电 ${tag}`],
  );
  const [contractor] = await q<{ id: string }>(
    `INSERT INTO contractors (name, department_id) VALUES ($1, $2) RETURNING id`,
    [`测试施工单位 ${tag}`, department.id],
  );
  const [calendar] = await q<{ id: string }>(
    `INSERT INTO calendars (name, weekly_windows) VALUES ($1, $2) RETURNING id`,
    [`测试日历 ${tag}`, JSON.stringify(WEEK)],
  );
  const [project] = await q<{ id: string }>(
    `INSERT INTO projects (code, name, time_zone, calendar_id, start_date, coordinator_name, coordinator_phone)
     VALUES ($1, $2, $3, $4, $5::date - 7, '甄鸿波', '13800241100') RETURNING id`,
    [`T-${tag}`, `测试项目 ${tag}`, zone, calendar.id, options.date],
  );
  // Ten crews per compound, each compound with one building: "other crews on site" stays realistic.
  const compounds = await q<{ id: string }>(
    `INSERT INTO locations (kind, name, address)
     SELECT 'compound', $1 || c, '沈阳市和平区测试街' || c || '号' FROM generate_series(1, $2::int) c RETURNING id`,
    [`测试小区 ${tag} `, Math.max(1, Math.ceil(options.crews / 10))],
  );
  const buildings = await q<{ id: string }>(
    `INSERT INTO locations (kind, name, parent_id)
     SELECT 'building', '1号楼', unnest($1::uuid[]) RETURNING id`,
    [compounds.map((c) => c.id)],
  );
  const crews = await q<{ id: string; name: string; n: number }>(
    `INSERT INTO crews (name, contractor_id, department_id, leader_name, leader_phone, language)
     SELECT '测试班组' || i, $1, $2, '班长' || i, '1380000' || lpad(i::text, 4, '0'),
            (CASE WHEN i % 10 = 0 THEN 'en' ELSE 'zh-CN' END)::language
       FROM generate_series(1, $3::int) i
     RETURNING id, name, substring(name from 5)::int AS n`,
    [contractor.id, department.id, options.crews],
  );
  crews.sort((a, b) => a.n - b.n);
  const domain = options.emailDomain ?? `${tag}.fixture.test`;
  const emails = crews.map((crew) => `crew${crew.n}@${domain}`);
  await q(
    `INSERT INTO crew_channels (crew_id, kind, address, enabled)
     SELECT unnest($1::uuid[]), 'email', unnest($2::text[]), true`,
    [crews.map((crew) => crew.id), emails],
  );
  const extra = crews.flatMap((crew, index) =>
    (options.channels?.(index) ?? []).map((channel) => ({ crew: crew.id, ...channel })),
  );
  if (extra.length) {
    await q(
      `INSERT INTO crew_channels (crew_id, kind, address, secret, enabled)
       SELECT unnest($1::uuid[]), unnest($2::text[])::channel_kind, unnest($3::text[]), unnest($4::text[]), true`,
      [
        extra.map((c) => c.crew),
        extra.map((c) => c.kind),
        extra.map((c) => c.address),
        extra.map((c) => c.secret ?? null),
      ],
    );
  }
  const perCrew = options.tasksPerCrew ?? 1;
  const slots = ['08:00', '10:00', '14:00', '16:00'];
  await q(
    `INSERT INTO tasks (project_id, title, content, department_id, crew_id, location_id, planned_start, planned_finish,
                        start_date, finish_date, duration_minutes, materials, tools, safety_notes, status)
     SELECT $1, '敷设电缆 ' || c.n || '-' || t, '按图施工，第 ' || t || ' 段', $2, c.id, ($3::uuid[])[1 + ((c.n - 1) / 10) % array_length($3::uuid[], 1)],
            ($4::date + ($6::text[])[1 + ((t - 1) % 4)]::time) AT TIME ZONE $5,
            ($4::date + ($6::text[])[1 + ((t - 1) % 4)]::time + interval '2 hours') AT TIME ZONE $5,
            $4::date, $4::date, 120,
            jsonb_build_array(jsonb_build_object('name', '电缆', 'quantity', 50 * t, 'unit', '米')),
            ARRAY['绝缘手套', '电缆盘'], '断电验电后作业', 'ready'
       FROM unnest($7::uuid[], $8::int[]) AS c(id, n), generate_series(1, $9::int) t`,
    [
      project.id,
      department.id,
      buildings.map((b) => b.id),
      options.date,
      zone,
      slots,
      crews.map((crew) => crew.id),
      crews.map((crew) => crew.n),
      perCrew,
    ],
  );
  // Statistics as a database in use has them (autovacuum would gather them a little later).
  await q('ANALYZE');
  return {
    projectId: project.id,
    date: options.date,
    timeZone: zone,
    crews: crews.map((crew, index) => ({ id: crew.id, name: crew.name, email: emails[index] })),
  };
}

/**
 * A bare notice of a crew (revision `revision` on `date`) with one planned email delivery per
 * address, for tests of the delivery ledger.
 */
export async function insertNoticeWithEmails(
  dataSource: DataSource,
  options: { crewId: string; revision: number; addresses: string[]; date?: string },
): Promise<{ noticeId: string; deliveryIds: string[] }> {
  const [row]: { id: string }[] = await dataSource.query(
    `INSERT INTO notices (crew_id, notice_date, revision, reason, language, subject, content, text, task_count)
     VALUES ($1, $2, $3, 'initial', 'zh-CN', 's', '{}', 't', 1) RETURNING id`,
    [options.crewId, options.date ?? '2030-01-01', options.revision],
  );
  const deliveryIds: string[] = [];
  for (const address of options.addresses) {
    const [delivery]: { id: string }[] = await dataSource.query(
      `INSERT INTO deliveries (notice_id, kind, address) VALUES ($1, 'email', $2) RETURNING id`,
      [row.id, address],
    );
    deliveryIds.push(delivery.id);
  }
  return { noticeId: row.id, deliveryIds };
}
