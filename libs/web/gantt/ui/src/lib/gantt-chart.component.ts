import {
  afterNextRender,
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  model,
  output,
  signal,
  TemplateRef,
  untracked,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { GANTT_LABELS, GanttLabels } from './gantt-labels';
import type {
  GanttPaneContext,
  GanttBar,
  GanttBaselineBar,
  GanttBarDragEvent,
  GanttGroup,
  GanttGroupToggleEvent,
  GanttLink,
  GanttLinkCreateEvent,
  GanttLinkOpenEvent,
  GanttPreview,
  GanttShading,
  GanttTimeRange,
  GanttZoomLevel,
} from './gantt.types';
import { BarIndex } from './core/bar-index';
import { BarAriaLabeler, barView } from './core/bar-view';
import { IntervalIndex } from './core/interval-index';
import { barLines, LinkIndex, linkEndPositions } from './core/link-index';
import { renderWindow, sameWindow, visibleSpan } from './core/render-window';
import { buildRowLayout, collapsedGroups } from './core/row-layout';
import { dataRange, TimeScale } from './core/time-scale';
import { groupBands, GroupWork, headerTicks, paneLines, pinnedGroup, windowFrame } from './core/chrome-views';
import { linkKey, SliceContext, visibleBars, visibleLinks, visibleShading } from './core/visible-slice';
import { hitLink } from './core/link-hit';
import { firstLineNotOver } from './core/current-line';
import { anchoredScrollLeft, fittedMsPerPx, zoomAnchorOffset } from './core/zoom-anchor';
import { stepZoom, ZOOM_SPECS } from './core/zoom-levels';
import { GanttBackdropComponent } from './components/gantt-backdrop.component';
import { GanttBaselinesComponent } from './components/gantt-baselines.component';
import { BaselineIndex, visibleBaselines } from './core/baseline-slice';
import { GanttBarsComponent } from './components/gantt-bars.component';
import { GanttRowPaneComponent } from './components/gantt-row-pane.component';
import { GanttTimeHeaderComponent } from './components/gantt-time-header.component';
import { GanttToolbarComponent } from './components/gantt-toolbar.component';
import type { DragState, LinkDraft } from './gantt-interaction';
import { GanttKeyboardHost, handleGanttKey } from './gantt-keyboard';
import { GanttPointerController } from './gantt-pointer';
import { GanttViewport } from './gantt-viewport';

const HEADER_HEIGHT = 48;
const NO_OVERRIDES: ReadonlyMap<string, GanttTimeRange> = new Map();
const NO_TASKS: ReadonlySet<string> = new Set();
let nextId = 0;

/**
 * Virtualized Gantt chart: renders only the lines and the time span around the viewport,
 * so cost depends on the screen, not on the number of tasks. Purely presentational.
 */
@Component({
  selector: 'ws-gantt-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    GanttToolbarComponent,
    GanttTimeHeaderComponent,
    GanttRowPaneComponent,
    GanttBackdropComponent,
    GanttBaselinesComponent,
    GanttBarsComponent,
    NgTemplateOutlet,
  ],
  templateUrl: './gantt-chart.component.html',
  styleUrl: './gantt-chart.component.css',
  host: { '[style.--ws-gantt-pane-width.px]': 'paneWidth()' },
})
export class GanttChartComponent {
  /** Groups of rows, in display order. */
  readonly rows = input<readonly GanttGroup[]>([]);
  readonly bars = input<readonly GanttBar[]>([]);
  readonly links = input<readonly GanttLink[]>([]);
  /** Non-working time, holidays and blackout windows. */
  readonly shading = input<readonly GanttShading[]>([]);
  /** Positions computed by the caller during a drag; they override `bars`. */
  readonly preview = input<GanttPreview | null>(null);
  /** Zoom level; two-way bindable, `zoomChange` fires on the user's zoom. */
  readonly zoom = model<GanttZoomLevel>('day');
  readonly selectedTaskId = input<string | null>(null);
  readonly showCriticalPath = input(false);
  /** IANA zone for the time scale and the snapping grid. */
  readonly timeZone = input('Asia/Shanghai');
  /** Position of the "now" line; `null` hides it. */
  readonly now = input<number | null>(Date.now());
  /** Scrollable time span; defaults to the bars' span plus padding. */
  readonly range = input<GanttTimeRange | null>(null);
  /** Label overrides on top of the injected `GANTT_LABELS`. */
  readonly labels = input<Partial<GanttLabels> | null>(null);
  /** When false, bars can be selected and opened but not dragged or linked. */
  readonly editable = input(true);
  /** A saved baseline's bars, drawn thin under the current ones (empty: none shown). */
  readonly baselines = input<readonly GanttBaselineBar[]>([]);
  /** Ids of the tasks that are not ready (open make-ready constraints): a marker on their bars. */
  readonly notReady = input<ReadonlySet<string>>(NO_TASKS);
  readonly rowHeight = input(32);
  readonly paneWidth = input(240);
  /**
   * Replaces the left pane (e.g. by a task table): rendered in the sticky pane with the lines of
   * the render window, so it shares the chart's rows, groups and vertical scroll.
   */
  readonly paneTemplate = input<TemplateRef<{ $implicit: GanttPaneContext }> | null>(null);
  /** Replaces the pane's header (the top-left corner), e.g. by the table's column headers. */
  readonly cornerTemplate = input<TemplateRef<unknown> | null>(null);
  /** Empty lines after the last row (e.g. the table's "new task" line). */
  readonly trailingLines = input(0);

  readonly barDrag = output<GanttBarDragEvent>();
  readonly barDragEnd = output<GanttBarDragEvent>();
  readonly barDragCancel = output<GanttBarDragEvent>();
  readonly linkCreate = output<GanttLinkCreateEvent>();
  /** A click on an arrow (or L on a selected bar, again for its next one): edit that dependency. */
  readonly linkOpen = output<GanttLinkOpenEvent>();
  readonly taskSelect = output<string | null>();
  readonly taskOpen = output<string>();
  readonly rangeChange = output<GanttTimeRange>();
  readonly groupToggle = output<GanttGroupToggleEvent>();

  protected readonly headerHeight = HEADER_HEIGHT;
  protected readonly idPrefix = `ws-gantt-${nextId++}`;
  private readonly injector = inject(Injector);
  private readonly defaultLabels = inject(GANTT_LABELS);
  private readonly viewportRef = viewChild.required<ElementRef<HTMLElement>>('viewport');
  private readonly chartRef = viewChild.required<ElementRef<HTMLElement>>('chart');

  protected readonly labelSet = computed<GanttLabels>(() => ({ ...this.defaultLabels, ...this.labels() }));
  protected readonly selection = linkedSignal(() => this.selectedTaskId());
  private readonly collapsed = linkedSignal<readonly GanttGroup[], ReadonlySet<string>>({
    source: this.rows,
    computation: (groups, previous) =>
      collapsedGroups(groups, previous && { groups: previous.source, collapsed: previous.value }),
  });
  private readonly viewport: GanttViewport = new GanttViewport({
    geometry: () => this.geometry(),
    window: () => this.window(),
    zoomBy: (dir, clientX) => this.zoomBy(dir, clientX),
  });
  private readonly dragState = signal<DragState | null>(null);
  protected readonly linkDraft = signal<LinkDraft | null>(null);
  /** The arrow under the pointer (or last chosen by key): drawn highlighted. */
  protected readonly hotLink = signal<string | null>(null);
  private keyLinkIndex = -1;

  private readonly spec = computed(() => ZOOM_SPECS[this.zoom()] ?? ZOOM_SPECS.day);
  protected readonly layout = computed(() => buildRowLayout(this.rows(), this.collapsed()));
  protected readonly index = computed(() => new BarIndex(this.bars()));
  /** Links' ends as bar positions: a new layout (filter, collapse) then reads arrays, not maps. */
  private readonly linkEnds = computed(() => linkEndPositions(this.links(), this.bars()));
  private readonly linkIndex = computed(() => {
    const lines = barLines(this.bars(), this.layout().lineOfRow);
    const ends = this.linkEnds();
    return new LinkIndex(this.links(), (_, end) => {
      const bar = ends[end];
      const line = bar < 0 ? -1 : lines[bar];
      return line < 0 ? undefined : line;
    });
  });
  private readonly shadingIndex = computed(() => new IntervalIndex(this.shading()));
  protected readonly scale = computed(
    () => {
      const spec = this.spec();
      const range = this.range() ?? dataRange(this.bars(), spec.padding, this.now() ?? Date.now());
      // Month zoom: the whole range fills the visible width.
      const visible = this.viewport.view().width - this.paneWidth();
      return new TimeScale(range.start, range.finish, fittedMsPerPx(spec, range.finish - range.start, visible));
    },
    { equal: (a, b) => a.origin === b.origin && a.end === b.end && a.msPerPx === b.msPerPx },
  );
  protected readonly linesHeight = computed(
    () => (this.layout().lines.length + this.trailingLines()) * this.rowHeight(),
  );
  private readonly geometry = computed(() => ({
    rowHeight: this.rowHeight(),
    lineCount: this.layout().lines.length,
    chartWidth: this.scale().width,
    paneWidth: this.paneWidth(),
    headerHeight: HEADER_HEIGHT,
  }));
  protected readonly window = computed(() => renderWindow(this.viewport.view(), this.geometry()), {
    equal: sameWindow,
  });

  private readonly overrides = computed(() => {
    const preview = this.preview();
    const drag = this.dragState();
    if (!drag || preview?.has(drag.taskId)) return preview ?? NO_OVERRIDES;
    // The dragged bar follows the pointer until the caller's preview places it (e.g. snapped
    // to working time); the caller's preview places the others.
    return new Map(preview ?? []).set(drag.taskId, drag.range);
  });
  private readonly notReadySuffix = computed(() => {
    const l = this.labelSet();
    return (l.locale.startsWith('zh') ? '，' : ', ') + l.notReady;
  });
  private readonly aria = computed(() => new BarAriaLabeler(this.labelSet(), this.timeZone()));
  private readonly slice = computed<SliceContext>(() => {
    const options = {
      scale: this.scale(),
      rowHeight: this.rowHeight(),
      idPrefix: this.idPrefix,
      selectedId: this.selection(),
      draggingId: this.dragState()?.taskId ?? null,
      showCritical: this.showCriticalPath(),
      aria: this.aria(),
      notReady: this.notReady(),
      notReadySuffix: this.notReadySuffix(),
    };
    return {
      layout: this.layout(),
      bars: this.index(),
      scale: options.scale,
      window: this.window(),
      rowHeight: options.rowHeight,
      overrides: this.overrides(),
      view: (bar, range, line, moved) => barView(options, bar, range, line, moved),
    };
  });
  protected readonly barViews = computed(() => visibleBars(this.slice()));
  private readonly baselineIndex = computed(
    () => new BaselineIndex(this.baselines(), (id) => this.index().byId.get(id)?.rowId),
  );
  protected readonly baselineViews = computed(() =>
    visibleBaselines(this.baselineIndex(), this.layout(), this.scale(), this.window(), this.rowHeight()),
  );
  protected readonly linkViews = computed(() => visibleLinks(this.slice(), this.linkIndex(), this.showCriticalPath()));
  protected readonly shadeViews = computed(() => {
    const names = this.labelSet().shading;
    return visibleShading(this.shadingIndex(), this.scale(), this.window(), (s) => s.label ?? names[s.kind]);
  });
  protected readonly ticks = computed(() =>
    headerTicks(this.scale(), this.window(), this.spec(), this.timeZone(), this.labelSet()),
  );
  protected readonly gridXs = computed(() => this.ticks().bottom.map((t) => t.x));
  protected readonly frame = computed(() => windowFrame(this.window(), this.rowHeight()));
  private readonly selectedLine = computed(() => {
    const id = this.selection();
    const bar = id ? this.index().byId.get(id) : undefined;
    return bar ? (this.layout().lineOfRow.get(bar.rowId) ?? null) : null;
  });
  protected readonly selectedTop = computed(() => {
    const line = this.selectedLine();
    const w = this.window();
    return line !== null && line >= w.firstLine && line <= w.lastLine ? line * this.rowHeight() : null;
  });
  protected readonly paneLines = computed(() =>
    paneLines(this.layout(), this.window(), this.labelSet(), this.selectedLine(), this.rowHeight()),
  );
  protected readonly allFolded = computed(() => {
    const collapsed = this.collapsed();
    return this.rows().every((g) => collapsed.has(g.id));
  });
  /** The header of the group at the top once its own has scrolled away (see pinnedGroup). */
  protected readonly pinnedLines = computed(
    () => {
      const line = pinnedGroup(this.layout(), this.viewport.topLine(), this.labelSet());
      return line ? [line] : [];
    },
    // Scrolling within a group changes nothing drawn.
    { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  );
  protected readonly paneContext = computed<{ $implicit: GanttPaneContext }>(() => ({
    $implicit: {
      layout: this.layout(),
      firstLine: this.window().firstLine,
      lastLine: this.window().lastLine,
      rowHeight: this.rowHeight(),
      toggleGroup: (groupId: string) => this.toggleGroup(groupId),
    },
  }));
  private readonly groupWork = computed(() => new GroupWork(this.index()));
  protected readonly bands = computed(() =>
    groupBands(this.layout(), this.window(), this.rowHeight(), this.groupWork(), this.scale()),
  );
  protected readonly nowX = computed(() => {
    const now = this.now();
    const scale = this.scale();
    return now === null || now < scale.origin || now > scale.end ? null : scale.x(now);
  });
  protected readonly activeDescendant = computed(() => {
    const id = this.selection();
    return id && this.barViews().bars.some((b) => b.id === id) ? `${this.idPrefix}-bar-${id}` : null;
  });

  private readonly interactions: GanttKeyboardHost = this.createHost();
  private readonly pointer = new GanttPointerController(this.interactions, inject(DOCUMENT));
  private pendingAnchor: { time: number; offset: number } | null = null;
  private lastScale: TimeScale | null = null;
  private lastRange: GanttTimeRange | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    afterNextRender(() => this.attach(destroyRef));
    destroyRef.onDestroy(() => this.pointer.destroy());
    // Keeps the same instant under the anchor (pointer or centre) when the scale changes.
    effect(() => {
      const scale = this.scale();
      untracked(() => this.keepAnchor(scale));
    });
    afterRenderEffect(() => {
      this.window();
      const scale = this.scale();
      untracked(() => this.emitRange(scale));
    });
  }

  /** Scrolls so that `time` sits at `fraction` of the chart's visible width. */
  scrollToTime(time: number, fraction = 0.25): void {
    const visible = Math.max(0, this.viewport.live.width - this.paneWidth());
    this.viewport.scrollTo({ left: this.scale().x(time) - visible * fraction });
  }

  /**
   * Scrolls a task's bar into view (its line and its start): just enough (`nearest`), or with
   * its line in the middle (`center`, for a task the user has not seen yet, e.g. just created).
   */
  scrollToTask(taskId: string, align: 'nearest' | 'center' = 'nearest'): void {
    const bar = this.index().byId.get(taskId);
    const line = bar && this.layout().lineOfRow.get(bar.rowId);
    if (!bar || line === undefined) return;
    const v = this.viewport.live;
    const rowHeight = this.rowHeight();
    const visibleRows = v.height - HEADER_HEIGHT;
    const top = line * rowHeight;
    const range = this.interactions.displayRange(taskId) ?? bar;
    const visibleWidth = v.width - this.paneWidth();
    const x0 = this.scale().x(range.start);
    const x1 = this.scale().x(range.finish);
    this.viewport.scrollTo({
      top:
        align === 'center'
          ? Math.max(0, top + rowHeight / 2 - visibleRows / 2)
          : top < v.scrollTop
            ? top
            : top + rowHeight > v.scrollTop + visibleRows
              ? top + rowHeight - visibleRows
              : undefined,
      left:
        x0 < v.scrollLeft + 16 || x1 > v.scrollLeft + visibleWidth - 16
          ? x0 - Math.min(visibleWidth / 4, Math.max(16, visibleWidth - (x1 - x0) - 16))
          : undefined,
    });
  }

  /** Scrolls vertically just enough to show a line (of the layout) below the header. */
  revealLine(line: number): void {
    const v = this.viewport.live;
    const rowHeight = this.rowHeight();
    const visibleRows = v.height - HEADER_HEIGHT;
    const top = line * rowHeight;
    if (top < v.scrollTop) this.viewport.scrollTo({ top });
    else if (top + rowHeight > v.scrollTop + visibleRows)
      this.viewport.scrollTo({ top: top + rowHeight - visibleRows });
  }

  protected setZoom(level: GanttZoomLevel, anchorClientX?: number): void {
    if (level === this.zoom()) return;
    const el = this.viewportRef().nativeElement;
    const visible = Math.max(0, this.viewport.live.width - this.paneWidth());
    const offset = zoomAnchorOffset(
      visible,
      anchorClientX === undefined ? undefined : anchorClientX - el.getBoundingClientRect().left - this.paneWidth(),
    );
    this.pendingAnchor = { time: this.scale().time(this.viewport.live.scrollLeft + offset), offset };
    this.zoom.set(level);
  }

  protected zoomBy(dir: -1 | 1, anchorClientX?: number): void {
    this.setZoom(stepZoom(this.zoom(), dir), anchorClientX);
  }

  /** "今天": now a quarter in from the left, and the first line whose work is not over at the top. */
  protected scrollToNow(): void {
    const now = this.now() ?? Date.now();
    this.scrollToTime(now);
    this.scrollToWorkNotOver(now);
  }

  /** The first line whose bar is not over at `time` at the top, one line above it for context (its group's header, or the row before). */
  private scrollToWorkNotOver(time: number): void {
    const line = firstLineNotOver(this.layout(), this.index(), time);
    if (line !== undefined) this.viewport.scrollTo({ top: Math.max(0, line - 1) * this.rowHeight() });
  }

  protected toggleGroup(groupId: string): void {
    const next = new Set(this.collapsed());
    const collapsed = !next.delete(groupId);
    if (collapsed) next.add(groupId);
    this.collapsed.set(next);
    this.groupToggle.emit({ groupId, collapsed });
  }

  /**
   * Every group folded (an overview of the departments, crews or places: the chart goes to the
   * top), or every one open (the chart goes to the work not over, as when it opens).
   */
  protected foldAll(fold: boolean): void {
    const before = this.collapsed();
    const next = new Set(fold ? this.rows().map((g) => g.id) : []);
    this.collapsed.set(next);
    for (const group of this.rows()) {
      if (before.has(group.id) !== next.has(group.id)) this.groupToggle.emit({ groupId: group.id, collapsed: fold });
    }
    if (fold) this.viewport.scrollTo({ top: 0 });
    else afterNextRender(() => this.scrollToWorkNotOver(this.now() ?? Date.now()), { injector: this.injector });
  }

  /** The pinned header folds its group as the group's own header does, and the chart goes back to that header. */
  protected togglePinnedGroup(groupId: string): void {
    this.toggleGroup(groupId);
    const line = this.layout().lines.findIndex((l) => l.kind === 'group' && l.group.id === groupId);
    if (line >= 0) this.viewport.scrollTo({ top: line * this.rowHeight() });
  }

  protected selectRow(rowId: string, open: boolean): void {
    const first = this.index().rowBars(rowId)[0];
    if (!first) return;
    this.interactions.select(first.id);
    if (open) this.taskOpen.emit(first.id);
  }

  protected onPointerDown(event: PointerEvent): void {
    const link = event.button === 0 && !this.pointer.active ? this.linkAt(event) : null;
    if (link?.link.id) {
      event.preventDefault();
      this.hotLink.set(link.key);
      this.linkOpen.emit({ link: link.link, clientX: event.clientX, clientY: event.clientY });
      return;
    }
    this.pointer.pointerDown(event);
  }

  protected onPointerMove(event: PointerEvent): void {
    if (this.pointer.active || event.buttons) return;
    const key = this.linkAt(event)?.key ?? null;
    if (key !== this.hotLink()) this.hotLink.set(key);
  }

  /** The drawn arrow within a few pixels of the pointer, unless the pointer is on a bar. */
  private linkAt(event: PointerEvent) {
    if (event.target instanceof Element && event.target.closest('[data-task-id]')) return null;
    const p = this.interactions.chartPoint(event.clientX, event.clientY);
    return hitLink(this.linkViews(), p.x, p.y);
  }

  /** L on a selected bar opens its dependencies one after another. */
  private openLinkByKey(): boolean {
    const id = this.selection();
    if (!id) return false;
    const links = this.links().filter((l) => l.id && (l.predecessorId === id || l.successorId === id));
    if (links.length === 0) return false;
    this.keyLinkIndex = (this.keyLinkIndex + 1) % links.length;
    const link = links[this.keyLinkIndex];
    const bar = this.chartRef().nativeElement.ownerDocument.getElementById(`${this.idPrefix}-bar-${id}`);
    const box = (bar ?? this.viewportRef().nativeElement).getBoundingClientRect();
    this.hotLink.set(linkKey(link));
    this.linkOpen.emit({ link, clientX: box.left + Math.min(box.width, 40), clientY: box.bottom });
    return true;
  }

  protected onDblClick(event: MouseEvent): void {
    const id =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-task-id]')?.dataset['taskId'] : null;
    if (id) this.taskOpen.emit(id);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.target !== event.currentTarget) return;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if ((event.key === 'l' || event.key === 'L') && plain && this.openLinkByKey()) event.preventDefault();
    else if (handleGanttKey(event, this.interactions)) event.preventDefault();
  }

  private attach(destroyRef: DestroyRef): void {
    this.viewport.attach(this.viewportRef().nativeElement, destroyRef);
    const now = this.now();
    const scale = this.scale();
    if (now !== null && now >= scale.origin && now <= scale.end) {
      this.scrollToTime(now);
      this.scrollToWorkNotOver(now);
    }
  }

  private keepAnchor(scale: TimeScale): void {
    const previous = this.lastScale;
    this.lastScale = scale;
    if (!previous) return;
    const v = this.viewport.live;
    const visible = Math.max(0, v.width - this.paneWidth());
    const anchor = this.pendingAnchor ?? { time: previous.time(v.scrollLeft + visible / 2), offset: visible / 2 };
    this.pendingAnchor = null;
    const scrollLeft = anchoredScrollLeft(scale.x(anchor.time), anchor.offset, scale.width, this.paneWidth(), v.width);
    // The window moves now so this render already shows the right slice; the DOM follows.
    this.viewport.anticipate(scrollLeft);
    afterNextRender(() => this.viewport.scrollTo({ left: scrollLeft }), { injector: this.injector });
  }

  private edgeScroll(clientX: number, clientY: number): boolean {
    const rect = this.viewportRef().nativeElement.getBoundingClientRect();
    if (rect.width === 0) return false;
    const zone = 24;
    const speed = (distance: number) => Math.ceil((zone - Math.max(0, distance)) / 2);
    const left = clientX - (rect.left + this.paneWidth());
    const right = rect.right - clientX;
    const top = clientY - (rect.top + HEADER_HEIGHT);
    const bottom = rect.bottom - clientY;
    const dx = left < zone ? -speed(left) : right < zone ? speed(right) : 0;
    const dy = top < zone ? -speed(top) : bottom < zone ? speed(bottom) : 0;
    if (dx === 0 && dy === 0) return false;
    const before = this.viewport.live;
    this.viewport.scrollTo({ left: before.scrollLeft + dx, top: before.scrollTop + dy });
    const after = this.viewport.live;
    return after.scrollLeft !== before.scrollLeft || after.scrollTop !== before.scrollTop;
  }

  private emitRange(scale: TimeScale): void {
    const span = visibleSpan(this.viewport.live, this.geometry());
    const range = { start: scale.time(span.x0), finish: scale.time(span.x1) };
    if (this.lastRange && this.lastRange.start === range.start && this.lastRange.finish === range.finish) return;
    this.lastRange = range;
    this.rangeChange.emit(range);
  }

  private createHost(): GanttKeyboardHost {
    return {
      editable: () => this.editable(),
      scale: () => this.scale(),
      snap: () => this.spec().snap,
      zone: () => this.timeZone(),
      displayRange: (id) => this.overrides().get(id) ?? this.index().byId.get(id) ?? null,
      chartPoint: (clientX, clientY) => {
        const rect = this.chartRef().nativeElement.getBoundingClientRect();
        return { x: clientX - rect.left, y: clientY - rect.top };
      },
      select: (id) => {
        if (this.selection() === id) return;
        this.selection.set(id);
        this.taskSelect.emit(id);
      },
      open: (id) => this.taskOpen.emit(id),
      focus: () => this.viewportRef().nativeElement.focus({ preventScroll: true }),
      edgeScroll: (clientX, clientY) => this.edgeScroll(clientX, clientY),
      setDrag: (state) => this.dragState.set(state),
      setLinkDraft: (draft) => this.linkDraft.set(draft),
      drag: (e) => this.barDrag.emit(e),
      dragEnd: (e) => this.barDragEnd.emit(e),
      dragCancel: (e) => this.barDragCancel.emit(e),
      linkCreate: (e) => this.linkCreate.emit(e),
      selection: () => this.selection(),
      layout: () => this.layout(),
      bars: () => this.index(),
      firstVisibleLine: () => Math.floor(this.viewport.live.scrollTop / this.rowHeight()),
      zoomBy: (dir) => this.zoomBy(dir),
      reveal: (id) => this.scrollToTask(id),
      cancelDrag: () => this.pointer.cancel(),
    };
  }
}
