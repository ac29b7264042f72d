import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ChannelKind } from '@worksite/shared-domain';
import { ApiClient } from '@worksite/web-core-data-access';
import { injectIsAdmin } from '../data/inject-store';
import { ResourceStore } from '../data/resource-store';
import { CrewChannelRow, CrewRow } from '../data/setup.types';
import { channelAddressError, enumOptions, selectField, textField } from '../forms/fields';
import { ResourceListComponent } from '../list/resource-list.component';
import { ResourceConfig } from '../list/resource-config';

const SIGNED_ROBOTS: unknown[] = [ChannelKind.DingTalk, ChannelKind.Feishu];

/** The channels of one crew (email, WeCom/DingTalk/Feishu robot webhook, SMS): add, change, remove. */
@Component({
  selector: 'ws-crew-channels',
  imports: [ResourceListComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="ws-panel" data-testid="crew-channels">
      <h2>
        {{ 'setup.crews.channelsOf' | translate: { crew: crew().name } }}
        <button type="button" (click)="closed.emit()">{{ 'common.close' | translate }}</button>
      </h2>
      @for (current of [crew()]; track current.id) {
        <ws-resource-list [config]="config()" [store]="store()" />
      }
    </section>
  `,
})
export class CrewChannelsComponent {
  readonly crew = input.required<CrewRow>();
  readonly closed = output<void>();
  private readonly api = inject(ApiClient);
  private readonly isAdmin = injectIsAdmin();
  protected readonly store = computed(
    () => new ResourceStore<CrewChannelRow>(this.api, 'crew-channels', () => ({ crewId: this.crew().id })),
  );
  protected readonly config = computed<ResourceConfig<CrewChannelRow>>(() => ({
    noun: 'setup.channels.noun',
    testId: 'channel',
    title: (item) => item.address,
    // Coordinators switch a channel off ("enabled"); removing it is for administrators (the API's rule).
    mayDelete: this.isAdmin,
    fixed: { crewId: this.crew().id },
    defaults: { kind: ChannelKind.Email, enabled: true },
    fields: [
      selectField('kind', 'setup.channels.kind', enumOptions(Object.values(ChannelKind), 'setup.channelKinds'), {
        required: true,
      }),
      textField('address', 'setup.channels.address', 500, {
        required: true,
        hint: (values) => ({ key: `setup.channels.addressHint.${String(values['kind'] ?? 'email')}` }),
        check: (value, values) => channelAddressError(values['kind'], value),
      }),
      {
        key: 'secret',
        label: 'setup.channels.secret',
        kind: 'password',
        max: 200,
        hint: 'setup.channels.secretHint',
        visible: (values) => SIGNED_ROBOTS.includes(values['kind']),
      },
      { key: 'enabled', label: 'setup.channels.enabled', kind: 'checkbox' },
    ],
    columns: [
      { label: 'setup.channels.kind', value: (item) => `setup.channelKinds.${item.kind}`, translate: true },
      { label: 'setup.channels.address', value: (item) => item.address ?? '' },
      { label: 'setup.channels.enabled', value: (item) => (item.enabled ? 'setup.yes' : 'setup.no'), translate: true },
    ],
  }));
}
