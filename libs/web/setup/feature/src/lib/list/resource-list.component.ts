import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, OnInit, output, signal, TemplateRef } from '@angular/core';
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
    } @else if (!store().items().length && !store().error()) {
      <p>{{ 'setup.empty' | translate }}</p>
    } @else {
      <table class="ws-table ws-setup-table" [attr.data-testid]="c.testId + '-list'">
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
          @for (item of store().items(); track item.id) {
            <tr [attr.data-testid]="c.testId + '-row'" [class.ws-open]="item.id === openId()">
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
    this.config().onSaved?.(item, created);
  }

  protected removeOf(item: T) {
    return () => this.store().remove(item.id);
  }
}
