import { seedDemo } from '@worksite/demo-data';
import { checkIcs, icsText, ReceivedMail } from '@worksite/notices-testing';
import { addDays, localDateOf, localTimeOf } from '@worksite/shared-util-time';
import { createHmac } from 'node:crypto';
import { startWorkerHarness, WorkerHarness } from '../testing/worker-harness';

interface DayTask {
  id: string;
  crew_id: string;
  title: string;
  planned_start: Date;
  planned_finish: Date;
  materials: { name: string }[];
  whole: boolean;
}

const ZONE = 'Asia/Shanghai';

/** The crews' tasks overlapping a local date, straight from the tasks table (not through our loader). */
async function tasksOn(h: WorkerHarness, projectId: string, date: string): Promise<DayTask[]> {
  return h.query<DayTask>(
    `SELECT t.id, t.crew_id, t.title, t.planned_start, t.planned_finish, t.materials,
            t.planned_start >= ($2::date::timestamp AT TIME ZONE $3) AND t.planned_finish <= (($2::date + 1)::timestamp AT TIME ZONE $3) AS whole
       FROM tasks t
      WHERE t.crew_id IS NOT NULL AND t.status <> 'cancelled'
        AND t.crew_id IN (SELECT crew_id FROM tasks WHERE project_id = $1)
        AND t.planned_start < (($2::date + 1)::timestamp AT TIME ZONE $3)
        AND t.planned_finish > ($2::date::timestamp AT TIME ZONE $3)
        AND t.crew_id IN (SELECT crew_id FROM tasks WHERE project_id = $1 AND start_date <= $2 AND finish_date >= $2
                                                     AND status <> 'cancelled')`,
    [projectId, date, ZONE],
  );
}

/** "08:00–12:00 title" lines of a notice text, in the order they appear. */
function taskLines(text: string): { start: string; end: string; title: string }[] {
  // A task that is not ready is marked before its times (the demo has open make-ready constraints).
  return [...text.matchAll(/^\d+\. (?:【未就绪】|\[NOT READY\] )?(\d\d:\d\d)–(\d\d:\d\d) (.+?)(（|\(|$)/gm)].map(
    (m) => ({
      start: m[1],
      end: m[2],
      title: m[3].trim(),
    }),
  );
}

describe('the night run over the demo data', () => {
  let h: WorkerHarness;
  let projectId: string;
  let date: string;
  let tasks: DayTask[];
  let crews: Map<string, { id: string; name: string; email: string; language: string; phone: string }>;

  beforeAll(async () => {
    h = await startWorkerHarness();
    await seedDemo(h.dataSource, { ifEmpty: false, timeZone: ZONE });
    [{ id: projectId }] = await h.query<{ id: string }>(`SELECT id FROM projects WHERE code = 'HPXC-FXRD'`);
    // The busiest of the next days: a night run has something to say to many crews.
    const today = localDateOf(Date.now(), ZONE);
    let best = { date: addDays(today, 1), crews: 0 };
    for (let offset = 1; offset <= 7; offset++) {
      const candidate = addDays(today, offset);
      const count = new Set((await tasksOn(h, projectId, candidate)).map((t) => t.crew_id)).size;
      if (count > best.crews) best = { date: candidate, crews: count };
    }
    date = best.date;
    tasks = await tasksOn(h, projectId, date);
    const rows = await h.query<{ id: string; name: string; email: string; language: string; leader_phone: string }>(
      `SELECT c.id, c.name, ch.address AS email, c.language, c.leader_phone FROM crews c
         JOIN crew_channels ch ON ch.crew_id = c.id AND ch.kind = 'email' AND ch.enabled
        WHERE c.id = ANY($1::uuid[])`,
      [[...new Set(tasks.map((t) => t.crew_id))]],
    );
    crews = new Map(rows.map((r) => [r.id, { ...r, phone: r.leader_phone }]));
    // The demo's robots and SMS are disabled (no internet); give four crews channels on our receivers.
    const [a, b, c, d] = [...crews.keys()];
    await h.query(
      `INSERT INTO crew_channels (crew_id, kind, address, secret, enabled) VALUES
         ($1, 'wecom', $5, NULL, true), ($2, 'dingtalk', $6, 'SECdingsecret', true),
         ($3, 'feishu', $7, 'feishusecret', true), ($4, 'sms', '13800009999', NULL, true)`,
      [
        a,
        b,
        c,
        d,
        h.http.url('/wecom/send?key=k1'),
        h.http.url('/dingtalk/robot/send?access_token=t1'),
        h.http.url('/feishu/hook/f1'),
      ],
    );
  });

  afterAll(() => h?.close());

  it('sends exactly one notice per crew with work on the date, on each of its channels', async () => {
    expect(crews.size).toBeGreaterThanOrEqual(5);
    const run = await h.runAndWait(projectId, date);
    expect(run).toMatchObject({ crewsTotal: crews.size, crewsDone: crews.size, crewsFailed: 0, deliveriesUnknown: 0 });
    expect(run.deliveriesSent).toBe(crews.size + 4);

    const notices = await h.query<{ crew_id: string; revision: number; n: number }>(
      `SELECT crew_id, max(revision) AS revision, count(*)::int AS n FROM notices WHERE notice_date = $1 GROUP BY crew_id`,
      [date],
    );
    expect(notices.map((n) => n.crew_id).sort()).toEqual([...crews.keys()].sort());
    expect(notices.every((n) => n.n === 1 && n.revision === 1)).toBe(true);
    const deliveries = await h.query<{ kind: string; status: string; attempts: number }>(
      `SELECT d.kind, d.status, d.attempts FROM deliveries d JOIN notices n ON n.id = d.notice_id WHERE n.notice_date = $1`,
      [date],
    );
    expect(deliveries).toHaveLength(crews.size + 4);
    expect(deliveries.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);

    // Nothing more can arrive: every delivery ended and each one sent is one message received.
    await h.settled();
    const counts = h.sink.countsByRecipient();
    expect([...counts.keys()].sort()).toEqual([...crews.values()].map((c) => c.email).sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    for (const path of ['/wecom/', '/dingtalk/', '/feishu/', '/sms']) expect(h.http.to(path)).toHaveLength(1);
  });

  it('lists each crew’s tasks in time order with their materials, and attaches a valid .ics of the day', () => {
    for (const crew of crews.values()) {
      const mail = h.sink.received.find((m) => m.to.includes(crew.email)) as ReceivedMail;
      const own = tasks.filter((t) => t.crew_id === crew.id);
      expect(mail.subject).toContain(crew.name);
      const lines = taskLines(mail.text);
      expect(lines.map((l) => l.title).sort()).toEqual(own.map((t) => t.title).sort());
      expect(lines.map((l) => l.start)).toEqual([...lines.map((l) => l.start)].sort());
      for (const task of own.filter((t) => t.whole)) {
        const line = lines.find((l) => l.title === task.title);
        expect(line).toMatchObject({
          start: localTimeOf(task.planned_start, ZONE),
          end: localTimeOf(task.planned_finish, ZONE),
        });
      }
      for (const material of own.flatMap((t) => t.materials)) expect(mail.text).toContain(material.name);
      expect(mail.html).toContain(own[0].title.replace(/&/g, '&amp;'));
      expect(mail.text).toMatch(/http:\/\/worksite\.test\/api\/ack\/[A-Za-z0-9_-]{43}/);

      const ics = mail.attachments.find((a) => a.filename.endsWith('.ics'));
      expect(ics?.contentType).toBe('text/calendar');
      const report = checkIcs(ics?.content ?? '');
      expect(report.problems).toEqual([]);
      expect(report.events.map((e) => icsText(e.props['SUMMARY'].value)).sort()).toEqual(
        own.map((t) => t.title).sort(),
      );
      for (const task of own.filter((t) => t.whole)) {
        const event = report.events.find((e) => icsText(e.props['SUMMARY'].value) === task.title);
        expect(event?.props['DTSTART']).toEqual({
          params: { TZID: ZONE },
          value: `${date.replace(/-/g, '')}T${localTimeOf(task.planned_start, ZONE).replace(':', '')}00`,
        });
      }
    }
  });

  it('posts to each robot in its format, signed where the robot has a secret, and texts the SMS gateway', async () => {
    const [wecom] = h.http.to('/wecom/');
    expect(wecom.query['key']).toBe('k1');
    expect(wecom.body).toMatchObject({
      msgtype: 'markdown',
      markdown: { content: expect.stringContaining('/api/ack/') },
    });

    const [ding] = h.http.to('/dingtalk/');
    const expected = createHmac('sha256', 'SECdingsecret')
      .update(`${ding.query['timestamp']}\nSECdingsecret`)
      .digest('base64');
    expect(ding.query['sign']).toBe(expected);
    expect(ding.body).toMatchObject({ msgtype: 'markdown', at: { isAtAll: false } });

    const [feishu] = h.http.to('/feishu/');
    const body = feishu.body as { timestamp: string; sign: string; msg_type: string };
    expect(body.sign).toBe(createHmac('sha256', `${body.timestamp}\nfeishusecret`).update('').digest('base64'));
    expect(body.msg_type).toBe('post');

    const [sms] = h.http.to('/sms');
    expect(sms.body).toMatchObject({
      to: '13800009999',
      text: expect.stringMatching(/\/api\/ack\/[A-Za-z0-9_-]{43}$/),
    });
    // The delivery's idempotency key, the same on every attempt of it.
    const [smsDelivery] = await h.query<{ id: string }>(`SELECT id FROM deliveries WHERE kind = 'sms'`);
    expect(sms.headers['idempotency-key']).toBe(`delivery-${smsDelivery.id}`);
    expect(sms.body).toMatchObject({ idempotencyKey: `delivery-${smsDelivery.id}` });
  });

  it('sends a crew whose plan changed an amendment without the cancelled task, and nobody else anything', async () => {
    const byCrew = new Map<string, DayTask[]>();
    for (const task of tasks) byCrew.set(task.crew_id, [...(byCrew.get(task.crew_id) ?? []), task]);
    const [crewId, own] = [...byCrew.entries()].sort((a, b) => b[1].length - a[1].length)[0];
    expect(own.length).toBeGreaterThanOrEqual(2);
    const cancelled = own[0];
    const other = [...byCrew.entries()].find(([id]) => id !== crewId) as [string, DayTask[]];
    const before = h.sink.received.length;
    await h.query(`UPDATE tasks SET status = 'cancelled', version = version + 1 WHERE id = $1`, [cancelled.id]);
    // Progress is no part of a notice: no amendment for that crew.
    await h.query(`UPDATE tasks SET progress = 40 WHERE id = $1`, [other[1][0].id]);
    await h.watchdog.tick();

    const crew = crews.get(crewId) as { email: string; language: string };
    const mails = await h.sink.waitFor(before + 1);
    const amended = mails.slice(before).find((m) => m.to.includes(crew.email)) as ReceivedMail;
    const [notice] = await h.query<{
      revision: number;
      reason: string;
      changes: unknown[];
      content: { tasks: { taskId: string }[] };
    }>(
      `SELECT revision, reason, changes, content FROM notices WHERE crew_id = $1 AND notice_date = $2 ORDER BY revision DESC LIMIT 1`,
      [crewId, date],
    );
    expect(notice).toMatchObject({ revision: 2, reason: 'amendment' });
    expect(notice.changes).toEqual([
      { kind: 'cancelled', taskId: cancelled.id, title: cancelled.title, before: expect.any(String) },
    ]);
    expect(notice.content.tasks.map((t) => t.taskId)).not.toContain(cancelled.id);
    expect(amended.subject).toMatch(crew.language === 'en' ? /Changed, revision 2/ : /施工安排变更·第2版/);
    expect(amended.text).toContain(
      crew.language === 'en' ? `cancelled: ${cancelled.title}` : `取消：${cancelled.title}`,
    );
    expect(taskLines(amended.text).map((l) => l.title)).not.toContain(cancelled.title);
    const ics = checkIcs(amended.attachments[0].content);
    expect(ics.problems).toEqual([]);
    const gone = ics.events.find((e) => icsText(e.props['SUMMARY'].value) === cancelled.title);
    expect(gone?.props['STATUS'].value).toBe('CANCELLED');

    await h.watchdog.tick();
    await h.settled();
    expect(h.sink.received.length).toBe(before + 1);
    const [{ revisions }] = await h.query<{ revisions: number }>(
      `SELECT count(*)::int AS revisions FROM notices WHERE notice_date = $1 AND revision > 1`,
      [date],
    );
    expect(revisions).toBe(1);
    expect(await h.query('SELECT * FROM notice_amendments_owed')).toEqual([]);
  });
});
