import { DeliveryEntity, NoticeEntity, NoticeRunEntity } from '@worksite/server-data-access';
import { ChannelKind, DeliveryDto, NoticeChangeDto, NoticeDto, NoticeRunDto } from '@worksite/shared-domain';

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const ROBOTS = new Set<string>([ChannelKind.WeCom, ChannelKind.DingTalk, ChannelKind.Feishu]);

/** A robot webhook carries its key in the URL (a secret): show only where it goes and the key's start. */
export function maskAddress(kind: string, address: string): string {
  if (!ROBOTS.has(kind)) return address;
  try {
    const url = new URL(address);
    const segments = url.pathname.split('/');
    const last = segments.pop() ?? '';
    const key = url.searchParams.get('key') ?? url.searchParams.get('access_token');
    if (key) return `${url.origin}${url.pathname}?…${key.slice(-4)}`;
    return `${url.origin}${segments.join('/')}/…${last.slice(-4)}`;
  } catch {
    return '…';
  }
}

export function toRunDto(
  run: NoticeRunEntity,
  live?: { acknowledged: number; unacknowledged: number; amendments: number },
): NoticeRunDto {
  return {
    id: run.id,
    projectId: run.projectId,
    runDate: run.runDate,
    status: run.status,
    trigger: run.trigger,
    crewsTotal: run.crewsTotal,
    crewsDone: run.crewsDone,
    crewsFailed: run.crewsFailed,
    crewsSkipped: run.crewsSkipped,
    deliveriesSent: run.deliveriesSent,
    deliveriesFailed: run.deliveriesFailed,
    deliveriesUnknown: run.deliveriesUnknown,
    ...(live ?? {}),
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
  };
}

/**
 * A delivery; `contacts: false` (the reader may not see the crew's contact data, see
 * maySeeCrewContacts) leaves out the address.
 */
export function toDeliveryDto(delivery: DeliveryEntity, contacts = true): DeliveryDto {
  return {
    id: delivery.id,
    noticeId: delivery.noticeId,
    channelId: delivery.channelId,
    kind: delivery.kind,
    purpose: delivery.purpose,
    address: contacts ? maskAddress(delivery.kind, delivery.address) : null,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    lastError: delivery.lastError,
    providerResponse: delivery.providerResponse,
    sentAt: iso(delivery.sentAt),
    acknowledgedAt: iso(delivery.acknowledgedAt),
    createdAt: delivery.createdAt.toISOString(),
    updatedAt: delivery.updatedAt.toISOString(),
  };
}

/** A notice; `contacts: false` leaves the crew leader's phone out of the content and the deliveries' addresses. */
export function toNoticeDto(
  notice: NoticeEntity,
  crewName: string,
  extra: { content?: boolean; deliveries?: DeliveryEntity[]; contacts?: boolean } = {},
): NoticeDto {
  const contacts = extra.contacts ?? true;
  return {
    id: notice.id,
    runId: notice.runId,
    crewId: notice.crewId,
    crewName,
    projectIds: notice.projectIds,
    noticeDate: notice.noticeDate,
    revision: notice.revision,
    reason: notice.reason,
    language: notice.language,
    taskCount: notice.taskCount,
    subject: notice.subject,
    changes: notice.changes as NoticeChangeDto[],
    createdAt: notice.createdAt.toISOString(),
    completedAt: iso(notice.completedAt),
    acknowledgedAt: iso(notice.acknowledgedAt),
    acknowledgedVia: notice.acknowledgedVia,
    remindedAt: iso(notice.remindedAt),
    escalatedAt: iso(notice.escalatedAt),
    ...(extra.content
      ? { content: contacts ? notice.content : withoutLeaderPhone(notice.content), text: notice.text }
      : {}),
    ...(extra.deliveries ? { deliveries: extra.deliveries.map((delivery) => toDeliveryDto(delivery, contacts)) } : {}),
  };
}

/** The stored content names the crew's leader with the phone; the crew's own text never prints it. */
function withoutLeaderPhone(content: unknown): unknown {
  const stored = content as { crew?: Record<string, unknown> } | null;
  return stored?.crew ? { ...stored, crew: { ...stored.crew, leaderPhone: null } } : content;
}
