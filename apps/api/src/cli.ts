import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@worksite/server-config';
import {
  createDataSource,
  dropDatabase,
  ensureDatabase,
  renderMigration,
  runMigrations,
  preflight,
  schemaDiff,
} from '@worksite/server-data-access';
import { seedDemo } from '@worksite/demo-data';

const USAGE = `usage: cli <command>
  migrate              create the database if missing and apply pending migrations
  revert               undo the last migration
  reset                drop the database, create it and migrate
  generate <Name>      write migrations/<timestamp>-<name>.ts from the entity/schema difference
  check-schema         exit 1 if the entities and the migrated schema differ
  seed [--if-empty]    load the demo community (idempotent; --if-empty skips a database with projects)`;

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  const config = loadConfig();
  if (!command || command === 'help') {
    console.log(USAGE);
    return;
  }
  await preflight(config, { redis: false });
  if (command === 'reset') await dropDatabase(config.DATABASE_URL);
  if (['migrate', 'reset', 'seed'].includes(command)) await ensureDatabase(config.DATABASE_URL);
  const dataSource = await createDataSource(config).initialize();
  try {
    switch (command) {
      case 'migrate':
      case 'reset': {
        const applied = await runMigrations(dataSource);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        break;
      case 'generate': {
        const name = args[0];
        if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error('generate needs a CamelCase name');
        const diff = await schemaDiff(dataSource);
        if (diff.up.length === 0) {
          console.log('no changes: the entities match the schema');
          break;
        }
        const timestamp = Date.now();
        const kebab = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
        const file = join(process.cwd(), 'migrations', `${timestamp}-${kebab}.ts`);
        writeFileSync(file, renderMigration(name, timestamp, diff));
        console.log(`wrote ${file}; add it to migrations/index.ts`);
        break;
      }
      case 'check-schema': {
        const diff = await schemaDiff(dataSource);
        if (diff.up.length) {
          console.error(`the entities and the schema differ:\n${diff.up.join(';\n')}`);
          process.exitCode = 1;
        } else console.log('schema matches the entities');
        break;
      }
      case 'seed': {
        const summary = await seedDemo(dataSource, {
          ifEmpty: args.includes('--if-empty'),
          timeZone: config.APP_TIMEZONE,
        });
        console.log(summary);
        break;
      }
      default:
        console.error(USAGE);
        process.exitCode = 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
