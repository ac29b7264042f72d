import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ApiError } from '@worksite/api-core';
import { checkedWeekStart, isFrozen, ProjectScope } from './project-scope';
import { CrewDayReportsQueryDto, CrewReportDto } from './weekly-plan.dto';

const invalid = async <T extends object>(type: new () => T, plain: Record<string, unknown>) =>
  (await validate(plainToInstance(type, plain))).map((error) => error.property);

describe('crew tap requests', () => {
  const tap = {
    clientKey: '0b9a3f4e-3c1d-4a55-9b1e-6a2f0c7d8e91',
    taskId: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    kind: 'progress',
    progress: 50,
    tappedAt: '2026-12-04T10:00:00+08:00',
  };

  it('takes a tap with its key, kind, progress 0–100 and an instant with an offset', async () => {
    expect(await invalid(CrewReportDto, tap)).toEqual([]);
    expect(await invalid(CrewReportDto, { ...tap, progress: 101 })).toEqual(['progress']);
    expect(await invalid(CrewReportDto, { ...tap, kind: 'paused' })).toEqual(['kind']);
    expect(await invalid(CrewReportDto, { ...tap, tappedAt: '2026-12-04T10:00:00' })).toEqual(['tappedAt']);
    expect(await invalid(CrewReportDto, { ...tap, kind: 'not_done', reason: 'bad_luck' })).toEqual(['reason']);
  });

  it("asks the day's taps by crew and a real local date", async () => {
    const crewId = tap.taskId;
    expect(await invalid(CrewDayReportsQueryDto, { crewId, date: '2026-12-04' })).toEqual([]);
    expect(await invalid(CrewDayReportsQueryDto, { crewId, date: '2026-02-30' })).toEqual(['date']);
    expect(await invalid(CrewDayReportsQueryDto, { date: '2026-12-04' })).toEqual(['crewId']);
  });
});

describe('weeks of a plan', () => {
  it('names a week by its Monday and freezes it once it has begun', () => {
    expect(checkedWeekStart('2026-11-30')).toBe('2026-11-30');
    expect(() => checkedWeekStart('2026-12-01')).toThrow(ApiError);
    expect(() => checkedWeekStart('2026-11-31')).toThrow(ApiError);
    const scope = { today: '2026-12-02' } as ProjectScope;
    expect(isFrozen('2026-11-30', scope)).toBe(true);
    expect(isFrozen('2026-12-07', scope)).toBe(false);
  });
});
