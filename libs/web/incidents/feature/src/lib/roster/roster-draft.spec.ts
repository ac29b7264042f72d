import { OnCallRosterDto } from '@worksite/shared-domain';
import { nextShift, rosterDraft, rosterProblems, rosterRequest } from './roster-draft';

const zone = 'Asia/Shanghai';
const roster: OnCallRosterDto = {
  departmentId: 'power',
  departmentName: '国网沈阳供电公司',
  version: 2,
  dutyLeadName: '刘振东',
  dutyLeadPhone: '13800000000',
  defaultCrewId: 'c1',
  defaultCrewName: '电缆一班',
  shifts: [
    { crewId: 'c2', startsAt: '2026-12-05T10:00:00.000Z', endsAt: '2026-12-06T00:00:00.000Z' },
    { crewId: 'c1', startsAt: '2026-12-04T10:00:00.000Z', endsAt: '2026-12-05T00:00:00.000Z' },
  ],
  onDutyCrewId: 'c1',
  onDutyCrewName: '电缆一班',
};

describe('roster drafts', () => {
  it('show the shifts in order in local time and give back the same roster', () => {
    const draft = rosterDraft(roster, zone);
    expect(draft.shifts.map((s) => [s.crewId, s.startsAt, s.endsAt])).toEqual([
      ['c1', '2026-12-04T18:00', '2026-12-05T08:00'],
      ['c2', '2026-12-05T18:00', '2026-12-06T08:00'],
    ]);
    expect(rosterRequest(draft, zone)).toEqual({
      version: 2,
      dutyLeadName: '刘振东',
      dutyLeadPhone: '13800000000',
      defaultCrewId: 'c1',
      shifts: [roster.shifts[1], roster.shifts[0]].map(({ crewId, startsAt, endsAt }) => ({
        crewId,
        startsAt,
        endsAt,
      })),
    });
  });

  it('add a shift after the last and name shifts ending before they start', () => {
    const draft = rosterDraft(roster, zone);
    expect(nextShift(draft, 'c1', 0, zone)).toEqual({
      crewId: 'c1',
      startsAt: '2026-12-06T08:00',
      endsAt: '2026-12-06T20:00',
    });
    draft.shifts[1].endsAt = '2026-12-05T17:00';
    draft.shifts[0].crewId = '';
    expect(rosterProblems(draft)).toEqual({
      'shifts.0.crewId': 'incidents.roster.problems.crew',
      'shifts.1.endsAt': 'incidents.roster.problems.order',
    });
  });
});
