import { IncidentAckInfo } from '@worksite/incidents-data-access';
import { ackPageShell, escapeHtml } from '@worksite/notices-domain';

export type IncidentAckPageKind = 'confirm' | 'confirmed' | 'already' | 'expired' | 'unknown';

const TEXTS: Record<IncidentAckPageKind, { zh: string; en: string }> = {
  confirm: { zh: '请确认已收到紧急抢修调度', en: 'Please confirm you received the emergency call-out' },
  confirmed: { zh: '已确认，请尽快到场！', en: 'Acknowledged: please get to the site now!' },
  already: { zh: '此前已确认，无需再次操作。', en: 'This was acknowledged before; nothing more to do.' },
  expired: { zh: '链接已过期，请直接联系协调员。', en: 'This link has expired; please call the coordinator.' },
  unknown: { zh: '链接无效。', en: 'This link is not valid.' },
};

/**
 * The bilingual page behind a call-out's link (the crew's language first): opening it changes
 * nothing (chat previews, mail scanners); the button POSTs. No scripts; every value escaped.
 */
export function incidentAckPage(kind: IncidentAckPageKind, info?: IncidentAckInfo, action?: string): string {
  return ackPageShell({
    english: info?.language === 'en',
    text: TEXTS[kind],
    details: info
      ? [
          `${escapeHtml(info.incidentCode)} · ${escapeHtml(info.incidentTitle)}`,
          `${escapeHtml(info.departmentName)}${info.crewName ? ` · ${escapeHtml(info.crewName)}` : ''}`,
        ]
      : [],
    form: kind === 'confirm' && action ? { action, label: { zh: '确认', en: 'Acknowledge' } } : null,
  });
}
