import {
  decodeSchedule,
  encodeSchedule,
  SCHEDULE_WIRE_FORMAT,
  ScheduledTaskSource,
  TASK_INSTANT_FIELDS,
} from './compact-schedule';
import { BASE, iso, schedule, task } from '../testing/schedule-fixture';

describe('compact schedule', () => {
  it('decodes to exactly the schedule it was encoded from', () => {
    const original = schedule(500);
    const wire = JSON.parse(JSON.stringify(encodeSchedule(original)));
    expect(decodeSchedule(wire)).toEqual(original);
  });

  it('keeps nulls, millisecond instants and instants before their reference', () => {
    const original = schedule(3);
    original.tasks[1] = task(1, {
      constraintType: 'SNET',
      constraintAt: iso(BASE - 5),
      lateStart: iso(BASE + 3_600_000 - 61_000),
      crewId: null,
    });
    expect(decodeSchedule(JSON.parse(JSON.stringify(encodeSchedule(original))))).toEqual(original);
  });

  it('round-trips an empty project', () => {
    const original = { ...schedule(1), tasks: [], dependencies: [], criticalPath: [], violations: [] };
    expect(decodeSchedule(encodeSchedule(original))).toEqual(original);
  });

  it('is several times smaller than the JSON of the schedule', () => {
    const original = schedule(2_000);
    const compact = JSON.stringify(encodeSchedule(original)).length;
    expect(compact * 3).toBeLessThan(JSON.stringify(original).length);
  });

  it('refuses a link to a task outside the schedule, and an unknown format', () => {
    const original = schedule(3);
    expect(() => encodeSchedule({ ...original, tasks: original.tasks.slice(1) })).toThrow(/t-0/);
    const wire = { ...encodeSchedule(original), format: 'other/9' } as unknown as ReturnType<typeof encodeSchedule>;
    expect(() => decodeSchedule(wire)).toThrow(/unknown format/);
  });

  it('names its format', () => {
    expect(encodeSchedule(schedule(1)).format).toBe(SCHEDULE_WIRE_FORMAT);
  });
});

describe('compact schedule from epoch milliseconds', () => {
  it('encodes tasks with instants as epoch ms exactly as the same tasks with ISO strings', () => {
    const original = schedule(300);
    const asMs = {
      ...original,
      tasks: original.tasks.map((task) => {
        const row: Record<string, unknown> = { ...task };
        for (const field of TASK_INSTANT_FIELDS) {
          const value = task[field];
          row[field] = value === null ? null : Date.parse(value);
        }
        return row as unknown as ScheduledTaskSource;
      }),
    };
    expect(encodeSchedule(asMs)).toEqual(encodeSchedule(original));
    expect(decodeSchedule(encodeSchedule(asMs))).toEqual(original);
  });

  it('lists as instants exactly the fields it writes as instants', () => {
    const { columns } = encodeSchedule(schedule(2)).tasks;
    const instantColumns = Object.keys(columns).filter((field) => 'step' in (columns[field] as object));
    expect(instantColumns.sort()).toEqual([...TASK_INSTANT_FIELDS].sort());
  });
});
