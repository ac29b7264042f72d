import { NoticeDto, ProjectDto, TaskDto } from '@worksite/shared-domain';
import { applyTap, CrewReportRecord, CrewReportRequest, MakeReadyConstraintDto } from '@worksite/shared-make-ready';
import { CrewRef, LocationRef, ReferenceMaps } from '@worksite/web-planning-data-access';
import { AckTap, crewDayKey } from '@worksite/web-weekly-plan-data-access';

/** Notices kept on the phone: the newest (a crew's history may be long). */
const NOTICES_KEPT = 10;

/** What the crew page last loaded from the server, kept on the phone for a start without network. */
export interface CrewDaySnapshot {
  savedAt: number;
  crewId: string;
  /** The local date `reports` are of. */
  date: string;
  projects: ProjectDto[];
  /** The user's crews and the one shown; the locations of the tasks with their parents. */
  crews: CrewRef[];
  locations: LocationRef[];
  tasks: TaskDto[];
  /** The tasks with an open make-ready constraint, each with those constraints. */
  blockers?: [string, MakeReadyConstraintDto[]][];
  /** The tasks not ready, as days kept before `blockers` were kept say it (read, no longer written). */
  notReadyIds?: string[];
  reports: CrewReportRecord[];
  notices: NoticeDto[];
}

/** The open constraints by task of a kept day (a day kept before they were: the tasks not ready, without them). */
export function keptBlockers(kept: CrewDaySnapshot): Map<string, readonly MakeReadyConstraintDto[]> {
  return new Map(kept.blockers ?? (kept.notReadyIds ?? []).map((taskId) => [taskId, []]));
}

/** The page's data as it will be kept: only the reference data the page shows of it. */
export function snapshotOf(
  day: Omit<CrewDaySnapshot, 'crews' | 'locations' | 'notices'> & { notices: readonly NoticeDto[] },
  refs: ReferenceMaps,
  crewIds: readonly string[],
): CrewDaySnapshot {
  const crews = [...new Set([day.crewId, ...crewIds])].map((id) => refs.crews.get(id)).filter((c) => !!c);
  const locations = new Map<string, LocationRef>();
  for (const task of day.tasks) {
    for (let at = task.locationId, guard = 0; at && guard < 10 && !locations.has(at); guard++) {
      const location = refs.locations.get(at);
      if (!location) break;
      locations.set(at, location);
      at = location.parentId;
    }
  }
  const notices = [...day.notices]
    .sort((a, b) => b.noticeDate.localeCompare(a.noticeDate) || b.revision - a.revision)
    .slice(0, NOTICES_KEPT);
  return { ...day, crews, locations: [...locations.values()], notices };
}

/**
 * The day as the server now has it: the phone's taps it accepted since the page loaded (oldest
 * first), applied to the tasks by the api's rule and added to the day's reports.
 */
export function withSentTaps(
  tasks: readonly TaskDto[],
  reports: readonly CrewReportRecord[],
  sent: readonly CrewReportRequest[],
): { tasks: TaskDto[]; reports: CrewReportRecord[] } {
  const ids = new Set(tasks.map((t) => t.id));
  const mine = sent.filter((tap) => ids.has(tap.taskId));
  return {
    tasks: tasks.map((task) => {
      const taps = mine.filter((tap) => tap.taskId === task.id);
      if (taps.length === 0) return task;
      const { status, progress } = taps.reduce(applyTap, {
        status: task.status,
        progress: task.progress,
        notDone: null,
      });
      return { ...task, status: status as TaskDto['status'], progress };
    }),
    reports: [
      ...reports,
      ...mine.map((tap) => ({
        taskId: tap.taskId,
        kind: tap.kind,
        progress: tap.progress ?? null,
        reason: tap.reason ?? null,
        note: tap.note ?? '',
        tappedAt: tap.tappedAt,
      })),
    ],
  };
}

/**
 * The notices with the lead's "收到" made on this phone: acknowledged at the tap's time until
 * the server's own answer replaces them (the first acknowledgement is the one that counts).
 */
export function withAcks(notices: readonly NoticeDto[], acks: readonly AckTap[]): NoticeDto[] {
  const byNotice = new Map(acks.map((a) => [a.noticeId, a]));
  return notices.map((notice) => {
    const ack = byNotice.get(notice.id);
    return ack && !notice.acknowledgedAt
      ? { ...notice, acknowledgedAt: ack.tappedAt, acknowledgedVia: 'session' as const }
      : notice;
  });
}

/** The snapshot's reference data as the page reads it. */
export function refsOf(snapshot: CrewDaySnapshot): ReferenceMaps {
  return {
    departments: new Map(),
    crews: new Map(snapshot.crews.map((c) => [c.id, c])),
    locations: new Map(snapshot.locations.map((l) => [l.id, l])),
  };
}

/** One snapshot per user in localStorage (their last crew's day); a full or denied storage keeps none. */
export class CrewDayCache {
  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null,
    private readonly userId: string,
  ) {}

  save(snapshot: CrewDaySnapshot): void {
    try {
      this.storage?.setItem(crewDayKey(this.userId), JSON.stringify(snapshot));
    } catch {
      // Quota exceeded or storage denied: the page works online as before.
    }
  }

  /** The kept day of that crew, if any. */
  load(crewId: string | null): CrewDaySnapshot | null {
    try {
      const snapshot = JSON.parse(this.storage?.getItem(crewDayKey(this.userId)) ?? 'null') as CrewDaySnapshot | null;
      return snapshot && (crewId === null || snapshot.crewId === crewId) ? snapshot : null;
    } catch {
      return null;
    }
  }
}
