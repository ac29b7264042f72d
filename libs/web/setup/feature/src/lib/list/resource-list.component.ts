import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
  OnInit,
  output,
  signal,
  TemplateRef,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ResourceStore, Versioned } from '../data/resource-store';
import { EntityFormComponent } from '../forms/entity-form.component';
import { DeleteButtonComponent } from './delete-button.component';
import { PagerComponent } from './pager.component';
import { ResourceConfig } from './resource-config';

/**
 * The generic setup screen of one resource: its list (a table, cards on a phone), paged as the
 * API pages it, a create/edit form from the config's fields, and delete with a question first.
 * `rowActions` adds buttons per row (e.g. a crew's channels); `opened` reports the row chosen.
 */
@Component({
  selector: 'ws-resource-list',
  imports: [TranslatePipe, NgTemplateOutlet, EntityFormComponent, DeleteButtonComponent, PagerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './resource-list.component.css',
  template: `
    @let c = config();
    <div class="ws-toolbar">
      @if (c.searchable) {
        <input
          type="search"
          class="ws-search"
          [value]="store().search()"
          [attr.aria-label]="'setup.search' | translate"
          [placeholder]="'setup.search' | translate"
          (input)="find($any($event.target).value)"
          [attr.data-testid]="c.testId + '-search'"
        />
      }
      <button type="button" class="ws-primary" (click)="edit(null)" [attr.data-testid]="'new-' + c.testId">
        + {{ 'setup.create' | translate }} · {{ c.noun | translate }}
      </button>
    </div>
    @if (editing(); as state) {
      <ws-entity-form
        [fields]="c.fields"
        [store]="store()"
        [record]="state.record"
        [fixed]="c.fixed ?? {}"
        [defaults]="c.defaults ?? {}"
        [noun]="c.noun"
        [testId]="c.testId + '-form'"
        (saved)="saved($event, !state.record)"
        (cancelled)="editing.set(null)"
      />
    }
    @if (store().error(); as error) {
      <p role="alert" class="ws-error">
        {{ 'common.loadFailed' | translate }}: {{ error.message }}
        <button type="button" (click)="store().load()">{{ 'common.retry' | translate }}</button>
      </p>
    }
    @if (store().loading() && !store().items().length) {
      <p role="status">{{ 'common.loading' | translate }}</p>
    } @else if (!rows().length && !store().error()) {
      <p>{{ 'setup.empty' | translate }}</p>
    } @else {
      <table class="ws-table ws-card-table" [attr.data-testid]="c.testId + '-list'">
        <thead>
          <tr>
            @for (column of c.columns; track column.label) {
              <th scope="col">{{ column.label | translate }}</th>
            }
            <th scope="col">
              <span class="ws-sr">{{ 'setup.actions' | translate }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (item of rows(); track item.id) {
            <tr
              [attr.data-testid]="c.testId + '-row'"
              [class.ws-open]="item.id === openId()"
              [class.ws-added]="isAdded(item)"
            >
              @for (column of c.columns; track column.label) {
                <td [attr.data-label]="column.label | translate">
                  {{ column.translate ? (column.value(item) | translate) : column.value(item) }}
                </td>
              }
              <td class="ws-row-actions">
                @if (rowActions(); as actions) {
                  <ng-container *ngTemplateOutlet="actions; context: { $implicit: item }" />
                }
                <button type="button" (click)="edit(item)" data-testid="edit">{{ 'setup.edit' | translate }}</button>
                @if (c.mayDelete?.() ?? true) {
                  <ws-delete-button [title]="c.title(item)" [remove]="removeOf(item)" />
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
      <ws-pager [store]="store()" />
    }
  `,
})
export class ResourceListComponent<T extends Versioned> implements OnInit {
  readonly config = input.required<ResourceConfig<T>>();
  readonly store = input.required<ResourceStore<T>>();
  readonly rowActions = input<TemplateRef<{ $implicit: T }> | null>(null);
  /** The row whose details are open beside the list (highlighted). */
  readonly openId = input<string | null>(null);
  readonly opened = output<T>();
  protected readonly editing = signal<{ record: T | null } | null>(null);
  /** Records created here, shown first whatever page they landed on, until the list is searched. */
  private readonly added = signal<T[]>([]);
  protected readonly rows = computed(() => {
    const onPage = new Set(
      this.store()
        .items()
        .map((item) => item.id),
    );
    return [...this.added().filter((item) => !onPage.has(item.id)), ...this.store().items()];
  });
  private searchTimer: ReturnType<typeof setTimeout> | undefined;

  ngOnInit(): void {
    void this.store().load(1);
  }

  protected edit(record: T | null): void {
    // A new form each time: the one open is closed first, so its entries do not carry over.
    this.editing.set(null);
    queueMicrotask(() => this.editing.set({ record }));
  }

  protected saved(item: T, created: boolean): void {
    this.editing.set(null);
    this.added.update((added) => (created ? [item, ...added] : added.map((one) => (one.id === item.id ? item : one))));
    this.config().onSaved?.(item, created);
  }

  protected isAdded(item: T): boolean {
    return this.added().some((one) => one.id === item.id);
  }

  protected find(text: string): void {
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      this.added.set([]);
      this.store().search.set(text);
      void this.store().load(1);
    }, 250);
  }

  protected removeOf(item: T) {
    return async () => {
      const result = await this.store().remove(item.id);
      if (result.ok) this.added.update((added) => added.filter((one) => one.id !== item.id));
      return result;
    };
  }
}
