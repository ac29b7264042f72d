import { ChangeDetectionStrategy, Component, computed, effect, input, model, signal, untracked } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { LocationKind } from '@worksite/shared-domain';
import { LocationRef } from '@worksite/web-planning-data-access';
import { locationChoices, pathOf, pickedLocation } from '../data/location-choices';

/**
 * Where: compound, then a building of it, then a unit of that building (each optional below
 * the compound). `value` is the most precise place picked.
 */
@Component({
  selector: 'ws-location-picker',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="levels">
      <label>
        <span>{{ 'incidents.report.compound' | translate }}</span>
        <select name="compound" (change)="pick('compound', $any($event.target).value)">
          <option value="" [selected]="!picked().compound">{{ 'incidents.report.choose' | translate }}</option>
          @for (choice of compounds(); track choice.id) {
            <option [value]="choice.id" [selected]="choice.id === picked().compound">{{ choice.name }}</option>
          }
        </select>
      </label>
      <label>
        <span>{{ 'incidents.report.building' | translate }}</span>
        <select name="building" [disabled]="!buildings().length" (change)="pick('building', $any($event.target).value)">
          <option value="" [selected]="!picked().building">{{ 'incidents.report.wholeCompound' | translate }}</option>
          @for (choice of buildings(); track choice.id) {
            <option [value]="choice.id" [selected]="choice.id === picked().building">{{ choice.name }}</option>
          }
        </select>
      </label>
      <label>
        <span>{{ 'incidents.report.unit' | translate }}</span>
        <select name="unit" [disabled]="!units().length" (change)="pick('unit', $any($event.target).value)">
          <option value="" [selected]="!picked().unit">{{ 'incidents.report.wholeBuilding' | translate }}</option>
          @for (choice of units(); track choice.id) {
            <option [value]="choice.id" [selected]="choice.id === picked().unit">{{ choice.name }}</option>
          }
        </select>
      </label>
    </div>
  `,
  styles: `
    .levels {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
      gap: 0.5rem;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
    }
    span {
      font-size: 0.85rem;
      color: #52606d;
    }
    select {
      font: inherit;
      padding: 0.35rem;
      min-height: 2.4rem;
    }
  `,
})
export class LocationPickerComponent {
  readonly locations = input.required<ReadonlyMap<string, LocationRef>>();
  /** The picked place (unit, building or compound id). */
  readonly value = model<string | null>(null);

  protected readonly picked = signal({ compound: '', building: '', unit: '' });
  protected readonly compounds = computed(() =>
    locationChoices(this.locations().values(), LocationKind.Compound, null),
  );
  protected readonly buildings = computed(() => {
    const compound = this.picked().compound;
    return compound ? locationChoices(this.locations().values(), LocationKind.Building, compound) : [];
  });
  protected readonly units = computed(() => {
    const building = this.picked().building;
    return building ? locationChoices(this.locations().values(), LocationKind.Unit, building) : [];
  });

  constructor() {
    // A value set from outside (or the locations arriving later) shows in the three lists.
    effect(() => {
      const value = this.value();
      const locations = this.locations();
      untracked(() => {
        if (pickedLocation(this.picked()) !== value) this.picked.set(pathOf(locations, value));
      });
    });
  }

  protected pick(level: 'compound' | 'building' | 'unit', id: string): void {
    const current = this.picked();
    const next =
      level === 'compound'
        ? { compound: id, building: '', unit: '' }
        : level === 'building'
          ? { ...current, building: id, unit: '' }
          : { ...current, unit: id };
    this.picked.set(next);
    this.value.set(pickedLocation(next));
  }
}
