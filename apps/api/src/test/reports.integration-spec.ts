import { Role } from '@worksite/shared-domain';
import { readPdf } from '@worksite/server-pdf';
import { createTestApp, TestApp } from '../testing/test-app';
import { buildSchedulingWorld, local, SchedulingWorld } from './scheduling-world';

type Agent = Awaited<ReturnType<TestApp['as']>>;
type Request = ReturnType<Agent['get']>;

/** The PDF of a response, read back; fails on anything but a 200 PDF. */
async function pdf(request: Request) {
  const response = await request.responseType('blob').expect(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.headers['content-disposition']).toMatch(/^attachment; filename=/);
  return readPdf(response.body as Buffer);
}

const pageText = (page: string[]) => page.join('\n');

/**
 * A project of 32 tasks (more than one A4 page of Gantt rows) on Monday 2026-11-02 and the days
 * after, three crews on Monday: the printed Gantt and the day plan, as a coordinator and as a
 * contractor who sees only its crew's tasks.
 */
describe('printed reports over HTTP', () => {
  let t: TestApp;
  let world: SchedulingWorld;
  let project: string;
  let name: string;
  let coordinator: Agent;
  let contractor: Agent;
  let stranger: Agent;

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildSchedulingWorld(t);
    project = await world.project('HPXC-PRINT');
    name = '和平新村飞线入地 HPXC-PRINT';
    const { crews, locations } = world;
    const cable = await world.task(project, '电缆敷设', {
      crewId: crews.cable,
      locationId: locations.unit,
      plannedStart: local('2026-11-02T08:00'),
      durationMinutes: 240,
      materials: [{ name: 'YJV22 电缆', quantity: 120, unit: 'm' }],
      tools: ['电缆盘支架'],
      safetyNotes: '开挖前确认地下管线位置，设置围挡。',
    });
    const fibre = await world.task(project, '光缆穿管', {
      crewId: crews.fibre,
      plannedStart: local('2026-11-02T14:00'),
      durationMinutes: 240,
    });
    await world.task(project, '沟槽开挖', {
      crewId: crews.civil,
      locationId: locations.compound,
      // Monday 14:00 to Tuesday 12:00: the day plan shows the dates.
      plannedStart: local('2026-11-02T14:00'),
      durationMinutes: 480,
    });
    await world.link(cable, fibre);
    // Another crew in the same unit at the same time: a location clash, marked "!" in the Gantt.
    await world.task(project, '沟槽回填', {
      crewId: crews.civil,
      locationId: locations.unit,
      plannedStart: local('2026-11-02T08:00'),
      durationMinutes: 240,
    });
    for (let i = 1; i <= 29; i++) {
      await world.task(project, `表箱改接 ${String(i).padStart(2, '0')}`, {
        departmentId: world.departments.power,
        plannedStart: local('2026-11-09T08:00'),
        durationMinutes: 60,
      });
    }
    coordinator = await t.as({ role: Role.Coordinator, projectIds: [project] });
    contractor = await t.as({ role: Role.Contractor, crewIds: [crews.fibre] });
    const idle = await world.id('/api/crews', {
      name: '空闲班组',
      leaderName: '孙宏',
      contractorId: await world.id('/api/contractors', {
        name: '沈阳燃气工程公司',
        departmentId: world.departments.power,
      }),
    });
    stranger = await t.as({ role: Role.Contractor, crewIds: [idle] });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('prints the whole Gantt on A4 pages that each hold the project name, the legend and "第 n / m 页"', async () => {
    const read = await pdf(coordinator.get(`/api/projects/${project}/gantt.pdf?paper=A4`));
    expect(read.title).toBe(`${name} — 进度计划`);
    expect(read.pages).toHaveLength(2);
    read.pages.forEach((page, index) => {
      expect(page).toContain(name);
      expect(page).toContain(`第 ${index + 1} / 2 页`);
      expect(page).toEqual(
        expect.arrayContaining(['关键路径', '冲突', '手动排程', '基线', '今天', '非工作日', '依赖关系']),
      );
    });
    const rows = read.pages.flat().filter((text) => text.startsWith('表箱改接'));
    expect(rows).toHaveLength(29);
    expect(pageText(read.pages[0])).toContain('电缆敷设');
    // The clash of 电缆敷设 and 沟槽回填 is marked on both bars.
    expect(read.pages[0].filter((text) => text === '!')).toHaveLength(2);
  });

  it('fits more rows on A3, and prints only the rows asked for, in their order, over the range asked for', async () => {
    const a3 = await pdf(coordinator.get(`/api/projects/${project}/gantt.pdf?paper=A3`));
    expect(a3.pages).toHaveLength(1);
    const { body } = await coordinator.get(`/api/projects/${project}/schedule`).expect(200);
    const ids = (body.tasks as { id: string; title: string }[])
      .filter((task) => ['光缆穿管', '电缆敷设'].includes(task.title))
      .sort((a, b) => b.title.localeCompare(a.title, 'zh'));
    const read = await pdf(
      coordinator
        .post(`/api/projects/${project}/gantt.pdf`)
        .send({ from: '2026-11-02', to: '2026-11-06', paper: 'A4', rows: ids.map((task) => task.id) }),
    );
    expect(read.pages).toHaveLength(1);
    const titles = read.pages[0].filter((text) => ['光缆穿管', '电缆敷设', '沟槽开挖'].includes(text));
    expect(titles).toEqual(ids.map((task) => task.title));
    expect(pageText(read.pages[0])).toContain('范围 2026-11-02 – 2026-11-06');
    expect(pageText(read.pages[0])).toContain('第 1 / 1 页');
  });

  it('answers in English when asked, and refuses a reversed range and a bad paper with 400', async () => {
    const read = await pdf(
      coordinator.get(`/api/projects/${project}/gantt.pdf?from=2026-11-02&to=2026-11-03`).set('Accept-Language', 'en'),
    );
    expect(read.pages[0]).toEqual(expect.arrayContaining([name, 'Critical path', 'Page 1 / 1']));
    const reversed = await coordinator
      .get(`/api/projects/${project}/gantt.pdf?from=2026-11-05&to=2026-11-02`)
      .expect(400);
    expect(reversed.body).toMatchObject({ code: 'validation_failed', message: '结束日期不能早于开始日期。' });
    await coordinator.get(`/api/projects/${project}/gantt.pdf?paper=A5`).expect(400);
    await coordinator.get(`/api/projects/${project}/gantt.pdf?rows=not-an-id`).expect(400);
  });

  it('prints the day plan one A4 page per crew, with times, dates across days, place, materials and a signature line', async () => {
    const read = await pdf(coordinator.get(`/api/projects/${project}/day-plan.pdf?date=2026-11-02`));
    expect(read.title).toBe(`${name} — 日计划 2026-11-02`);
    expect(read.pages).toHaveLength(3);
    const crews = read.pages.map((page) => page.find((text) => text.startsWith('班组：')));
    expect(crews).toEqual(
      expect.arrayContaining(
        [/^班组：光缆一班\s+李强$/, /^班组：电缆一班\s+王建国$/, /^班组：沟槽一班\s+赵立新$/].map(
          expect.stringMatching,
        ),
      ),
    );
    read.pages.forEach((page, index) => {
      expect(page).toEqual(
        expect.arrayContaining([name, '日计划：2026-11-02 星期一', '班组长签字：', `第 ${index + 1} / 3 页`]),
      );
    });
    const cable = read.pages.find((page) => page.some((text) => text.startsWith('班组：电缆一班'))) as string[];
    expect(cable).toEqual(
      expect.arrayContaining(['08:00–12:00', '电缆敷设', '和平新村 › 1号楼 › 1单元', 'YJV22 电缆 120 m', '电缆盘支架']),
    );
    const civil = read.pages.find((page) => page.some((text) => text.startsWith('班组：沟槽一班'))) as string[];
    expect(civil).toContain('11-02 14:00 – 11-03 12:00');
  });

  it('shows a contractor only its crew, and a stranger a 404, as the schedule does', async () => {
    const read = await pdf(contractor.get(`/api/projects/${project}/day-plan.pdf?date=2026-11-02`));
    expect(read.pages).toHaveLength(1);
    expect(read.pages[0]).toEqual(expect.arrayContaining([expect.stringContaining('班组：光缆一班'), '光缆穿管']));
    expect(pageText(read.pages[0])).not.toContain('电缆敷设');
    const gantt = await pdf(contractor.get(`/api/projects/${project}/gantt.pdf`));
    expect(gantt.pages.flat().filter((text) => text === '光缆穿管' || text === '电缆敷设')).toEqual(['光缆穿管']);
    expect(gantt.pages.flat()).not.toContain('!');
    for (const path of ['gantt.pdf', 'day-plan.pdf?date=2026-11-02']) {
      const response = await stranger.get(`/api/projects/${project}/${path}`).expect(404);
      expect(response.body).toMatchObject({ code: 'not_found' });
    }
  });

  it('draws a chosen baseline under the bars, with its name in the legend and each slip in working days', async () => {
    const baseline = await coordinator
      .post(`/api/projects/${project}/baselines`)
      .send({ name: '开工基线' })
      .expect(201);
    const { body } = await coordinator.get(`/api/projects/${project}/schedule`).expect(200);
    const moved = (body.tasks as { id: string; title: string; version: number }[]).find(
      (task) => task.title === '表箱改接 01',
    ) as { id: string; version: number };
    // Monday 08:00 → Tuesday 08:00: one working day late.
    await coordinator
      .patch(`/api/tasks/${moved.id}`)
      .send({ plannedStart: local('2026-11-10T08:00'), version: moved.version })
      .expect(200);
    const range = 'from=2026-11-09&to=2026-11-13&paper=A3';
    const plain = await pdf(coordinator.get(`/api/projects/${project}/gantt.pdf?${range}`));
    const withBaseline = await pdf(
      coordinator.get(`/api/projects/${project}/gantt.pdf?${range}&baseline=${baseline.body.id}`),
    );
    expect(plain.pages[0]).toContain('基线');
    expect(pageText(plain.pages[0])).not.toContain('开工基线');
    expect(plain.pages[0]).not.toContain('+1');
    expect(withBaseline.pages[0]).toContain('基线：开工基线');
    expect(withBaseline.pages[0].filter((text) => text === '+1')).toHaveLength(1);
    // The web app's print button posts the rows with the baseline; English labels name it too.
    const posted = await pdf(
      coordinator
        .post(`/api/projects/${project}/gantt.pdf`)
        .set('Accept-Language', 'en')
        .send({ from: '2026-11-09', to: '2026-11-13', rows: [moved.id], baseline: baseline.body.id }),
    );
    expect(posted.pages[0]).toEqual(expect.arrayContaining(['Baseline: 开工基线', '+1', '表箱改接 01']));

    const unknown = await coordinator
      .get(`/api/projects/${project}/gantt.pdf?baseline=6f1c1c3e-4c51-4b1e-9d7e-000000000000`)
      .expect(404);
    expect(unknown.body.code).toBe('not_found');
    await coordinator.get(`/api/projects/${project}/gantt.pdf?baseline=nope`).expect(400);
  });
});
