// node --test tools/: the demo mail sink of `npm start` keeps what it is sent, and steps aside
// for a real SMTP server.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import nodemailer from 'nodemailer';
import { startDemoMail } from './demo-mail.mjs';

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

test('keeps each email it is sent as an .eml file and says so once per burst', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'demo-mail-'));
  const port = await freePort();
  const lines = [];
  const server = await startDemoMail({ port, folder, log: (line) => lines.push(line) });
  assert.ok(server, 'the sink listens');
  try {
    const mailer = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    for (const to of ['crew1@example.cn', 'crew2@example.cn']) {
      await mailer.sendMail({ from: 'worksite@example.cn', to, subject: '明日施工通知', text: '08:00–12:00 电缆敷设' });
    }
    const files = readdirSync(folder).sort();
    assert.equal(files.length, 2);
    assert.match(files[0], /crew1@example\.cn\.eml$/);
    assert.match(readFileSync(join(folder, files[1]), 'utf8'), /Subject: =\?UTF-8\?/);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.deepEqual(lines, [`✉ 2 email(s) kept in ${folder} (2 since start)`]);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  }
});

test('steps aside when the address is taken (a real SMTP server is there)', async () => {
  const taken = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => taken.once('listening', resolve));
  try {
    const server = await startDemoMail({ port: taken.address().port, folder: tmpdir(), log: () => undefined });
    assert.equal(server, null);
  } finally {
    taken.close();
  }
});
