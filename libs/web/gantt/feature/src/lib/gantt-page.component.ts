import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ConflictDto, countsAsOpen, mayPlanProject, TaskDto } from '@worksite/shared-domain';
import { SessionStore } from '@worksite/web-auth-data-access';
import { ApiFailure, LanguageService } from '@worksite/web-core-data-access';
import { ConflictTriage } from '@worksite/web-planning-data-access';
import { ConflictListComponent, ZonedRangePipe, ProjectHeaderComponent } from '@worksite/web-shared-ui';
import {
  GANTT_LABELS_EN,
  GANTT_LABELS_ZH_CN,
  GANTT_ZOOM_LEVELS,
  GanttBarDragEvent,
  GanttChartComponent,
  GanttLinkOpenEvent,
  GanttZoomLevel,
} from '@worksite/web-gantt-ui';
import { BaselineBarComponent } from './baseline-bar.component';
import { BaselineCompareComponent } from './baseline-compare.component';
import { BaselineSlipComponent } from './baseline-slip.component';
import { BaselineStore } from './baseline.store';
import { syncBaselineWithUrl } from './baseline-sync';
import { GANTT_GROUPINGS, GanttGrouping } from './gantt-model';
import { GANTT_TEXT_KEYS, ganttTexts } from './gantt-texts';
import { EditConflictComponent, RefusedEdit } from './edit-conflict.component';
import { GanttStore } from './gantt.store';
import { GanttFilterBarComponent } from './gantt-filter-bar.component';
import { LinkEditorComponent } from './link-editor.component';
import { GanttLegendComponent } from './gantt-legend.component';
import { GanttPrintComponent } from './gantt-print.component';
import { TaskPanelComponent } from './task-panel.component';
import { BulkBarComponent } from './task-actions/bulk-bar.component';
import { TaskActionsMenuComponent } from './task-actions/task-actions-menu.component';
import { TaskActionsOverlaysComponent } from './task-actions/task-actions-overlays.component';
import { TaskActionsStore } from './task-actions/task-actions.store';
import { TaskTableHeaderComponent } from './table/task-table-header.component';
import { TaskTableToolsComponent } from './table/task-table-tools.component';
import { TaskTableComponent } from './table/task-table.component';
import { TaskTableStore } from './table/task-table.store';
import { UndoButtonsComponent } from './undo-buttons.component';
import { ImportButtonComponent } from '@worksite/web-import-feature';
import { ReadinessStore } from '@worksite/web-make-ready-data-access';
import { TaskConstraintsComponent } from '@worksite/web-make-ready-feature';
import { localDateOf } from '@worksite/shared-util-time';

/**
 * The project Gantt: the chart, a toolbar (grouping, critical path, conflicts), the task side
 * panel and the conflict list. Drags are previewed by the scheduling engine in the browser
 * and saved through the API; the store explains every refusal.
 */
@Component({
  selector: 'ws-gantt-page',
  imports: [
    GanttChartComponent,
    TaskPanelComponent,
    ConflictListComponent,
    TranslatePipe,
    ZonedRangePipe,
    // Conflict triage and baselines.
    BaselineBarComponent,
    BaselineCompareComponent,
    BaselineSlipComponent,
    EditConflictComponent,
    // The task table beside the chart.
    TaskTableComponent,
    TaskTableHeaderComponent,
    TaskTableToolsComponent,
    GanttFilterBarComponent,
    LinkEditorComponent,
    // Excel import.
    ImportButtonComponent,
    // Undo and redo.
    UndoButtonsComponent,
    // Printing and the legend.
    GanttLegendComponent,
    GanttPrintComponent,
    // Create, duplicate, delete and bulk edits.
    TaskActionsMenuComponent,
    TaskActionsOverlaysComponent,
    BulkBarComponent,
    // Make-ready constraints in the panel.
    TaskConstraintsComponent,
    ProjectHeaderComponent,
  ],
  providers: [GanttStore, ConflictTriage, BaselineStore, TaskTableStore, TaskActionsStore, ReadinessStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gantt-page.component.html',
  styleUrl: './gantt-page.component.css',
})
export class GanttPage {
  /** From the route (`projects/:projectId/gantt`). */
  readonly projectId = input.required<string>();
  /** `?task=<id>`: select this task and scroll to it (links from other views, conflicts). */
  readonly task = input<string | undefined>();
  /** `?zoom=hour|day|week|month`: the initial zoom (e.g. a single day's plan hour by hour). */
  readonly zoom = input<string | undefined>();
  /** `?group=department|crew|location`: the initial grouping of the rows. */
  readonly group = input<string | undefined>();

  protected readonly store = inject(GanttStore);
  // Conflict triage (decisions on clashes) and baselines: their own stores.
  protected readonly triage = inject(ConflictTriage);
  protected readonly baselines = inject(BaselineStore);
  protected readonly table = inject(TaskTableStore);
  protected readonly taskActions = inject(TaskActionsStore);
  /** Which tasks are not ready: one request per project view, refreshed when the panel changes a constraint. */
  protected readonly readiness = inject(ReadinessStore);
  protected readonly today = computed(() =>
    localDateOf(this.store.now(), this.store.project()?.timeZone ?? 'Asia/Shanghai'),
  );
  protected readonly departments = computed(() =>
    [...(this.store.refs()?.departments.values() ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  );
  /** The badge counts the clashes that still ask for attention (open, escalated). */
  protected readonly openConflicts = computed(() => this.store.conflicts().filter((c) => countsAsOpen(c.state)).length);
  private readonly session = inject(SessionStore);
  private readonly translate = inject(TranslateService);
  private readonly language = inject(LanguageService);
  protected readonly chart = viewChild(GanttChartComponent);

  protected readonly groupings = GANTT_GROUPINGS;
  protected readonly chartZoom = linkedSignal<GanttZoomLevel>(() => {
    const asked = this.zoom();
    return GANTT_ZOOM_LEVELS.includes(asked as GanttZoomLevel) ? (asked as GanttZoomLevel) : 'day';
  });
  protected readonly showCritical = signal(false);
  protected readonly showConflicts = signal(false);
  protected readonly panelTaskId = signal<string | null>(null);
  protected readonly panelFailure = signal<ApiFailure | null>(null);
  /** The panel's save refused with 409: shown field by field with the fresh copy, to save again. */
  protected readonly refusedEdit = signal<RefusedEdit | null>(null);
  /** The dependency whose editor is open (a click on its arrow). */
  protected readonly linkEdit = signal<GanttLinkOpenEvent | null>(null);
  protected readonly chartLabels = computed(() =>
    this.language.current() === 'en' ? GANTT_LABELS_EN : GANTT_LABELS_ZH_CN,
  );
  protected readonly panelTask = computed(() => {
    const id = this.panelTaskId();
    return (id && this.store.taskById().get(id)) || null;
  });
  private readonly injector = inject(Injector);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private revealed: string | null = null;
  private readonly texts = toSignal(this.translate.stream(GANTT_TEXT_KEYS), { initialValue: {} });
  /** The notice's values, a dependency type by its name ("完成-开始 (FS)", not "FS"). */
  protected readonly noticeParams = computed(() => {
    const params = this.store.notice()?.params;
    const type = params?.['type'];
    const name =
      typeof type === 'string' ? (this.texts() as Record<string, string>)[`ganttLink.types.${type}`] : undefined;
    return name ? { ...params, type: name } : params;
  });

  constructor() {
    effect(() => {
      const id = this.projectId();
      untracked(() => void this.store.load(id));
    });
    effect(() => {
      const group = this.group();
      if (GANTT_GROUPINGS.includes(group as GanttGrouping))
        untracked(() => this.store.grouping.set(group as GanttGrouping));
    });
    effect(() => {
      const user = this.session.user();
      const id = this.projectId();
      this.store.editable.set(mayPlanProject(user, id));
    });
    effect(() => this.store.texts.set(ganttTexts(this.texts() as Record<string, string>)));
    // Conflict triage and baselines.
    this.triage.connect({
      projectId: () => this.store.project()?.id ?? null,
      conflicts: this.store.conflicts,
      reload: () => this.store.reload(),
    });
    effect(() => this.triage.canDecide.set(this.store.editable()));
    effect(() => {
      const id = this.projectId();
      untracked(() => void this.baselines.load(id));
    });
    syncBaselineWithUrl(this.baselines);
    effect(() => {
      const id = this.projectId();
      untracked(() => void this.readiness.load(id));
    });
    effect(() => {
      const id = this.task();
      const chart = this.chart();
      if (!id || !chart || !this.store.taskById().has(id) || this.revealed === id) return;
      this.revealed = id;
      untracked(() => this.store.selectedId.set(id));
      // After the chart's own first scroll (to "now"), which happens on its first render.
      afterNextRender(() => requestAnimationFrame(() => chart.scrollToTask(id)), { injector: this.injector });
    });
    // A task just created or copied is scrolled into view once the chart shows it.
    effect(() => {
      const request = this.store.revealRequest();
      const chart = this.chart();
      if (!request || !chart) return;
      afterNextRender(() => requestAnimationFrame(() => chart.scrollToTask(request.id, 'center')), {
        injector: this.injector,
      });
    });
    // Marks the first paint with bars for the benchmark (after render, on the next frame).
    const firstPaint = effect(() => {
      if (this.store.bars().length === 0) return;
      firstPaint.destroy();
      afterNextRender(() => requestAnimationFrame(() => globalThis.performance?.mark?.('ws-gantt-painted')), {
        injector: this.injector,
      });
    });
    // The engine is built once the chart shows, so the first render does not wait for it.
    let timer: ReturnType<typeof setTimeout> | undefined;
    inject(DestroyRef).onDestroy(() => clearTimeout(timer));
    effect(() => {
      if (this.store.bars().length === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => this.store.warmUp(), 300);
    });
  }

  protected setGrouping(value: string): void {
    this.store.grouping.set(value as GanttGrouping);
  }

  protected async onDragEnd(event: GanttBarDragEvent): Promise<void> {
    await this.store.commitDrag(event);
  }

  protected openPanel(taskId: string): void {
    this.store.selectedId.set(taskId);
    this.panelFailure.set(null);
    this.refusedEdit.set(null);
    this.panelTaskId.set(taskId);
  }

  protected closePanel(): void {
    this.panelTaskId.set(null);
    this.panelFailure.set(null);
    // Keyboard users go back to the chart (one tab stop) where they left it.
    this.host.nativeElement.querySelector<HTMLElement>('ws-gantt-chart .viewport')?.focus({ preventScroll: true });
  }

  protected async savePanel(changes: Partial<TaskDto>): Promise<void> {
    const task = this.panelTask();
    if (!task) return;
    this.panelFailure.set(null);
    this.refusedEdit.set(null);
    const result = await this.store.saveTask(task, changes);
    // A 409: the panel shows the newer version, and what differs from what was typed.
    if (!result.ok && result.failure.status === 409) this.refusedEdit.set({ base: task, mine: changes });
    else if (!result.ok) this.panelFailure.set(result.failure);
  }

  protected pickConflict(conflict: ConflictDto): void {
    const id = conflict.taskIds[0];
    if (!id) return;
    this.store.selectedId.set(id);
    this.chart()?.scrollToTask(id);
  }
}
