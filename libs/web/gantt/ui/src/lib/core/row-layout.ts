import type { GanttGroup, GanttRow } from '../gantt.types';

/** A group header line in the flattened row list. */
export interface GroupLine {
  readonly kind: 'group';
  readonly index: number;
  readonly group: GanttGroup;
  readonly collapsed: boolean;
}

/** A task row line in the flattened row list. */
export interface TaskLine {
  readonly kind: 'task';
  readonly index: number;
  readonly row: GanttRow;
  readonly group: GanttGroup;
}

export type LayoutLine = GroupLine | TaskLine;

/** Groups and rows flattened into one list of equally tall lines, collapsed groups left out. */
export interface RowLayout {
  readonly lines: readonly LayoutLine[];
  /** Line index of every visible task row, by row id. */
  readonly lineOfRow: ReadonlyMap<string, number>;
}

/** Flattens groups into lines; rows of collapsed groups get no line. */
export function buildRowLayout(groups: readonly GanttGroup[], collapsed: ReadonlySet<string>): RowLayout {
  const lines: LayoutLine[] = [];
  const lineOfRow = new Map<string, number>();
  for (const group of groups) {
    const isCollapsed = collapsed.has(group.id);
    lines.push({ kind: 'group', index: lines.length, group, collapsed: isCollapsed });
    if (isCollapsed) continue;
    for (const row of group.rows) {
      lineOfRow.set(row.id, lines.length);
      lines.push({ kind: 'task', index: lines.length, row, group });
    }
  }
  return { lines, lineOfRow };
}

/** Initial collapsed set from the groups' `collapsed` flags, keeping `previous` state for known groups. */
export function collapsedGroups(
  groups: readonly GanttGroup[],
  previous?: { readonly groups: readonly GanttGroup[]; readonly collapsed: ReadonlySet<string> },
): Set<string> {
  const known = new Set(previous?.groups.map((g) => g.id));
  const result = new Set<string>();
  for (const group of groups) {
    const isCollapsed = known.has(group.id) ? previous?.collapsed.has(group.id) : group.collapsed;
    if (isCollapsed) result.add(group.id);
  }
  return result;
}
