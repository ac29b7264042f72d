import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, OnInit, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiClient } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';
import { injectIsAdmin, injectStore } from '../data/inject-store';
import { buildLocationTree, childKinds } from '../data/location-tree';
import { LocationRow } from '../data/setup.types';
import { EntityFormComponent } from '../forms/entity-form.component';
import { FieldDef } from '../forms/form-model';
import { selectField, textField } from '../forms/fields';
import { DeleteButtonComponent } from '../list/delete-button.component';
import { LocationRobotsComponent } from './location-robots.component';

interface Editing {
  record: LocationRow | null;
  parent: LocationRow | null;
}

/** Locations as a tree (compound → building → unit, street segments), with add-child at every level. */
@Component({
  selector: 'ws-locations-page',
  imports: [TranslatePipe, NgTemplateOutlet, EntityFormComponent, DeleteButtonComponent, LocationRobotsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './locations.page.css',
  template: `
    <div class="ws-toolbar">
      <button type="button" class="ws-primary" (click)="edit(null, null)" data-testid="new-location">
        + {{ 'setup.create' | translate }} · {{ 'setup.locationKinds.compound' | translate }}
      </button>
    </div>
    @if (editing(); as state) {
      <ws-entity-form
        [fields]="fieldsFor(state.parent)"
        [store]="store"
        [record]="state.record"
        [fixed]="state.parent ? { parentId: state.parent.id } : {}"
        [defaults]="{ kind: childKinds(state.parent?.kind ?? null)[0] }"
        [noun]="state.parent ? 'setup.locations.childOf' : 'setup.locations.noun'"
        testId="location-form"
        (saved)="saved()"
        (cancelled)="editing.set(null)"
      />
      @if (state.parent) {
        <p class="ws-under">{{ 'setup.locations.under' | translate: { parent: state.parent.name } }}</p>
      }
      @if (state.record; as record) {
        @if (record.kind === 'building') {
          <ws-location-robots [locationId]="record.id" />
        }
      }
    }
    @if (error(); as text) {
      <p role="alert" class="ws-error">{{ 'common.loadFailed' | translate }}: {{ text }}</p>
    }
    <ng-template #branch let-nodes>
      <ul class="ws-tree" role="list">
        @for (node of nodes; track node.location.id) {
          <li data-testid="location-node" [attr.data-kind]="node.location.kind">
            <div class="ws-node">
              @if (node.children.length) {
                <button
                  type="button"
                  class="ws-toggle"
                  [attr.aria-expanded]="isOpen(node.location.id)"
                  (click)="toggle(node.location.id)"
                  data-testid="toggle-children"
                >
                  {{ isOpen(node.location.id) ? '▾' : '▸' }} {{ node.children.length }}
                </button>
              }
              <span class="ws-kind">{{ 'setup.locationKinds.' + node.location.kind | translate }}</span>
              <strong>{{ node.location.name }}</strong>
              @if (node.location.households !== null) {
                <span class="ws-meta">{{
                  'setup.locations.householdsCount' | translate: { count: node.location.households }
                }}</span>
              }
              <span class="ws-actions">
                @if (childKinds(node.location.kind).length) {
                  <button type="button" (click)="edit(null, node.location)" data-testid="add-child">
                    + {{ 'setup.locationKinds.' + childKinds(node.location.kind)[0] | translate }}
                  </button>
                }
                <button type="button" (click)="edit(node.location, null)" data-testid="edit">
                  {{ 'setup.edit' | translate }}
                </button>
                @if (mayDelete()) {
                  <ws-delete-button [title]="node.location.name" [remove]="removeOf(node.location)" />
                }
              </span>
            </div>
            @if (node.children.length && isOpen(node.location.id)) {
              <ng-container *ngTemplateOutlet="branch; context: { $implicit: node.children }" />
            }
          </li>
        }
      </ul>
    </ng-template>
    @if (tree().length) {
      <ng-container *ngTemplateOutlet="branch; context: { $implicit: tree() }" />
    } @else if (!loading()) {
      <p>{{ 'setup.empty' | translate }}</p>
    }
  `,
})
export class LocationsPage implements OnInit {
  private readonly api = inject(ApiClient);
  protected readonly store = injectStore<LocationRow>('locations');
  protected readonly mayDelete = injectIsAdmin();
  protected readonly childKinds = childKinds;
  private readonly rows = signal<LocationRow[]>([]);
  protected readonly loading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly tree = computed(() => buildLocationTree(this.rows()));
  protected readonly editing = signal<Editing | null>(null);
  /** Locations whose children are shown (all start folded: a district holds hundreds). */
  private readonly open = signal<ReadonlySet<string>>(new Set());

  ngOnInit(): void {
    void this.reload();
  }

  protected fieldsFor(parent: LocationRow | null): FieldDef[] {
    const kinds = childKinds(parent?.kind ?? null);
    return [
      selectField(
        'kind',
        'setup.locations.kind',
        () => kinds.map((kind) => ({ value: kind, label: `setup.locationKinds.${kind}`, translate: true })),
        {
          required: true,
          fixedOnEdit: true,
        },
      ),
      textField('name', 'setup.fields.name', 100, { required: true }),
      textField('address', 'setup.locations.address', 200),
      { key: 'households', label: 'setup.locations.households', kind: 'number', min: 0, max: 1_000_000 },
    ];
  }

  protected edit(record: LocationRow | null, parent: LocationRow | null): void {
    this.editing.set(null);
    queueMicrotask(() => this.editing.set({ record, parent }));
  }

  protected isOpen(id: string): boolean {
    return this.open().has(id);
  }

  protected toggle(id: string): void {
    this.open.update((open) => {
      const next = new Set(open);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected async saved(): Promise<void> {
    // The new child shows at once: its parent and the parent's parents unfold.
    const parent = this.editing()?.parent;
    if (parent)
      this.open.update((open) => new Set([...open, parent.id, ...(parent.parentId ? [parent.parentId] : [])]));
    this.editing.set(null);
    await this.reload();
  }

  protected removeOf(location: LocationRow) {
    return async () => {
      const result = await this.store.remove(location.id);
      if (result.ok) await this.reload();
      return result;
    };
  }

  private async reload(): Promise<void> {
    this.loading.set(true);
    try {
      this.rows.set(await firstValueFrom(this.api.getAll<LocationRow>('locations')));
      this.error.set(null);
    } catch (error) {
      this.error.set((error as Error).message);
    } finally {
      this.loading.set(false);
    }
  }
}
