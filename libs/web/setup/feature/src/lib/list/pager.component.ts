import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ResourceStore, Versioned } from '../data/resource-store';

/** Previous / next page of a list the API pages, with where the user is. */
@Component({
  selector: 'ws-pager',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = store();
    @if (s.pages() > 1) {
      <nav class="ws-pager" [attr.aria-label]="'setup.pages' | translate">
        <button type="button" [disabled]="s.page() <= 1" (click)="s.load(s.page() - 1)">
          ‹ {{ 'setup.previous' | translate }}
        </button>
        <span>{{ 'setup.pageOf' | translate: { page: s.page(), pages: s.pages(), total: s.total() } }}</span>
        <button type="button" [disabled]="s.page() >= s.pages()" (click)="s.load(s.page() + 1)">
          {{ 'setup.next' | translate }} ›
        </button>
      </nav>
    }
  `,
  styles: `
    .ws-pager {
      display: flex;
      gap: 0.8rem;
      align-items: center;
      margin-top: 0.6rem;
    }
  `,
})
export class PagerComponent {
  readonly store = input.required<ResourceStore<Versioned>>();
}
