import { ConsoleLogger } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CrewDispatch, NoticesChannelsModule } from '@worksite/notices-channels';
import { NoticeRunsService } from '@worksite/notices-data-access';
import { HttpReceiver, seedCrewsWithWork, SmtpSink } from '@worksite/notices-testing';
import { AppConfig, AppConfigModule } from '@worksite/server-config';
import { dataSourceOptions } from '@worksite/server-data-access';
import { QueueModule } from '@worksite/server-queue';
import { NoticeRunTrigger } from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { AccessWorld, buildAccessWorld } from '../testing/access-world';
import { createTestApp, TestApp } from '../testing/test-app';

/**
 * Robot webhooks are called by the server, so they must not reach inside: checked when a
 * channel is saved (with the installation's defaults: https, public addresses only) and again
 * when a message is sent, on what the name resolves to.
 */
describe('outbound addresses', () => {
  describe('when a channel is saved (default settings)', () => {
    let t: TestApp;
    let w: AccessWorld;

    beforeAll(async () => {
      t = await createTestApp({ OUTBOUND_ALLOW_HTTP: false, OUTBOUND_ALLOWED_HOSTS: '' });
      w = await buildAccessWorld(t);
    }, 60_000);

    afterAll(async () => {
      await t?.close();
    });

    const channels = async () =>
      (await t.dataSource.query('SELECT count(*)::int AS count FROM crew_channels'))[0].count as number;

    it.each([
      ['http://127.0.0.1:6379', 'https://'],
      ['http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'https://'],
      ['https://127.0.0.1:6379/', 'loopback'],
      ['https://[::1]/hook', 'loopback'],
      ['https://[::ffff:127.0.0.1]/hook', 'loopback'],
      ['https://10.0.0.8/hook', 'private network'],
      ['https://192.168.1.20/hook', 'private network'],
      ['https://[fd12:3456::1]/hook', 'private network'],
      ['https://169.254.1.1/hook', 'link-local'],
      ['https://[fe80::1]/hook', 'link-local'],
      ['https://169.254.169.254/latest/meta-data/', 'cloud metadata'],
      ['https://[fd00:ec2::254]/', 'cloud metadata'],
      ['https://metadata.google.internal/computeMetadata/v1/', 'cloud metadata'],
      ['https://0.0.0.0/hook', 'unspecified'],
      ['https://localhost/hook', 'this machine'],
    ])('refuses the webhook %s with 400 (%s), writing nothing', async (address, reason) => {
      const before = await channels();
      const response = await w.users.coordinator
        .post('/api/crew-channels')
        .set('Accept-Language', 'en')
        .send({ crewId: w.ids.crewOwn, kind: 'wecom', address });
      expect(response.status).toBe(400);
      expect(response.body.problems).toEqual([{ field: 'address', messages: [expect.stringContaining(reason)] }]);
      expect(response.body.message).toContain(reason);
      expect(await channels()).toBe(before);
    });

    it('accepts a public https webhook, and refuses changing it to a forbidden one', async () => {
      const created = await w.users.coordinator
        .post('/api/crew-channels')
        .send({
          crewId: w.ids.crewOwn,
          kind: 'dingtalk',
          address: 'https://oapi.dingtalk.com/robot/send?access_token=x',
        })
        .expect(201);
      const changed = await w.users.coordinator
        .patch(`/api/crew-channels/${created.body.id}`)
        .send({ version: created.body.version, address: 'http://127.0.0.1:6379' });
      expect(changed.status).toBe(400);
      const kind = await w.users.coordinator
        .patch(`/api/crew-channels/${created.body.id}`)
        .send({ version: created.body.version, kind: 'feishu' })
        .expect(200);
      expect(kind.body.address).toBe('https://oapi.dingtalk.com/robot/send?access_token=x');
      const row = await t.http.get(`/api/crew-channels/${created.body.id}`).expect(200);
      expect(row.body).toMatchObject({ version: created.body.version + 1, kind: 'feishu' });
      // Email and SMS channels are not called by URL: their addresses are not outbound URLs.
      await w.users.coordinator
        .post('/api/crew-channels')
        .send({ crewId: w.ids.crewOwn, kind: 'email', address: 'dianlan@example.com' })
        .expect(201);
    });
  });

  describe('when a message is sent (tests allow http to 127.0.0.1 only)', () => {
    let t: TestApp;
    let sink: SmtpSink;
    let http: HttpReceiver;
    let senders: TestingModule;
    const date = addDays(localDateOf(Date.now(), 'Asia/Shanghai'), 1);

    beforeAll(async () => {
      sink = await SmtpSink.start();
      http = await HttpReceiver.start();
      t = await createTestApp({ PUBLIC_URL: 'http://worksite.test', SMTP_URL: sink.url, SMS_GATEWAY_URL: '' });
      const config = t.app.get(AppConfig);
      senders = await Test.createTestingModule({
        imports: [
          AppConfigModule.forRoot(config),
          TypeOrmModule.forRoot(dataSourceOptions(config)),
          QueueModule.forRoot('producer'),
          NoticesChannelsModule,
        ],
      })
        .setLogger(new ConsoleLogger('senders', { logLevels: ['error'] }))
        .compile();
      await senders.init();
    }, 60_000);

    afterAll(async () => {
      await senders?.close();
      await t?.close();
      await sink?.close();
      await http?.close();
    });

    it('refuses webhooks saved earlier that point to this machine, by name or by what the name resolves to', async () => {
      // This machine's own name resolves (via /etc/hosts) to a loopback or private address.
      const host = hostname();
      const resolved = await lookup(host, { all: true });
      expect(resolved.length).toBeGreaterThan(0);
      const path = (key: string) => `/cgi-bin/webhook/send?key=${key}`;
      // Written straight to the database, as data saved before these checks existed would be.
      const fixture = await seedCrewsWithWork(t.dataSource, {
        crews: 3,
        date,
        channels: (i) => [
          {
            kind: 'wecom',
            address: [
              http.url(path('allowed')),
              `http://localhost:${http.port}${path('by-name')}`,
              `http://${host}:${http.port}${path('by-resolution')}`,
            ][i],
          },
        ],
      });
      const runs = senders.get(NoticeRunsService);
      const { run } = await runs.ensureRun(fixture.projectId, date, NoticeRunTrigger.Manual);
      await runs.fanOut(run.id, new Date());
      for (const crew of fixture.crews) await senders.get(CrewDispatch).processCrew(run.id, crew.id, date);

      const robots = await t.dataSource.query(
        `SELECT d.address, d.status, d.last_error FROM deliveries d WHERE d.kind = 'wecom' ORDER BY d.address`,
      );
      const byKey = (key: string) => robots.find((row: { address: string }) => row.address.endsWith(`key=${key}`));
      expect(byKey('allowed')).toMatchObject({ status: 'sent' });
      for (const key of ['by-name', 'by-resolution']) {
        expect(byKey(key).status).not.toBe('sent');
        expect(byKey(key).status).not.toBe('unknown');
      }
      expect(byKey('by-name').last_error).toContain('must not point to this machine');
      expect(byKey('by-resolution').last_error).toContain(`${host} resolves to ${resolved[0].address}`);
      // Only the allowed webhook was ever called.
      expect(http.to('/cgi-bin/webhook/send').map((request) => request.query['key'])).toEqual(['allowed']);
      expect(sink.received).toHaveLength(3);
    });
  });
});
