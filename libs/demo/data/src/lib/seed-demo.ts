import { DataSource } from 'typeorm';
import { COMMUNITY_NAME, COMPOUNDS } from './data/community.data';
import { seedCalendar } from './seed-calendar';
import { seedCommunity } from './seed-community';
import { seedAnnouncements } from './seed-announcements';
import { seedDecisions } from './seed-decisions';
import { seedIncidents } from './seed-incidents';
import { seedMakeReady } from './seed-make-ready';
import { seedOrganisations } from './seed-organisations';
import { seedProjects, WORKS_PROJECT } from './seed-projects';
import { seedUsers } from './seed-users';
import { seedWorkSteps } from './seed-work-steps';
import { SeedWriter } from './seed-writer';

export interface SeedOptions {
  /** Do nothing when the database already has a project. */
  ifEmpty: boolean;
  /** Time zone of the seeded projects (working windows and local dates). */
  timeZone: string;
  /** The seeding instant (default: the current time); the plan is laid out around it. */
  now?: Date;
}

/** Serialises concurrent seed runs (e.g. two api replicas starting at once). */
const SEED_LOCK = 2022_10_27;

/**
 * Loads the demo: 和平新村社区 (26 compounds), departments, contractors, crews and channels,
 * the working calendar, the 飞线入地 project around today with the coordinator's decisions on
 * its clashes, and the cable fire as an incident (with the playbooks and on-call rosters).
 * Idempotent: every row has a deterministic id and is inserted with ON CONFLICT DO NOTHING,
 * all in one transaction. Returns a one-line summary.
 */
export async function seedDemo(dataSource: DataSource, options: SeedOptions): Promise<string> {
  const began = Date.now();
  const now = (options.now ?? new Date()).getTime();
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (options.ifEmpty) {
      const [{ count }] = await manager.query('SELECT count(*)::int AS count FROM projects');
      if (count > 0) return `demo seed skipped: the database already has ${count} project(s) (--if-empty)`;
    }
    const writer = new SeedWriter(manager);
    const org = await seedOrganisations(writer);
    const locations = await seedCommunity(writer);
    const calendarId = await seedCalendar(writer);
    const context = { writer, org, locations, calendarId, timeZone: options.timeZone, now };
    const projects = await seedProjects(context);
    const users = await seedUsers(writer, org);
    const incidents = await seedIncidents(context);
    const steps = await seedWorkSteps(writer, org);
    const decisions = await seedDecisions(writer, org, WORKS_PROJECT.code, now);
    const announced = await seedAnnouncements(manager, WORKS_PROJECT.code, now);
    const constraints = await seedMakeReady(context, WORKS_PROJECT.code);
    const { inserted, present } = writer.totals();
    const households = COMPOUNDS.reduce((n, c) => n + c.buildings.reduce((m, [u, h]) => m + u * h, 0), 0);
    const projectText = projects
      .map((p) => `${p.code} ${p.startDate}…${p.endDate} (${p.tasks} tasks, ${p.links} dependencies)`)
      .join(', ');
    return (
      `demo ${COMMUNITY_NAME}: ${COMPOUNDS.length} compounds, ${households} households, ` +
      `${org.departments.size} departments, ${org.crews.size} crews, ${users} new demo users; ${projectText}; ` +
      `${decisions} new conflict decisions, ${announced} resident announcements posted, ${constraints} make-ready constraints, ${steps} standard work steps, ${incidents} new incident(s) with the playbooks; ` +
      `${inserted} rows inserted, ${present} already there, ${((Date.now() - began) / 1000).toFixed(1)} s`
    );
  });
}
