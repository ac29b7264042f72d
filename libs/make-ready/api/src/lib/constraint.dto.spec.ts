import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AgencyBlocksQueryDto, CreateConstraintDto, LookAheadQueryDto, UpdateConstraintDto } from './constraint.dto';

/** The fields a request gets wrong, as the global validation pipe sees them (whitelist, no unknown fields). */
async function problems<T extends object>(type: new () => T, plain: object): Promise<string[]> {
  const errors = await validate(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true });
  return errors.map((error) => error.property).sort();
}

describe('make-ready request DTOs', () => {
  it('takes a constraint of a known kind with an optional owner, due date and announcement', async () => {
    expect(
      await problems(CreateConstraintDto, { kind: 'dig_permit', dueDate: '2026-12-08', ownerUserId: null }),
    ).toEqual([]);
    expect(
      await problems(CreateConstraintDto, {
        kind: 'rain',
        dueDate: '2026-02-30',
        ownerDepartmentId: 'x',
        announcementId: 1,
        colour: 'red',
      }),
    ).toEqual(['announcementId', 'colour', 'dueDate', 'kind', 'ownerDepartmentId']);
  });

  it('needs the version read to change one', async () => {
    expect(await problems(UpdateConstraintDto, { description: '电缆到场' })).toEqual(['version']);
    expect(await problems(UpdateConstraintDto, { version: 2, dueDate: null, kind: 'escort' })).toEqual([]);
  });

  it('looks 2 to 6 weeks ahead, from a real date', async () => {
    expect(await problems(LookAheadQueryDto, { weeks: '2', from: '2026-12-07', locationId: undefined })).toEqual([]);
    expect(await problems(LookAheadQueryDto, { weeks: '7', from: '2026-13-01', crewId: 'c1' })).toEqual([
      'crewId',
      'from',
      'weeks',
    ]);
    expect(await problems(AgencyBlocksQueryDto, { weeks: '1' })).toEqual(['weeks']);
  });
});
