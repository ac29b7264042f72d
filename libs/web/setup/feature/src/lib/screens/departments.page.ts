import { ChangeDetectionStrategy, Component } from '@angular/core';
import { DepartmentKind } from '@worksite/shared-domain';
import { injectIsAdmin, injectStore } from '../data/inject-store';
import { DepartmentRow } from '../data/setup.types';
import { enumOptions, selectField, textField } from '../forms/fields';
import { ResourceListComponent } from '../list/resource-list.component';
import { ResourceConfig } from '../list/resource-config';

/** Departments and agencies (power, telecom, water…): their colour on the Gantt and a contact. */
@Component({
  selector: 'ws-departments-page',
  imports: [ResourceListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ws-resource-list [config]="config" [store]="store" />`,
})
export class DepartmentsPage {
  protected readonly store = injectStore<DepartmentRow>('departments');
  protected readonly config: ResourceConfig<DepartmentRow> = {
    noun: 'setup.departments.noun',
    testId: 'department',
    searchable: true,
    title: (item) => item.name,
    mayDelete: injectIsAdmin(),
    fields: [
      textField('name', 'setup.fields.name', 100, { required: true }),
      selectField(
        'kind',
        'setup.departments.kind',
        enumOptions(Object.values(DepartmentKind), 'setup.departmentKinds'),
        {
          required: true,
        },
      ),
      { key: 'color', label: 'setup.departments.color', kind: 'color', hint: 'setup.departments.colorHint' },
      textField('contactName', 'setup.fields.contactName', 100),
      textField('contactPhone', 'setup.fields.contactPhone', 40),
    ],
    columns: [
      { label: 'setup.fields.name', value: (item) => item.name },
      { label: 'setup.departments.kind', value: (item) => `setup.departmentKinds.${item.kind}`, translate: true },
      {
        label: 'setup.fields.contact',
        value: (item) => [item.contactName, item.contactPhone].filter(Boolean).join(' '),
      },
    ],
  };
}
