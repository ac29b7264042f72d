import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { Language } from '@worksite/shared-domain';
import { injectIsAdmin, injectStore } from '../data/inject-store';
import { SetupOptions } from '../data/setup-options';
import { CrewRow } from '../data/setup.types';
import { enumOptions, selectField, textField } from '../forms/fields';
import { ResourceListComponent } from '../list/resource-list.component';
import { ResourceConfig } from '../list/resource-config';
import { CrewChannelsComponent } from './crew-channels.component';

/** Crews with their leader, and under a chosen crew the channels its notices go to. */
@Component({
  selector: 'ws-crews-page',
  imports: [ResourceListComponent, CrewChannelsComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-template #channelsButton let-crew>
      <button type="button" (click)="open.set(crew)" data-testid="open-channels">
        {{ 'setup.crews.channels' | translate }}
      </button>
    </ng-template>
    <ws-resource-list [config]="config" [store]="store" [rowActions]="channelsButton" [openId]="open()?.id ?? null" />
    @if (open(); as crew) {
      <ws-crew-channels [crew]="crew" (closed)="open.set(null)" />
    }
  `,
})
export class CrewsPage {
  private readonly options = inject(SetupOptions);
  protected readonly open = signal<CrewRow | null>(null);
  protected readonly store = injectStore<CrewRow>('crews');
  protected readonly config: ResourceConfig<CrewRow> = {
    noun: 'setup.crews.noun',
    testId: 'crew',
    searchable: true,
    title: (item) => item.name,
    mayDelete: injectIsAdmin(),
    defaults: { language: Language.ZhCN },
    fields: [
      textField('name', 'setup.fields.name', 100, { required: true }),
      selectField('contractorId', 'setup.fields.contractor', this.options.options('contractors'), { required: true }),
      selectField('departmentId', 'setup.fields.department', this.options.options('departments'), {
        hint: 'setup.crews.departmentHint',
      }),
      textField('leaderName', 'setup.crews.leaderName', 100, { required: true }),
      textField('leaderPhone', 'setup.crews.leaderPhone', 40),
      selectField('language', 'setup.crews.language', enumOptions(Object.values(Language), 'setup.languages')),
    ],
    columns: [
      { label: 'setup.fields.name', value: (item) => item.name },
      { label: 'setup.fields.contractor', value: (item) => this.options.nameOf(item.contractorId) },
      { label: 'setup.fields.department', value: (item) => this.options.nameOf(item.departmentId) },
      { label: 'setup.crews.leader', value: (item) => [item.leaderName, item.leaderPhone].filter(Boolean).join(' ') },
    ],
  };

  constructor() {
    void this.options.load('contractors', 'departments');
  }
}
