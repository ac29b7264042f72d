import { noticeStrings } from './notice-strings';
import {
  changeText,
  interruptionText,
  locationText,
  materialsText,
  neighbourText,
  notReadyText,
  predecessorText,
  taskHeadline,
} from './render-parts';
import { RenderInput } from './render-notice';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

const row = (label: string, value: string) =>
  value
    ? `<tr><th style="text-align:left;vertical-align:top;padding:2px 8px 2px 0;white-space:nowrap;color:#555">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`
    : '';

/** A not-ready task's open constraints, in red so that the crew cannot miss them. */
const warningRow = (label: string, value: string) =>
  value
    ? `<tr style="color:#c92a2a"><th style="text-align:left;vertical-align:top;padding:2px 8px 2px 0;white-space:nowrap">⚠ ${escapeHtml(label)}</th><td style="padding:2px 0"><strong>${escapeHtml(value)}</strong></td></tr>`
    : '';

/**
 * The body of a notice in HTML, without greeting or link: what changed (an amendment), the
 * day's intro, each task with its place, work, materials, tools, safety notes, utility cut,
 * predecessors and other crews on site, and the coordinators. Every text is escaped; no
 * scripts, no external resources. The email and the acknowledgement page both show it.
 */
export function renderNoticeBodyHtml(input: RenderInput): string {
  const { content, revision, kind, changes } = input;
  const s = noticeStrings(content.language);
  const date = s.dateLabel(content.date);
  const parts: string[] = [];
  if (kind === 'amendment') {
    parts.push(`<p style="color:#c92a2a"><strong>${escapeHtml(s.amendedIntro(revision))}</strong></p>`);
    if (changes.length) {
      parts.push(`<p>${escapeHtml(s.changesTitle + s.colon.trim())}</p><ul>`);
      for (const change of changes) parts.push(`<li>${escapeHtml(changeText(change, s))}</li>`);
      parts.push('</ul>');
    }
  }
  parts.push(`<p>${escapeHtml(content.tasks.length ? s.intro(date, content.tasks.length) : s.noWork(date))}</p>`);
  content.tasks.forEach((task, index) => {
    parts.push(
      `<h3 style="margin:16px 0 4px">${index + 1}. ${escapeHtml(taskHeadline(task, s))}</h3>`,
      '<table style="border-collapse:collapse">',
      warningRow(s.notReady, notReadyText(task, s, content.language)),
      row(s.location, locationText(task.location, s)),
      row(s.content, task.content),
      row(s.materials, materialsText(task, s)),
      row(s.tools, task.tools.join(s.listSeparator)),
      row(s.safety, task.safetyNotes),
      row(s.interruption, interruptionText(task, s, content.date)),
      row(s.predecessors, predecessorText(task, s)),
      row(s.neighbours, neighbourText(task, s)),
      '</table>',
    );
  });
  for (const contact of content.contacts) {
    parts.push(
      `<p>${escapeHtml(s.coordinator + s.colon)}${escapeHtml(contact.name)}${contact.phone ? ` <a href="tel:${escapeHtml(contact.phone)}">${escapeHtml(contact.phone)}</a>` : ''}${escapeHtml(s.paren(contact.projectName))}</p>`,
    );
  }
  return parts.join('\n');
}

/** The HTML part of the notice email: the same content as the text, no external resources. */
export function renderHtml(input: RenderInput, ackLink: string): string {
  const { content } = input;
  const s = noticeStrings(content.language);
  return [
    `<!DOCTYPE html><html lang="${content.language}"><head><meta charset="utf-8"><title>${escapeHtml(s.dateLabel(content.date))}</title></head>`,
    '<body style="font-family:sans-serif;font-size:15px;line-height:1.5;color:#222;max-width:640px">',
    `<p>${escapeHtml(s.greeting(content.crew.name, content.crew.leaderName))}</p>`,
    renderNoticeBodyHtml(input),
    `<p>${escapeHtml(s.ackPrompt)}</p>`,
    `<p><a href="${escapeHtml(ackLink)}" style="display:inline-block;padding:8px 16px;background:#1c7ed6;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(s.ackButton)}</a></p>`,
    `<p style="font-size:12px;color:#888">${escapeHtml(ackLink)}</p>`,
    '</body></html>',
  ].join('\n');
}
