import { EntityManager } from 'typeorm';

/** Name of the calendar incident projects work on: every day, round the clock, no holidays. */
export const INCIDENT_CALENDAR_NAME = '24小时抢修';

const ALL_DAY = [{ start: '00:00', end: '24:00' }];

/** The round-the-clock calendar's id, created on first use (concurrent first uses meet on its unique name). */
export async function roundTheClockCalendar(manager: EntityManager): Promise<string> {
  const weekly = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((day) => [String(day), ALL_DAY]));
  await manager.query(`INSERT INTO calendars (name, weekly_windows) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    INCIDENT_CALENDAR_NAME,
    JSON.stringify(weekly),
  ]);
  const [{ id }] = await manager.query('SELECT id FROM calendars WHERE name = $1', [INCIDENT_CALENDAR_NAME]);
  return id;
}
