import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';
import { LOOK_AHEAD_WEEKS } from '@worksite/shared-make-ready';
import { LookAheadFilters, LookAheadStore } from './look-ahead.store';
import { LookAheadRowComponent } from './look-ahead-row.component';
import { FilterSelectComponent } from './filter-select.component';

/**
 * The look-ahead (2 to 6 weeks): the project's coming tasks week by week, the not-ready ones
 * first with their open constraints and owners, filtered by department, crew and place.
 */
@Component({
  selector: 'ws-look-ahead-page',
  imports: [TranslatePipe, RouterLink, LookAheadRowComponent, FilterSelectComponent],
  providers: [LookAheadStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './look-ahead-page.component.html',
  styleUrl: './look-ahead-page.component.css',
})
export class LookAheadPage {
  /** From the route (`projects/:projectId/look-ahead`). */
  readonly projectId = input.required<string>();

  protected readonly store = inject(LookAheadStore);
  protected readonly weekChoices = LOOK_AHEAD_WEEKS;

  constructor() {
    effect(() => {
      const id = this.projectId();
      untracked(() => void this.store.open(id));
    });
  }

  protected set(field: keyof LookAheadFilters, value: string): void {
    void this.store.filter(field === 'weeks' ? { weeks: Number(value) } : { [field]: value });
  }
}
