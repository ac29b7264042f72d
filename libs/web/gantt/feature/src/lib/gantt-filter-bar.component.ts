import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { TaskStatus } from '@worksite/shared-domain';
import { Observable } from 'rxjs';
import { FilterMultiComponent, FilterOption } from './filter-multi.component';
import { GanttFilter } from './gantt-filter';
import { filterOptions } from './gantt-filter-options';
import { syncFilterWithUrl } from './gantt-filter-sync';
import { GanttStore } from './gantt.store';

/** Typing waits this long before the rows follow (each keystroke would otherwise filter). */
const SEARCH_DEBOUNCE_MS = 100;
const STATUSES = Object.values(TaskStatus);
type MultiKey = 'departments' | 'crews' | 'compounds' | 'statuses';

/**
 * Search and filter above the Gantt (chart and table show the same tasks), kept in the URL.
 * On a phone the fields fold behind one button that says how many filters are set.
 */
@Component({
  selector: 'ws-gantt-filter-bar',
  imports: [TranslatePipe, FilterMultiComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './gantt-filter-bar.component.html',
  styleUrl: './gantt-filter-bar.component.css',
})
export class GanttFilterBarComponent {
  protected readonly store = inject(GanttStore);
  private readonly translate = inject(TranslateService);
  protected readonly filtering = this.store.filtering;
  protected readonly filter = this.filtering.filter;
  /** What the search box shows: follows the filter (a link, Clear) and runs ahead of it while typing. */
  protected readonly text = linkedSignal(() => this.filter().text);
  protected readonly open = signal(false);
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The names the lists need, following the language (and its file arriving). */
  private readonly names = toSignal(
    this.translate.stream(['gantt.noCrew', ...STATUSES.map((s) => `status.${s}`)]) as Observable<
      Record<string, string>
    >,
    { initialValue: {} as Record<string, string> },
  );

  protected readonly options = computed(() => {
    const refs = this.store.refs();
    const noCrew = this.names()['gantt.noCrew'] ?? '—';
    return refs ? filterOptions(this.store.tasks(), refs, noCrew) : { departments: [], crews: [], compounds: [] };
  });
  private readonly statuses = computed<FilterOption[]>(() => {
    const names = this.names();
    return STATUSES.map((s) => ({ value: s, label: names[`status.${s}`] ?? s }));
  });
  /** The multi-selects, in order: which list of the filter each one sets. */
  protected readonly multis = computed(() => {
    const o = this.options();
    const multi = (key: MultiKey, testId: string, options: FilterOption[]) => ({ key, testId, options });
    return [
      multi('departments', 'department', o.departments),
      multi('crews', 'crew', o.crews),
      multi('compounds', 'compound', o.compounds),
      multi('statuses', 'status', this.statuses()),
    ];
  });
  /** How many parts of the filter are set (the folded button shows it). */
  protected readonly setCount = computed(() => {
    const f = this.filter();
    return [
      f.text.trim(),
      f.departments.length,
      f.crews.length,
      f.compounds.length,
      f.statuses.length,
      f.critical,
      f.conflicts,
      f.from || f.to,
    ].filter(Boolean).length;
  });
  protected readonly shown = computed(() => this.filtering.tasks().length);
  protected readonly total = computed(() => this.store.tasks().length);

  constructor() {
    syncFilterWithUrl(this.filtering);
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected typed(value: string): void {
    this.text.set(value);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.filtering.set({ text: value }), SEARCH_DEBOUNCE_MS);
  }

  /** Enter applies the search at once. */
  protected searchNow(): void {
    clearTimeout(this.timer);
    this.filtering.set({ text: this.text() });
  }

  protected set(changes: Partial<GanttFilter>): void {
    this.filtering.set(changes);
  }

  protected setList(key: MultiKey, values: string[]): void {
    this.filtering.set({ [key]: values });
  }

  protected setDate(which: 'from' | 'to', value: string): void {
    this.filtering.set({ [which]: value || null });
  }

  protected clear(): void {
    clearTimeout(this.timer);
    this.filtering.clear();
  }
}
