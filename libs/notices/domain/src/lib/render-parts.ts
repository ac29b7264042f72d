import { constraintKindLabel } from '@worksite/shared-make-ready';
import {
  NoticeChange,
  NoticeConstraint,
  NoticeContent,
  NoticeLocation,
  NoticeMaterial,
  NoticeTask,
} from './notice-content';
import { NoticeStrings } from './notice-strings';

/** Stands for the acknowledgement link in stored texts; each delivery puts its own link there. */
export const ACK_LINK_PLACEHOLDER = '{{ackLink}}';

/** "八经小区 32号楼 1单元" — the location from the compound down. */
export function locationName(location: NoticeLocation | null): string {
  if (!location) return '';
  return [location.compound, location.street, location.building, location.unit].filter(Boolean).join(' ');
}

export function locationText(location: NoticeLocation | null, strings: NoticeStrings): string {
  if (!location) return '';
  const name = locationName(location);
  return location.address ? `${name}${strings.paren(`${strings.address}${strings.colon}${location.address}`)}` : name;
}

export function timeWindow(task: Pick<NoticeTask, 'start' | 'end'>): string {
  return `${task.start}–${task.end}`;
}

export function materialText(material: NoticeMaterial): string {
  if (material.quantity === undefined || material.quantity === null) return material.name;
  return `${material.name} ${material.quantity}${material.unit ? ` ${material.unit}` : ''}`;
}

export function materialsText(task: NoticeTask, strings: NoticeStrings): string {
  return task.materials.map(materialText).join(strings.listSeparator);
}

export function predecessorText(task: NoticeTask, strings: NoticeStrings): string {
  if (task.predecessors.length === 0) return strings.noPredecessors;
  return task.predecessors
    .map(
      (p) =>
        `${p.title}${strings.paren([p.departmentName, p.crewName].filter(Boolean).join(' '))} ` +
        (p.done ? `✓ ${strings.done}` : `✗ ${strings.notDone} · ${strings.status[p.status] ?? p.status}`),
    )
    .join(strings.itemSeparator);
}

export function neighbourText(task: NoticeTask, strings: NoticeStrings): string {
  if (task.neighbours.length === 0) return strings.noNeighbours;
  return task.neighbours.map((n) => `${n.departmentName} ${n.crewName} ${n.start}–${n.end} ${n.taskTitle}`).join('；');
}

/**
 * "断网 08:00–10:00" within the notice's day; with dates when the cut begins or ends on
 * another day: "断网 12月6日 22:00 – 12月7日 06:00".
 */
export function interruptionText(task: NoticeTask, strings: NoticeStrings, date: string): string {
  const cut = task.interruption;
  if (!cut) return '';
  const kind = strings.utility[cut.kind] ?? cut.kind;
  const startDate = cut.startDate ?? date;
  const endDate = cut.endDate ?? date;
  if (startDate === date && endDate === date) return `${kind} ${cut.start}–${cut.end}`;
  return `${kind} ${strings.shortDate(startDate)} ${cut.start} – ${strings.shortDate(endDate)} ${cut.end}`;
}

/** Whether a task of a notice is marked not ready (open make-ready constraints). */
export function isNotReady(task: Pick<NoticeTask, 'notReady'>): boolean {
  return (task.notReady?.length ?? 0) > 0;
}

/** "掘路许可 许可证2026-17（市政处 · 12月5日前）": kind label, description, owner and due date. */
export function constraintText(constraint: NoticeConstraint, strings: NoticeStrings, language: string): string {
  const label = constraintKindLabel(constraint.kind, language);
  const text = constraint.description ? `${label} ${constraint.description}` : label;
  const about = [constraint.ownerName, constraint.dueDate ? strings.dueBy(strings.shortDate(constraint.dueDate)) : '']
    .filter(Boolean)
    .join(' · ');
  return about ? `${text}${strings.paren(about)}` : text;
}

/** The open constraints of a not-ready task in one line; '' for a ready task. */
export function notReadyText(task: Pick<NoticeTask, 'notReady'>, strings: NoticeStrings, language: string): string {
  return (task.notReady ?? []).map((c) => constraintText(c, strings, language)).join(strings.itemSeparator);
}

export function taskHeadline(task: NoticeTask, strings: NoticeStrings): string {
  return (
    (isNotReady(task) ? strings.notReadyPrefix : '') +
    `${timeWindow(task)} ${task.title}` +
    (task.continuesFromEarlier ? strings.continuesFromEarlier : '') +
    (task.continuesLater ? strings.continuesLater : '')
  );
}

/** One change, e.g. "时间调整：敷设电缆 08:00–12:00 → 14:00–18:00". */
export function changeText(change: NoticeChange, strings: NoticeStrings): string {
  const label = strings.change[change.kind];
  if (change.before && change.after)
    return `${label}${strings.colon}${change.title} ${change.before} → ${change.after}`;
  const detail = change.after ?? change.before;
  return `${label}${strings.colon}${change.title}${detail ? ` ${detail}` : ''}`;
}

export function contactsText(content: NoticeContent, strings: NoticeStrings): string {
  return content.contacts
    .map(
      (c) =>
        `${strings.coordinator}${strings.colon}${c.name}${c.phone ? ` ${c.phone}` : ''}${strings.paren(c.projectName)}`,
    )
    .join('\n');
}
