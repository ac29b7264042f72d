import { InterruptionKind } from '@worksite/shared-domain';

/**
 * Days before a cut starts by which its announcement must be posted. Power: 7 days, the
 * power supply rules for planned outages; the others are settings (ANNOUNCE_LEAD_DAYS).
 */
export type LeadDays = Readonly<Record<InterruptionKind, number>>;

export const DEFAULT_LEAD_DAYS: LeadDays = {
  [InterruptionKind.Power]: 7,
  [InterruptionKind.Water]: 3,
  [InterruptionKind.Gas]: 3,
  [InterruptionKind.Heating]: 3,
  [InterruptionKind.Network]: 1,
  [InterruptionKind.RoadClosure]: 3,
};

const KINDS = Object.values(InterruptionKind) as string[];

/**
 * Reads "power=7;water=3" (kinds left out keep their default). Returns the problem as text
 * for a bad entry; power below 7 days is refused (the regulation's minimum).
 */
export function parseLeadDays(text: string): LeadDays | string {
  const out: Record<string, number> = { ...DEFAULT_LEAD_DAYS };
  for (const part of text
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z_]+)\s*=\s*(\d{1,3})$/.exec(part);
    if (!match || !KINDS.includes(match[1])) return `"${part}" is not kind=days (kinds: ${KINDS.join(', ')})`;
    out[match[1]] = Number(match[2]);
  }
  if (out[InterruptionKind.Power] < DEFAULT_LEAD_DAYS[InterruptionKind.Power]) {
    return 'power cuts are announced at least 7 days ahead';
  }
  return out as LeadDays;
}

/** The lead days of a validated setting (the configuration refuses a bad one at start; the defaults otherwise). */
export function leadDaysOf(setting: string): LeadDays {
  const lead = parseLeadDays(setting);
  return typeof lead === 'string' ? DEFAULT_LEAD_DAYS : lead;
}

const DAY_MS = 86_400_000;

/** The instant by which a cut starting at `startsAt` must have been announced. */
export function announcementDeadline(startsAt: number, kind: InterruptionKind | string, lead: LeadDays): number {
  return startsAt - (lead[kind as InterruptionKind] ?? 0) * DAY_MS;
}

/**
 * How a planned cut stands with its residents:
 * - `on-time`: the text telling its current times was posted by the deadline;
 * - `late`: posted, but after the deadline;
 * - `outdated`: residents were told other times (the cut moved): they must be told again;
 * - `missing`: nothing posted and the deadline has passed;
 * - `due`: nothing posted yet, the deadline still ahead.
 * The first three but `on-time`, and `missing`, are clashes ('announcement-late').
 */
export type AnnouncementTiming = 'on-time' | 'late' | 'outdated' | 'missing' | 'due';

export interface CutAnnouncementFacts {
  kind: InterruptionKind | string;
  startsAt: number;
  /** When the text telling the cut's current times and places was first posted (null: never). */
  postedAt: number | null;
  /** Whether a text telling other times or places was posted. */
  postedOther: boolean;
}

export function announcementTiming(facts: CutAnnouncementFacts, lead: LeadDays, now: number): AnnouncementTiming {
  const deadline = announcementDeadline(facts.startsAt, facts.kind, lead);
  if (facts.postedAt !== null) return facts.postedAt <= deadline ? 'on-time' : 'late';
  if (facts.postedOther) return 'outdated';
  return now > deadline ? 'missing' : 'due';
}

export const isAnnouncementClash = (timing: AnnouncementTiming): boolean => timing !== 'on-time' && timing !== 'due';

/** What a cut is, to compare what residents were told with what is planned. */
export interface CutSnapshot {
  kind: string;
  startsAt: string;
  endsAt: string | null;
  locationIds: readonly string[];
}

/** One string per cut: equal when residents were told exactly this cut. */
export function cutFingerprint(cut: CutSnapshot): string {
  const at = (value: string | null) => (value ? String(new Date(value).getTime()) : '-');
  return [cut.kind, at(cut.startsAt), at(cut.endsAt), [...cut.locationIds].sort().join(',')].join('|');
}
