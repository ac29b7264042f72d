import { ackPageShell, escapeHtml, renderNoticeBodyHtml } from '@worksite/notices-domain';
import { AckTokenInfo } from '@worksite/notices-data-access';

export type AckPageKind = 'confirm' | 'confirmed' | 'already' | 'expired' | 'unknown';

const TEXTS: Record<AckPageKind, { zh: string; en: string }> = {
  confirm: { zh: '请确认已收到施工安排', en: 'Please confirm you received the work plan' },
  confirmed: { zh: '已确认，谢谢！', en: 'Confirmed, thank you!' },
  already: { zh: '此前已确认，无需再次操作。', en: 'This was confirmed before; nothing more to do.' },
  expired: { zh: '链接已过期，请联系协调员。', en: 'This link has expired; please call your coordinator.' },
  unknown: { zh: '链接无效。', en: 'This link is not valid.' },
};

/**
 * The small bilingual page behind an acknowledgement link (the crew's language first). It
 * lists the day's tasks as the email does (read-only): a crew whose only channel is a group
 * chat, where long messages are cut short, reads its whole day here without signing in. The
 * confirm page only shows a form: opening the link changes nothing, so chat previews and
 * mail scanners cannot acknowledge; pressing the button POSTs. No scripts (the api's CSP);
 * every text from the database is escaped.
 */
export function ackPage(kind: AckPageKind, info?: AckTokenInfo, action?: string): string {
  const english = info?.language === 'en';
  const details = info
    ? [
        english
          ? `${escapeHtml(info.crewName)} · ${info.noticeDate} · revision ${info.revision} · ${info.taskCount} task(s)`
          : `${escapeHtml(info.crewName)} · ${info.noticeDate} · 第 ${info.revision} 版 · ${info.taskCount} 项任务`,
        info.latestRevision > info.revision
          ? english
            ? `A newer revision (${info.latestRevision}) was sent; please read and confirm that one too. / 已发出更新的第 ${info.latestRevision} 版，请同时确认。`
            : `已发出更新的第 ${info.latestRevision} 版，请同时确认。/ A newer revision (${info.latestRevision}) was sent; please confirm that one too.`
          : '',
      ]
    : [];
  // The day as sent (the link's revision); an expired link shows nothing more than its state.
  const day =
    info && kind !== 'expired' && info.content?.tasks
      ? `<section data-testid="day" style="margin-top:24px;border-top:1px solid #ddd">\n${renderNoticeBodyHtml({
          content: info.content,
          revision: info.revision,
          kind: info.reason,
          changes: info.changes ?? [],
        })}\n</section>`
      : '';
  return ackPageShell({
    english,
    text: TEXTS[kind],
    details,
    form: kind === 'confirm' && action ? { action, label: { zh: '确认', en: 'Confirm' } } : null,
    extra: day,
  });
}
