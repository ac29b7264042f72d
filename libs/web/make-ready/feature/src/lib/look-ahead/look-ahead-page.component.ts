import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { ProjectHeaderComponent } from '@worksite/web-shared-ui';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { LOOK_AHEAD_WEEKS, MakeReadyConstraintDto, mayClearConstraint } from '@worksite/shared-make-ready';
import { SessionStore } from '@worksite/web-auth-data-access';
import { LookAheadFilters, LookAheadStore } from './look-ahead.store';
import { LookAheadRowComponent } from './look-ahead-row.component';
import { FilterSelectComponent } from './filter-select.component';

/**
 * The look-ahead (2 to 6 weeks): the project's coming tasks week by week, the not-ready ones
 * first with their open constraints and owners, filtered by department, crew and place.
 */
@Component({
  selector: 'ws-look-ahead-page',
  imports: [TranslatePipe, LookAheadRowComponent, FilterSelectComponent, ProjectHeaderComponent],
  providers: [LookAheadStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './look-ahead-page.component.html',
  styleUrl: './look-ahead-page.component.css',
})
export class LookAheadPage {
  /** From the route (`projects/:projectId/look-ahead`). */
  readonly projectId = input.required<string>();

  protected readonly store = inject(LookAheadStore);
  private readonly session = inject(SessionStore);
  private readonly weeksUnit = toSignal(inject(TranslateService).stream('makeReady.lookAhead.weeksUnit'), {
    initialValue: '',
  });
  /** The filter selects in order: the window in weeks, then department, crew and place. */
  protected readonly filters = computed(() => {
    const f = this.store.filters();
    const unit = this.weeksUnit();
    const weeks = LOOK_AHEAD_WEEKS.map((w) => ({ id: String(w), label: `${w} ${unit}` }));
    return [
      { field: 'weeks', label: 'weeks', options: weeks, value: String(f.weeks) },
      { field: 'departmentId', label: 'department', options: this.store.departments(), value: f.departmentId },
      { field: 'crewId', label: 'crew', options: this.store.crews(), value: f.crewId },
      { field: 'locationId', label: 'place', options: this.store.places(), value: f.locationId },
    ] satisfies { field: keyof LookAheadFilters; label: string; options: unknown[]; value: string }[];
  });

  constructor() {
    effect(() => {
      const id = this.projectId();
      untracked(() => void this.store.open(id));
    });
  }

  /** A planner of the project marks any constraint cleared from the list; others those they own. */
  protected readonly mayClear = (c: MakeReadyConstraintDto): boolean =>
    mayClearConstraint(this.session.user(), this.projectId(), c);

  protected set(field: keyof LookAheadFilters, value: string): void {
    void this.store.filter(field === 'weeks' ? { weeks: Number(value) } : { [field]: value });
  }
}
