import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { ApiError, problem, scopedQuery } from '@worksite/api-core';
import { TextRef } from '@worksite/shared-i18n';
import { Actor, noticeRefusal, Resource } from '@worksite/auth-access';
import {
  AckService,
  NOTICE_CLOCK,
  NoticeClock,
  NoticeJobs,
  NoticeRunsService,
  NoticeStore,
} from '@worksite/notices-data-access';
import { NoticeEntity, ProjectEntity } from '@worksite/server-data-access';
import { NoticeReason, NoticeRunStatus, NoticeRunTrigger } from '@worksite/shared-domain';
import { addDays, localDateOf } from '@worksite/shared-util-time';
import { DataSource } from 'typeorm';
import { NoticesQueryService } from './notices-query.service';

/**
 * Why "send now" started nothing: the run of that date already sent its notices, or is
 * sending them. Changes to the plan after a run go out as amendments by themselves.
 */
export type SendNowReason = 'already_sent' | 'in_progress';

/** How far ahead of the server a phone's clock may run, and how long an acknowledgement may wait on an offline phone. */
const ACK_AHEAD_MINUTES = 5;
const ACK_KEPT_DAYS = 7;

/** How long a request waits for Redis to take a job before leaving it to the watchdog. */
const ENQUEUE_WAIT_MS = 3000;

function forbidden(message: TextRef): ApiError {
  return new ApiError(HttpStatus.FORBIDDEN, 'forbidden', message);
}

/**
 * What coordinators and crew leads do: send a project's notices now, resend a crew's
 * notice (a new revision), acknowledge with a session. The database is written first; a
 * job that cannot be queued (Redis down) is picked up by the worker's watchdog.
 */
@Injectable()
export class NoticeActionsService {
  private readonly logger = new Logger(NoticeActionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: NoticeRunsService,
    private readonly store: NoticeStore,
    private readonly jobs: NoticeJobs,
    private readonly acks: AckService,
    private readonly queries: NoticesQueryService,
    @Inject(NOTICE_CLOCK) private readonly clock: NoticeClock,
  ) {}

  /** "Send tomorrow's notices now": the project's run for the date (today or tomorrow), started once. */
  async sendNow(projectId: string, date: string | undefined, actor: Actor) {
    // A project the actor cannot see does not exist for them (404); one they see but do not coordinate is 403.
    const project = await scopedQuery(this.dataSource.manager, ProjectEntity, Resource.Project, actor)
      .andWhere('e.id = :projectId', { projectId })
      .getOne();
    if (!project) throw ApiError.notFound('project', projectId);
    const refusal = noticeRefusal('send', actor, { projectIds: [projectId] });
    if (refusal) throw forbidden(refusal.message);
    const today = localDateOf(this.clock(), project.timeZone);
    const runDate = date ?? addDays(today, 1);
    if (runDate !== today && runDate !== addDays(today, 1)) {
      throw ApiError.badRequest({ key: 'notice_date_out_of_range', params: { today, tomorrow: addDays(today, 1) } }, [
        problem('date', 'todayOrTomorrow'),
      ]);
    }
    const { run, created } = await this.runs.ensureRun(projectId, runDate, NoticeRunTrigger.Manual, actor.id);
    const restarted =
      !created && run.status === NoticeRunStatus.Missed && (await this.runs.requestManual(run.id, actor.id));
    const started = created || restarted;
    if (started) await this.enqueue(() => this.jobs.addRun({ projectId, date: runDate, trigger: 'manual' }));
    // Pressed again: nothing new is sent (changes to the plan go out as amendments by themselves).
    const reason: SendNowReason | undefined = started
      ? undefined
      : run.status === NoticeRunStatus.Completed
        ? 'already_sent'
        : 'in_progress';
    return { created: started, started, ...(reason ? { reason } : {}), run: await this.queries.run(run.id, actor) };
  }

  /** "Resend to this crew": the crew's plan for the date now, as the next revision, on all its channels. */
  async resend(noticeId: string, actor: Actor) {
    const notice = await this.queries.visibleNotice(noticeId, actor);
    const refusal = noticeRefusal('resend', actor, { projectIds: notice.projectIds });
    if (refusal) throw forbidden(refusal.message);
    const result = await this.store.createRevision(notice.crewId, notice.noticeDate, NoticeReason.Resend);
    if (result.outcome !== 'created') {
      throw ApiError.conflict('not_resent', 'not_resent');
    }
    await this.enqueue(() => this.jobs.addDeliveries(result.deliveryIds));
    return this.queries.notice(result.noticeId, actor);
  }

  /**
   * The crew lead confirms with a session; a second time changes nothing. `tappedAt`: when the
   * lead tapped 收到 on the phone (its outbox sends it later when offline), else now.
   */
  async acknowledge(noticeId: string, actor: Actor, tappedAt?: string) {
    const at = ackTime(tappedAt, this.clock());
    const notice: NoticeEntity = await this.queries.visibleNotice(noticeId, actor);
    const refusal = noticeRefusal('acknowledge', actor, { projectIds: notice.projectIds, crewId: notice.crewId });
    if (refusal) throw forbidden(refusal.message);
    const acknowledged = await this.acks.acknowledgeBySession(noticeId, actor.id, at);
    return { acknowledged: true, changed: acknowledged, notice: await this.queries.notice(noticeId, actor) };
  }

  /**
   * Queues work the database already owes, without failing or holding up the request: when
   * Redis is down (the producer fails at once) or does not answer within ENQUEUE_WAIT_MS,
   * the request goes on and the worker's watchdog queues it from PostgreSQL (adding it twice
   * is harmless: every job is idempotent).
   */
  private async enqueue(add: () => Promise<unknown>): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ENQUEUE_WAIT_MS} ms`)), ENQUEUE_WAIT_MS);
    });
    try {
      await Promise.race([add(), late]);
    } catch (error) {
      this.logger.warn(`could not queue notice jobs (${(error as Error).message}); the worker's watchdog will`);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The instant of the tap, within what a phone's clock and its offline outbox make plausible; else 400. */
function ackTime(tappedAt: string | undefined, now: number): Date {
  if (tappedAt === undefined) return new Date(now);
  const at = Date.parse(tappedAt);
  if (at > now + ACK_AHEAD_MINUTES * 60_000 || at < now - ACK_KEPT_DAYS * 86_400_000) {
    const params = { minutes: ACK_AHEAD_MINUTES, days: ACK_KEPT_DAYS };
    throw ApiError.badRequest({ key: 'notice_ack_time_out_of_range', params }, [
      problem('tappedAt', 'recentInstant', params),
    ]);
  }
  return new Date(at);
}
