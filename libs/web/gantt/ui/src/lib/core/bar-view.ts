import { TaskStatus } from '@worksite/shared-domain';
import { formatLabel, GanttLabels } from '../gantt-labels';
import type { GanttBar, GanttTimeRange } from '../gantt.types';
import { barRect } from './visible-slice';
import type { TimeScale } from './time-scale';
import { dateFormatter } from './time-ticks';
import type { BarView } from './view-models';

const ARIA_DATE: Intl.DateTimeFormatOptions = {
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/**
 * Accessible names of bars ("title, status, start – finish, flags"), cached per bar and
 * position: formatting dates is the costliest part of building a bar view.
 */
export class BarAriaLabeler {
  private readonly cache = new Map<string, { bar: GanttBar; start: number; finish: number; text: string }>();
  private readonly format: Intl.DateTimeFormat;
  private readonly separator: string;

  constructor(
    private readonly labels: GanttLabels,
    zone: string,
  ) {
    this.format = dateFormatter(labels.locale, zone, ARIA_DATE);
    this.separator = labels.locale.startsWith('zh') ? '，' : ', ';
  }

  label(bar: GanttBar, range: GanttTimeRange): string {
    const hit = this.cache.get(bar.id);
    if (hit && hit.bar === bar && hit.start === range.start && hit.finish === range.finish) return hit.text;
    const l = this.labels;
    const milestone = range.finish <= range.start;
    const parts = [
      bar.label,
      l.status[bar.status] ?? bar.status,
      milestone
        ? this.format.format(range.start)
        : `${this.format.format(range.start)} – ${this.format.format(range.finish)}`,
    ];
    if (milestone) parts.push(l.milestone);
    if (bar.progress) parts.push(formatLabel(l.progress, { progress: Math.round(bar.progress) }));
    if (bar.critical) parts.push(l.critical);
    if (bar.manual) parts.push(l.manual);
    if (bar.hasConflict) parts.push(bar.conflictNote ? `${l.conflict}: ${bar.conflictNote}` : l.conflict);
    else if (bar.conflictSettled) parts.push(l.conflictSettled);
    const text = parts.join(this.separator);
    this.cache.set(bar.id, { bar, start: range.start, finish: range.finish, text });
    return text;
  }
}

/** Per-render settings for building bar views. */
export interface BarViewOptions {
  readonly scale: TimeScale;
  readonly rowHeight: number;
  readonly idPrefix: string;
  readonly selectedId: string | null;
  readonly draggingId: string | null;
  readonly showCritical: boolean;
  readonly aria: BarAriaLabeler;
  /** Tasks with an open make-ready constraint: marked without rebuilding the bars. */
  readonly notReady?: ReadonlySet<string>;
  /** Appended to the accessible name of a not-ready bar, e.g. "，未就绪". */
  readonly notReadySuffix?: string;
}

const STATUS_CLASS: Readonly<Record<TaskStatus, string>> = {
  [TaskStatus.Planned]: 'is-planned',
  [TaskStatus.Ready]: 'is-ready',
  [TaskStatus.InProgress]: 'is-in-progress',
  [TaskStatus.Done]: 'is-done',
  [TaskStatus.Blocked]: 'is-blocked',
  [TaskStatus.Cancelled]: 'is-cancelled',
};

/** Builds the view of one bar at a display position. */
export function barView(
  o: BarViewOptions,
  bar: GanttBar,
  range: GanttTimeRange,
  line: number,
  moved: boolean,
): BarView {
  const rect = barRect(o.scale, range, line, o.rowHeight);
  const milestone = range.finish <= range.start;
  const selected = bar.id === o.selectedId;
  let classes = STATUS_CLASS[bar.status] ?? '';
  if (milestone) classes += ' is-milestone';
  if (o.showCritical && bar.critical) classes += ' is-critical';
  if (bar.hasConflict) classes += ' has-conflict';
  else if (bar.conflictSettled) classes += ' has-settled-conflict';
  if (bar.manual) classes += ' is-manual';
  if (moved) classes += ' is-moved';
  if (bar.id === o.draggingId) classes += ' is-dragging';
  if (selected) classes += ' is-selected';
  if (rect.width < 48) classes += ' is-narrow';
  const notReady = !!o.notReady?.has(bar.id);
  if (notReady) classes += ' is-not-ready';
  return {
    id: bar.id,
    domId: `${o.idPrefix}-bar-${bar.id}`,
    ...rect,
    label: bar.label,
    color: bar.color ?? null,
    status: bar.status,
    progress: bar.status === TaskStatus.Done ? 100 : Math.max(0, Math.min(100, bar.progress ?? 0)),
    milestone,
    classes,
    ariaLabel: notReady ? o.aria.label(bar, range) + (o.notReadySuffix ?? '') : o.aria.label(bar, range),
    selected,
  };
}
