// The demo's mail sink for `npm start`: where no SMTP server is configured (SMTP_URL unset) and
// nothing listens on its default address (127.0.0.1:1025, where docker-compose's Mailpit
// listens), the nightly notices would fail to send. Instead this accepts them and keeps each as
// an .eml file (any mail program opens it), so the demo's notices show as sent.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * Starts the sink on host:port keeping messages in `folder`; resolves to the server, or to null
 * when the address is taken (a real SMTP server is there: it is used).
 */
export function startDemoMail({ host = '127.0.0.1', port = 1025, folder, log = console.log }) {
  let kept = 0;
  let reported = 0;
  let timer;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', () => {
        try {
          mkdirSync(folder, { recursive: true });
          const to = session.envelope.rcptTo.map((r) => r.address).join(',');
          const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${++kept}-${to.replace(/[^\w.@-]/g, '_')}.eml`;
          writeFileSync(join(folder, name), Buffer.concat(chunks));
          done();
        } catch (error) {
          done(error);
          return;
        }
        // One line per burst (a night run sends one email per crew).
        clearTimeout(timer);
        timer = setTimeout(() => {
          log(`✉ ${kept - reported} email(s) kept in ${folder} (${kept} since start)`);
          reported = kept;
        }, 2000);
        timer.unref?.();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error) => (error.code === 'EADDRINUSE' ? resolve(null) : reject(error)));
    server.listen(port, host, () => resolve(server));
  });
}
