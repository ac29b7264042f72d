import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { IncidentDto } from '@worksite/shared-domain';
import { ZonedTimePipe } from '@worksite/web-shared-ui';

/** The site: address, compound, building, unit, households, access notes, and who called. */
@Component({
  selector: 'ws-site-card',
  imports: [TranslatePipe, ZonedTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let site = incident().site;
    <dl data-testid="site-card">
      <dt>{{ 'incidents.site.address' | translate }}</dt>
      <dd data-testid="site-address">{{ site.address ?? '—' }}</dd>
      <dt>{{ 'incidents.site.compound' | translate }}</dt>
      <dd>{{ site.compoundName ?? '—' }}</dd>
      <dt>{{ 'incidents.site.building' | translate }}</dt>
      <dd>{{ site.buildingName ?? '—' }}</dd>
      <dt>{{ 'incidents.site.unit' | translate }}</dt>
      <dd>{{ site.unitName ?? '—' }}</dd>
      <dt>{{ 'incidents.site.households' | translate }}</dt>
      <dd>{{ 'incidents.site.householdsCount' | translate: { count: site.households } }}</dd>
      <dt>{{ 'incidents.fields.accessNotes' | translate }}</dt>
      <dd class="pre">{{ site.accessNotes || '—' }}</dd>
      <dt>{{ 'incidents.fields.callerName' | translate }}</dt>
      <dd>
        {{ incident().callerName }}
        @if (incident().callerPhone; as phone) {
          · <a [href]="'tel:' + phone">{{ phone }}</a>
        }
      </dd>
      <dt>{{ 'incidents.fields.reportedAt' | translate }}</dt>
      <dd>{{ incident().reportedAt | wsTime: zone() : 'datetime' }} · {{ incident().reportedByName }}</dd>
    </dl>
  `,
  styleUrl: '../incident-facts.css',
})
export class SiteCardComponent {
  readonly incident = input.required<IncidentDto>();
  readonly zone = input.required<string>();
}
