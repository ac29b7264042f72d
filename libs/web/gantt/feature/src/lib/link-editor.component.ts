import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  ElementRef,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { formatDuration, parseSignedDuration } from '@worksite/plan-notation';
import { workingDayMinutes } from '@worksite/scheduling-engine';
import { DependencyDto, DependencyType } from '@worksite/shared-domain';
import { ApiFailure, LanguageService } from '@worksite/web-core-data-access';
import { GanttLinkOpenEvent } from '@worksite/web-gantt-ui';
import { PlanningApi } from '@worksite/web-planning-data-access';
import { firstValueFrom } from 'rxjs';
import { GanttStore } from './gantt.store';

const TYPES = Object.values(DependencyType);
/** A working day when the calendar says nothing (08–12, 14–18). */
const DEFAULT_DAY_MINUTES = 480;

/** An error of the editor: a translation key, and the server's own words where it gave some. */
interface EditorError {
  key: string;
  detail?: string;
}

/**
 * A small popover for one dependency: its type and lag (typed as "2d", "-4h", "1天"), save or
 * delete. Saves go through the API with the version read; the chart then reloads, so the
 * successors stand where the server put them. Refusals are said in words, in the popover.
 */
@Component({
  selector: 'ws-link-editor',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    role: 'dialog',
    'data-testid': 'link-editor',
    'aria-labelledby': 'ws-link-editor-title',
    '[style.left.px]': 'place().left',
    '[style.top.px]': 'place().top',
    '(keydown.escape)': 'close()',
  },
  templateUrl: './link-editor.component.html',
  styleUrl: './link-editor.component.css',
})
export class LinkEditorComponent {
  readonly at = input.required<GanttLinkOpenEvent>();
  readonly closed = output<void>();

  private readonly store = inject(GanttStore);
  private readonly api = inject(PlanningApi);
  private readonly language = inject(LanguageService);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  protected readonly types = TYPES;

  protected readonly dependency = computed<DependencyDto | null>(() => {
    const id = this.at().link.id;
    return this.store.schedule()?.dependencies.find((d) => d.id === id) ?? null;
  });
  protected readonly names = computed(() => {
    const link = this.at().link;
    const title = (id: string) => this.store.taskById().get(id)?.title ?? '?';
    return `${title(link.predecessorId)} → ${title(link.successorId)}`;
  });
  private readonly dayMinutes = computed(() => {
    const calendar = this.store.calendar();
    return (calendar && workingDayMinutes(calendar)) || DEFAULT_DAY_MINUTES;
  });
  protected readonly type = linkedSignal<string>(() => this.dependency()?.type ?? this.at().link.type);
  /** The lag as typed ("1天", "-4h"), first as the interface language writes it. */
  protected readonly lag = linkedSignal(() =>
    formatDuration(this.dependency()?.lagMinutes ?? 0, this.dayMinutes(), this.language.current()),
  );
  protected readonly error = linkedSignal<GanttLinkOpenEvent, EditorError | null>({
    source: this.at,
    computation: () => null,
  });
  protected readonly busy = signal(false);
  protected readonly editable = this.store.editable;
  /** Beside the click, kept inside the window (on a phone: along the bottom, see the CSS). */
  protected readonly place = computed(() => {
    const { clientX, clientY } = this.at();
    const width = 300;
    const height = 270;
    const view = this.host.nativeElement.ownerDocument.defaultView;
    const maxLeft = Math.max(8, (view?.innerWidth ?? 1280) - width - 8);
    const maxTop = Math.max(8, (view?.innerHeight ?? 800) - height - 8);
    return { left: Math.min(Math.max(8, clientX + 8), maxLeft), top: Math.min(Math.max(8, clientY + 8), maxTop) };
  });

  constructor() {
    const doc = inject(DOCUMENT);
    // Captured, so a click on another arrow closes this editor before that arrow opens its own.
    const outside = (event: Event) => {
      if (!this.host.nativeElement.contains(event.target as Node)) this.closed.emit();
    };
    doc.addEventListener('pointerdown', outside, true);
    inject(DestroyRef).onDestroy(() => doc.removeEventListener('pointerdown', outside, true));
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[data-testid=link-lag]')?.focus());
  }

  /** Closes; keyboard users go back to the chart (where L opened the editor). */
  protected close(): void {
    const doc = this.host.nativeElement.ownerDocument;
    if (this.host.nativeElement.contains(doc.activeElement))
      doc.querySelector<HTMLElement>('ws-gantt-chart .viewport')?.focus({ preventScroll: true });
    this.closed.emit();
  }

  protected async save(): Promise<void> {
    const dependency = this.dependency();
    if (!dependency || this.busy()) return;
    const parsed = parseSignedDuration(this.lag(), this.dayMinutes());
    if (!parsed.ok) {
      this.error.set({ key: parsed.error.kind === 'tooLong' ? 'ganttLink.lagTooLong' : 'ganttLink.lagInvalid' });
      return;
    }
    const lagMinutes = parsed.minutes;
    const changes: Partial<Pick<DependencyDto, 'type' | 'lagMinutes'>> = {};
    if (this.type() !== dependency.type) changes.type = this.type() as DependencyDto['type'];
    if (lagMinutes !== dependency.lagMinutes) changes.lagMinutes = lagMinutes;
    if (Object.keys(changes).length === 0) {
      this.close();
      return;
    }
    await this.run('ganttLink.saved', () =>
      this.api.updateDependency(dependency.id, { ...changes, version: dependency.version }),
    );
  }

  protected async remove(): Promise<void> {
    const dependency = this.dependency();
    if (!dependency || this.busy()) return;
    await this.run('ganttLink.deleted', () =>
      firstValueFrom(this.api.deleteDependency(dependency.id), { defaultValue: undefined }),
    );
  }

  private async run(done: string, call: () => Promise<unknown>): Promise<void> {
    const tasks = this.names();
    this.busy.set(true);
    this.error.set(null);
    try {
      // One entry of the undo history: a changed link, or a removed one.
      const label = {
        key: done === 'ganttLink.deleted' ? 'undo.label.unlink' : 'undo.label.linkEdit',
        params: { tasks },
      };
      await this.store.history.run(this.store.project()?.id ?? '', label, call);
      await this.store.reload();
      this.store.notice.set({ kind: 'saved', key: done, params: { tasks } });
      this.close();
    } catch (error) {
      const failure = error instanceof ApiFailure ? error : null;
      const status = failure?.status ?? 0;
      const key =
        status === 409 || status === 404
          ? 'ganttLink.stale'
          : status === 422
            ? 'ganttLink.cycle'
            : status === 400
              ? 'ganttLink.invalid'
              : 'ganttLink.failed';
      this.error.set({ key, detail: failure?.message ?? String((error as Error)?.message ?? error) });
      if (status === 409 || status === 404) await this.store.reload();
    } finally {
      this.busy.set(false);
    }
  }
}
