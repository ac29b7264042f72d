import type { GanttLink, GanttShadingKind } from '../gantt.types';
import type { TaskStatus } from '@worksite/shared-domain';

/** A rendered bar, positioned in chart pixels. */
export interface BarView {
  readonly id: string;
  /** DOM id, for `aria-activedescendant`. */
  readonly domId: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly color: string | null;
  readonly status: TaskStatus;
  readonly progress: number;
  readonly milestone: boolean;
  /** Space-separated modifier classes (status, critical, conflict, …). */
  readonly classes: string;
  readonly ariaLabel: string;
  readonly selected: boolean;
}

/** The original position of a bar that a preview or drag moved. */
export interface GhostView {
  readonly id: string;
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly milestone: boolean;
}

/** A rendered dependency arrow. */
export interface LinkView {
  readonly key: string;
  readonly d: string;
  readonly critical: boolean;
  /** Corner points in chart pixels, for hit-testing a click. */
  readonly points: readonly number[];
  readonly link: GanttLink;
}

/** A rendered shading rectangle (x in chart pixels). */
export interface ShadeView {
  readonly key: string;
  readonly kind: GanttShadingKind;
  readonly x: number;
  readonly width: number;
  readonly title: string;
}

/** A rendered line of the left pane. */
export type PaneLineView =
  | {
      readonly kind: 'group';
      readonly key: string;
      readonly top: number;
      readonly groupId: string;
      readonly label: string;
      readonly color: string | null;
      readonly collapsed: boolean;
      readonly count: string;
      readonly toggleLabel: string;
    }
  | {
      readonly kind: 'task';
      readonly key: string;
      readonly top: number;
      readonly rowId: string;
      readonly label: string;
      readonly detail: string | null;
      readonly selected: boolean;
    };

/** A group header band in the chart. */
export interface BandView {
  readonly key: string;
  readonly top: number;
  readonly color: string | null;
  /** When the group works, rolled up on its header line: its bars merged where they overlap, those in the window. */
  readonly work: readonly { readonly x: number; readonly width: number }[];
}

/** Area of the chart that the background SVG covers (the render window). */
export interface FrameView {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
