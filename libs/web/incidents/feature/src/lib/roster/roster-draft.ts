import { OnCallRosterDto, OnCallRosterRequest } from '@worksite/shared-domain';
import { instantOf } from '@worksite/shared-util-time';
import { wallClock } from '../report/report-form';

/** A duty period as the editor holds it (datetime-local values in the community's zone). */
export interface ShiftDraft {
  crewId: string;
  startsAt: string;
  endsAt: string;
}

export interface RosterDraft {
  version: number;
  dutyLeadName: string;
  dutyLeadPhone: string;
  defaultCrewId: string;
  shifts: ShiftDraft[];
}

export function rosterDraft(roster: OnCallRosterDto, zone: string): RosterDraft {
  return {
    version: roster.version,
    dutyLeadName: roster.dutyLeadName ?? '',
    dutyLeadPhone: roster.dutyLeadPhone ?? '',
    defaultCrewId: roster.defaultCrewId ?? '',
    shifts: [...roster.shifts]
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .map((shift) => ({
        crewId: shift.crewId,
        startsAt: wallClock(Date.parse(shift.startsAt), zone),
        endsAt: wallClock(Date.parse(shift.endsAt), zone),
      })),
  };
}

/** A new twelve-hour shift: from the end of the last one, or from now. */
export function nextShift(draft: RosterDraft, crewId: string, now: number, zone: string): ShiftDraft {
  const last = draft.shifts[draft.shifts.length - 1];
  const start = last?.endsAt ? Date.parse(toIso(last.endsAt, zone)) : now;
  return { crewId, startsAt: wallClock(start, zone), endsAt: wallClock(start + 12 * 3_600_000, zone) };
}

const toIso = (value: string, zone: string) => {
  const [date, time] = value.split('T');
  return instantOf(date, time.slice(0, 5), zone).toISOString();
};

/** Problems by field (`shifts.1.endsAt`) → translation key. */
export function rosterProblems(draft: RosterDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  draft.shifts.forEach((shift, index) => {
    if (!shift.crewId) problems[`shifts.${index}.crewId`] = 'incidents.roster.problems.crew';
    if (!shift.startsAt || !shift.endsAt) problems[`shifts.${index}.endsAt`] = 'incidents.roster.problems.times';
    else if (shift.endsAt <= shift.startsAt) problems[`shifts.${index}.endsAt`] = 'incidents.roster.problems.order';
  });
  return problems;
}

export function rosterRequest(draft: RosterDraft, zone: string): OnCallRosterRequest {
  return {
    version: draft.version,
    dutyLeadName: draft.dutyLeadName.trim() || null,
    dutyLeadPhone: draft.dutyLeadPhone.trim() || null,
    defaultCrewId: draft.defaultCrewId || null,
    shifts: draft.shifts.map((shift) => ({
      crewId: shift.crewId,
      startsAt: toIso(shift.startsAt, zone),
      endsAt: toIso(shift.endsAt, zone),
    })),
  };
}
