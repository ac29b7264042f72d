import { AckService, jobIds, NoticeRunsService } from '@worksite/notices-data-access';
import { CrewsFixture, seedCrewsWithWork } from '@worksite/notices-testing';
import { addDays, instantOf } from '@worksite/shared-util-time';
import { startWorkerHarness, WorkerHarness } from '../testing/worker-harness';

const ZONE = 'Asia/Shanghai';
const D = '2030-06-20';
const EVE = addDays(D, -1);
const at = (date: string, time: string) => instantOf(date, time, ZONE).getTime();
const TOKEN = /\/api\/ack\/([A-Za-z0-9_-]{43})/;

describe('the watchdog, reminders and escalations, on a clock the test sets', () => {
  let h: WorkerHarness;
  let main: CrewsFixture;
  let late: CrewsFixture;
  const runsOf = (projectId: string) =>
    h.query<{ id: string; run_date: string; status: string; trigger: string }>(
      `SELECT id, to_char(run_date, 'YYYY-MM-DD') AS run_date, status, trigger FROM notice_runs WHERE project_id = $1`,
      [projectId],
    );
  const mailsTo = (email: string) => h.sink.received.filter((m) => m.to.includes(email));

  beforeAll(async () => {
    // The watchdog looks only when the test says so (its first look at start-up is at noon
    // before the test's evening), with the product's send time and grace.
    h = await startWorkerHarness(
      {
        NOTICE_WATCHDOG_SECONDS: 3600,
        NOTICE_SEND_TIME: '20:00',
        NOTICE_WATCHDOG_GRACE_MINUTES: 5,
        NOTICE_REMINDER_TIME: '21:30',
        NOTICE_ESCALATION_TIME: '07:00',
      },
      { clockAt: at(EVE, '12:00') },
    );
    main = await seedCrewsWithWork(h.dataSource, { crews: 4, date: D });
    const [user] = await h.query<{ id: string }>(
      `INSERT INTO users (username, display_name, password_hash, role, email)
       VALUES ('coordinator-zhen', '甄鸿波', 'x', 'coordinator', 'zhen@worksite.test') RETURNING id`,
    );
    await h.query('INSERT INTO user_projects (user_id, project_id) VALUES ($1, $2)', [user.id, main.projectId]);
  });

  afterAll(() => h?.close());

  it('keeps one job scheduler per project at the send time in its zone', async () => {
    h.clock.at = at(EVE, '12:00');
    await h.watchdog.tick();
    expect(await h.jobs.queue.getJobScheduler(jobIds.scheduler(main.projectId))).toMatchObject({
      pattern: '0 20 * * *',
      tz: ZONE,
      name: 'run',
    });
  });

  it('starts a run the scheduler did not, after the send time and before midnight, exactly once', async () => {
    for (const time of ['19:59', '20:04']) {
      h.clock.at = at(EVE, time);
      await h.watchdog.tick();
      expect(await runsOf(main.projectId)).toEqual([]);
    }
    h.clock.at = at(EVE, '20:10');
    await h.watchdog.tick();
    const [run] = await runsOf(main.projectId);
    expect(run).toMatchObject({ run_date: D, trigger: 'watchdog' });
    await h.waitFor('the run', async () => (await runsOf(main.projectId))[0].status === 'completed');
    for (const crew of main.crews) expect(mailsTo(crew.email)).toHaveLength(1);

    // The scheduler's job arriving late, and another look: the unique run row makes both no-ops.
    await h.jobs.addRun({ projectId: main.projectId, date: D, trigger: 'schedule' });
    await h.watchdog.tick();
    await h.settled();
    expect(await runsOf(main.projectId)).toEqual([expect.objectContaining({ id: run.id, status: 'completed' })]);
    for (const crew of main.crews) expect(mailsTo(crew.email)).toHaveLength(1);
  });

  it('reminds, once, the crews that have not acknowledged by the evening, on the channels that reached them', async () => {
    const token = TOKEN.exec(mailsTo(main.crews[0].email)[0].text)?.[1] as string;
    expect((await h.module.get(AckService).confirm(token)).outcome).toBe('confirmed');
    h.clock.at = at(EVE, '21:31');
    await h.watchdog.tick();
    const reminded = main.crews.slice(1);
    await h.waitFor('the reminders', async () => reminded.every((crew) => mailsTo(crew.email).length === 2));
    await h.watchdog.tick();
    await h.settled();
    expect(mailsTo(main.crews[0].email)).toHaveLength(1);
    for (const crew of reminded) {
      const [, reminder] = mailsTo(crew.email);
      expect(reminder.subject).toBe(`【请确认】6月20日施工安排 · ${crew.name}`);
      expect(mailsTo(crew.email)).toHaveLength(2);
    }
    const reminderToken = TOKEN.exec(mailsTo(main.crews[1].email)[1].text)?.[1] as string;
    expect((await h.module.get(AckService).confirm(reminderToken)).outcome).toBe('confirmed');
  });

  it('after midnight starts nothing by itself; a late scheduler run is marked missed, and a coordinator can still send', async () => {
    late = await seedCrewsWithWork(h.dataSource, { crews: 2, date: D });
    h.clock.at = at(D, '00:30');
    await h.watchdog.tick();
    expect(await runsOf(late.projectId)).toEqual([]);
    await h.jobs.addRun({ projectId: late.projectId, date: D, trigger: 'schedule' });
    const [missed] = await h.waitFor('the missed run', async () => {
      const rows = await runsOf(late.projectId);
      return rows[0]?.status === 'missed' ? rows : undefined;
    });
    await h.settled();
    for (const crew of late.crews) expect(mailsTo(crew.email)).toHaveLength(0);

    expect(await h.module.get(NoticeRunsService).requestManual(missed.id, main.crews[0].id)).toBe(true);
    await h.runAndWait(late.projectId, D);
    for (const crew of late.crews) expect(mailsTo(crew.email)).toHaveLength(1);
  });

  it('flags those still unacknowledged in the morning to the coordinators, and alerts each coordinator once', async () => {
    h.clock.at = at(D, '07:01');
    await h.watchdog.tick();
    const flagged = await h.query<{ crew_id: string; project_id: string }>(
      'SELECT crew_id, project_id FROM notice_escalations ORDER BY crew_id',
    );
    expect(
      flagged
        .filter((e) => e.project_id === main.projectId)
        .map((e) => e.crew_id)
        .sort(),
    ).toEqual([main.crews[2].id, main.crews[3].id].sort());
    expect(flagged.filter((e) => e.project_id === late.projectId)).toHaveLength(2);
    const alert = await h.waitFor('the coordinator alert', async () => mailsTo('zhen@worksite.test')[0]);
    expect(alert.subject).toContain('2 个班组未确认施工安排');
    expect(alert.text).toContain(main.crews[2].name);
    expect(alert.text).toContain(main.crews[3].name);
    expect(alert.text).not.toContain(`${main.crews[1].name} `);
    // Each project's coordinator phone gets an SMS too (the gateway is configured), one per project.
    await h.http.waitFor('/sms', 2);
    await h.watchdog.tick();
    await h.settled();
    expect(mailsTo('zhen@worksite.test')).toHaveLength(1);
    expect(h.http.to('/sms')).toHaveLength(2);
    expect(await h.query('SELECT * FROM notice_escalations')).toHaveLength(4);
  });
});
