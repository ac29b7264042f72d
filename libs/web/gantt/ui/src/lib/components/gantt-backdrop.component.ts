import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { BandView, FrameView, LinkView, ShadeView } from '../core/view-models';

/**
 * One SVG behind the bars with shading, group bands, grid lines and dependency arrows of the
 * render window. The SVG spans the whole chart and stays put, so a window change repaints
 * only the shapes that come and go rather than the whole layer.
 */
@Component({
  selector: 'ws-gantt-backdrop',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true' },
  template: `
    <svg [attr.width]="width()" [attr.height]="height()">
      <defs>
        <marker
          [attr.id]="markerId()"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0L8,4L0,8z" class="head" />
        </marker>
        <marker
          [attr.id]="markerId() + '-critical'"
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0L8,4L0,8z" class="head critical" />
        </marker>
      </defs>
      <g>
        @for (band of bands(); track band.key) {
          <rect
            class="band"
            [attr.x]="frame().x"
            [attr.y]="band.top"
            [attr.width]="frame().width"
            [attr.height]="rowHeight()"
            [style.fill]="band.color"
          />
        }
        @for (shade of shades(); track shade.key) {
          <rect
            [attr.class]="'shade ' + shade.kind"
            [attr.x]="shade.x"
            [attr.y]="frame().y"
            [attr.width]="shade.width"
            [attr.height]="frame().height"
          >
            <title>{{ shade.title }}</title>
          </rect>
        }
        <path class="grid" [attr.d]="gridPath()" />
        @for (band of bands(); track band.key) {
          @for (span of band.work; track span.x) {
            <rect
              class="work"
              [attr.x]="span.x"
              [attr.y]="band.top + rowHeight() / 2 - 4"
              [attr.width]="span.width"
              height="8"
              rx="1"
              [style.fill]="band.color"
            />
          }
        }
        @if (selectedTop() !== null) {
          <rect
            class="selected-row"
            [attr.x]="frame().x"
            [attr.y]="selectedTop()"
            [attr.width]="frame().width"
            [attr.height]="rowHeight()"
          />
        }
        @for (link of links(); track link.key) {
          <path
            class="link"
            [class.critical]="link.critical"
            [class.hot]="link.key === hotLink()"
            [attr.d]="link.d"
            [attr.data-link]="link.key"
            [attr.marker-end]="'url(#' + markerId() + (link.critical ? '-critical' : '') + ')'"
          />
        }
      </g>
    </svg>
  `,
  styles: `
    :host {
      position: absolute;
      inset: 0;
      pointer-events: none;
    }
    svg {
      position: absolute;
      left: 0;
      top: 0;
      overflow: hidden;
    }
    .band {
      opacity: 0.08;
      fill: #6b7280;
    }
    /* A group's work rolled up on its header line. */
    .work {
      opacity: 0.6;
      fill: #6b7280;
    }
    .shade.non-working {
      fill: var(--ws-gantt-non-working, #eef0f3);
    }
    .shade.holiday {
      fill: var(--ws-gantt-holiday, #fdecc8);
      opacity: 0.8;
    }
    .shade.blackout {
      fill: var(--ws-gantt-blackout, #f7d4d4);
      opacity: 0.75;
    }
    .grid {
      stroke: var(--ws-gantt-grid, #e3e6ea);
      stroke-width: 1;
      fill: none;
      shape-rendering: crispEdges;
    }
    .selected-row {
      fill: var(--ws-gantt-selected-row, #e8f0fe);
      opacity: 0.7;
    }
    .link {
      fill: none;
      stroke: var(--ws-gantt-link, #7a8391);
      stroke-width: 1.25;
    }
    .link.critical {
      stroke: var(--ws-gantt-critical, #d9480f);
      stroke-width: 2;
    }
    .link.hot {
      stroke: var(--ws-gantt-link-hot, #1c7ed6);
      stroke-width: 2.5;
    }
    .head {
      fill: var(--ws-gantt-link, #7a8391);
    }
    .head.critical {
      fill: var(--ws-gantt-critical, #d9480f);
    }
  `,
})
export class GanttBackdropComponent {
  /** Chart size in pixels. */
  readonly width = input.required<number>();
  readonly height = input.required<number>();
  /** The render window: shapes are only drawn inside it. */
  readonly frame = input.required<FrameView>();
  readonly rowHeight = input.required<number>();
  readonly shades = input.required<readonly ShadeView[]>();
  readonly bands = input.required<readonly BandView[]>();
  /** x positions of the vertical grid lines. */
  readonly gridXs = input.required<readonly number[]>();
  readonly links = input.required<readonly LinkView[]>();
  readonly selectedTop = input<number | null>(null);
  /** Key of the highlighted arrow (under the pointer, or being edited). */
  readonly hotLink = input<string | null>(null);
  /** Unique per chart instance: marker ids are document-global. */
  readonly markerId = input.required<string>();

  /** Vertical lines at the lower tier's ticks and horizontal lines between rows, as one path. */
  protected readonly gridPath = computed(() => {
    const { x, y, width, height } = this.frame();
    const rowHeight = this.rowHeight();
    let d = '';
    for (const gx of this.gridXs()) d += `M${Math.round(gx) + 0.5},${y}v${height}`;
    for (let gy = y + rowHeight; gy <= y + height; gy += rowHeight) d += `M${x},${gy - 0.5}h${width}`;
    return d;
  });
}
