import {
  ACK_LINK_PLACEHOLDER,
  noticeCalendar,
  reminderEmail,
  RenderInput,
  renderHtml,
  RobotKind,
  robotNoticeBody,
  robotReminderBody,
  smsNoticeText,
  smsReminderText,
} from '@worksite/notices-domain';
import { ClaimedDelivery } from '@worksite/notices-data-access';
import { DeliveryPurpose } from '@worksite/shared-domain';
import { EmailMessage } from './email.channel';
import { deliveryIdempotencyKey, messageIdOf } from './idempotency';

function renderInput(claim: ClaimedDelivery): RenderInput {
  const { notice } = claim;
  return { content: notice.content, revision: notice.revision, kind: notice.reason, changes: notice.changes };
}

/** The email of a delivery: the stored text with this attempt's link, the HTML and the .ics. */
export function emailFor(claim: ClaimedDelivery, link: string, uidDomain: string, now: number): EmailMessage {
  const { notice, delivery } = claim;
  const common = {
    to: delivery.address,
    messageId: messageIdOf(deliveryIdempotencyKey(delivery.id), uidDomain),
    headers: {
      'X-Worksite-Delivery': delivery.id,
      'X-Worksite-Notice': `${notice.crew_id}/${notice.notice_date}/${notice.revision}`,
    },
  };
  if (delivery.purpose === DeliveryPurpose.Reminder) {
    return { ...common, ...reminderEmail(notice.content, link) };
  }
  return {
    ...common,
    subject: notice.subject,
    text: notice.text.split(ACK_LINK_PLACEHOLDER).join(link),
    html: renderHtml(renderInput(claim), link),
    ics: {
      filename: `worksite-${notice.notice_date}-r${notice.revision}.ics`,
      content: noticeCalendar(notice.content, notice.revision, notice.changes, { uidDomain, now }),
    },
  };
}

export function robotBodyFor(claim: ClaimedDelivery, link: string): Record<string, unknown> {
  const kind = claim.delivery.kind as RobotKind;
  return claim.delivery.purpose === DeliveryPurpose.Reminder
    ? robotReminderBody(kind, claim.notice.content, link)
    : robotNoticeBody(kind, renderInput(claim), link);
}

export function smsTextFor(claim: ClaimedDelivery, link: string): string {
  return claim.delivery.purpose === DeliveryPurpose.Reminder
    ? smsReminderText(claim.notice.content, link)
    : smsNoticeText(claim.notice.content, link, claim.notice.revision);
}
