import { IncidentAckInfo } from '@worksite/incidents-data-access';
import { escapeHtml } from '@worksite/notices-domain';

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
  const english = info?.language === 'en';
  const text = TEXTS[kind];
  const lines = english ? [text.en, text.zh] : [text.zh, text.en];
  const details = info
    ? `<p>${escapeHtml(info.incidentCode)} · ${escapeHtml(info.incidentTitle)}</p><p>${escapeHtml(info.departmentName)}${
        info.crewName ? ` · ${escapeHtml(info.crewName)}` : ''
      }</p>`
    : '';
  const form =
    kind === 'confirm' && action
      ? `<form method="post" action="${escapeHtml(action)}"><button type="submit" style="font-size:18px;padding:10px 24px">${
          english ? 'Acknowledge / 确认' : '确认 / Acknowledge'
        }</button></form>`
      : '';
  return `<!DOCTYPE html>
<html lang="${english ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(lines[0])}</title></head>
<body style="font-family:sans-serif;max-width:640px;margin:40px auto;padding:0 16px;line-height:1.6">
<h1 style="font-size:22px">${escapeHtml(lines[0])}</h1><p>${escapeHtml(lines[1])}</p>
${details}
${form}
</body></html>`;
}
