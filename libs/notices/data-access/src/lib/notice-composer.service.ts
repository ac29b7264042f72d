import { Injectable } from '@nestjs/common';
import {
  ACK_LINK_PLACEHOLDER,
  composeNoticeContent,
  NoticeChange,
  NoticeContent,
  NoticeKind,
  RemovedTaskFate,
  renderSubject,
  renderText,
} from '@worksite/notices-domain';
import { EntityManager } from 'typeorm';
import { DayPlanLoader } from './day-plan.loader';

/** A notice ready to be stored: its content as it will be sent, subject and text. */
export interface ComposedNotice {
  content: NoticeContent;
  projectIds: string[];
  subject: string;
  /** The plain text with the acknowledgement link as ACK_LINK_PLACEHOLDER. */
  text: string;
  changes: NoticeChange[];
}

/** Composes a crew's notice for a date from the database, through the pure domain functions. */
@Injectable()
export class NoticeComposer {
  constructor(private readonly loader: DayPlanLoader) {}

  /** The content of the crew's day now; undefined when the crew does not exist. */
  async content(manager: EntityManager, crewId: string, date: string) {
    const day = await this.loader.load(manager, crewId, date);
    if (!day) return undefined;
    return {
      content: composeNoticeContent(day.input),
      projectIds: day.projectIds,
      firstNotice: day.firstNotice,
      heldTaskIds: day.heldTaskIds,
    };
  }

  render(
    content: NoticeContent,
    projectIds: string[],
    revision: number,
    kind: NoticeKind,
    changes: NoticeChange[],
  ): ComposedNotice {
    const input = { content, revision, kind, changes };
    return {
      content,
      projectIds,
      subject: renderSubject(input),
      text: renderText(input, ACK_LINK_PLACEHOLDER),
      changes,
    };
  }

  /**
   * Where the tasks of an earlier revision went that are not in the crew's day any more:
   * cancelled, given to another crew, moved to another date, held back (not ready), or deleted.
   */
  async fates(
    manager: EntityManager,
    crewId: string,
    date: string,
    taskIds: string[],
    heldTaskIds: string[] = [],
  ): Promise<Record<string, RemovedTaskFate>> {
    const fates: Record<string, RemovedTaskFate> = {};
    if (!taskIds.length) return fates;
    const rows = (await manager.query(
      `SELECT id, status, crew_id, start_date <= $2::date AND finish_date >= $2::date AS on_date
         FROM tasks WHERE id = ANY($1::uuid[])`,
      [taskIds, date],
    )) as { id: string; status: string; crew_id: string | null; on_date: boolean }[];
    for (const id of taskIds) fates[id] = 'removed';
    for (const row of rows) {
      fates[row.id] =
        row.status === 'cancelled'
          ? 'cancelled'
          : row.crew_id !== crewId
            ? 'reassigned'
            : !row.on_date
              ? 'moved'
              : heldTaskIds.includes(row.id)
                ? 'held'
                : 'removed';
    }
    return fates;
  }
}
