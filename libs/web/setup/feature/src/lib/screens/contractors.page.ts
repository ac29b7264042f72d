import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { injectIsAdmin, injectStore } from '../data/inject-store';
import { SetupOptions } from '../data/setup-options';
import { ContractorRow } from '../data/setup.types';
import { selectField, textField } from '../forms/fields';
import { ResourceListComponent } from '../list/resource-list.component';
import { ResourceConfig } from '../list/resource-config';

/** Contractors (the companies running crews), each under a department. */
@Component({
  selector: 'ws-contractors-page',
  imports: [ResourceListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ws-resource-list [config]="config" [store]="store" />`,
})
export class ContractorsPage {
  private readonly options = inject(SetupOptions);
  protected readonly store = injectStore<ContractorRow>('contractors');
  protected readonly config: ResourceConfig<ContractorRow> = {
    noun: 'setup.contractors.noun',
    testId: 'contractor',
    searchable: true,
    title: (item) => item.name,
    mayDelete: injectIsAdmin(),
    fields: [
      textField('name', 'setup.fields.name', 100, { required: true }),
      selectField('departmentId', 'setup.fields.department', this.options.options('departments'), { required: true }),
      textField('contactName', 'setup.fields.contactName', 100),
      textField('contactPhone', 'setup.fields.contactPhone', 40),
    ],
    columns: [
      { label: 'setup.fields.name', value: (item) => item.name },
      { label: 'setup.fields.department', value: (item) => this.options.nameOf(item.departmentId) },
      {
        label: 'setup.fields.contact',
        value: (item) => [item.contactName, item.contactPhone].filter(Boolean).join(' '),
      },
    ],
  };

  constructor() {
    void this.options.load('departments');
  }
}
