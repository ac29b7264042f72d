import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { formatDuration } from '@worksite/plan-notation';
import { DepartmentKind } from '@worksite/shared-domain';
import { injectIsAdmin, injectStore } from '../data/inject-store';
import { SetupOptions } from '../data/setup-options';
import { WorkStepRow } from '../data/setup.types';
import { enumOptions, selectField, textField } from '../forms/fields';
import { durationField, linesField, materialsField, STANDARD_DAY_MINUTES } from '../forms/work-step-fields';
import { ResourceListComponent } from '../list/resource-list.component';
import { ResourceConfig } from '../list/resource-config';

/**
 * Standard work steps (标准工序): what a task made from one is filled with — its name, who does
 * it, its usual working time ("3天", "4h"), the work, materials, tools and safety notes.
 */
@Component({
  selector: 'ws-work-steps-page',
  imports: [ResourceListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ws-resource-list [config]="config" [store]="store" />`,
})
export class WorkStepsPage {
  private readonly options = inject(SetupOptions);
  private readonly translate = inject(TranslateService);
  private readonly language = () => this.translate.getCurrentLang() ?? 'zh-CN';
  protected readonly store = injectStore<WorkStepRow>('work-steps');
  protected readonly config: ResourceConfig<WorkStepRow> = {
    noun: 'setup.workSteps.noun',
    testId: 'work-step',
    searchable: true,
    title: (item) => item.name,
    mayDelete: injectIsAdmin(),
    fields: [
      textField('name', 'setup.fields.name', 200, { required: true }),
      selectField(
        'departmentKind',
        'setup.departments.kind',
        enumOptions(Object.values(DepartmentKind), 'setup.departmentKinds'),
        { nullable: true },
      ),
      selectField('departmentId', 'setup.fields.department', this.options.options('departments'), {
        nullable: true,
      }),
      durationField('durationMinutes', 'setup.workSteps.duration', this.language),
      { key: 'content', label: 'setup.workSteps.content', kind: 'textarea', max: 5000 },
      materialsField('materials', 'setup.workSteps.materials'),
      linesField('tools', 'setup.workSteps.tools', 200, 'setup.workSteps.toolsHint'),
      { key: 'safetyNotes', label: 'setup.workSteps.safetyNotes', kind: 'textarea', max: 5000 },
    ],
    columns: [
      { label: 'setup.fields.name', value: (item) => item.name },
      {
        label: 'setup.fields.department',
        value: (item) =>
          item.departmentId
            ? this.options.nameOf(item.departmentId)
            : item.departmentKind
              ? this.translate.instant(`setup.departmentKinds.${item.departmentKind}`)
              : '',
      },
      {
        label: 'setup.workSteps.duration',
        value: (item) => formatDuration(item.durationMinutes, STANDARD_DAY_MINUTES, this.language()),
      },
      { label: 'setup.workSteps.tools', value: (item) => item.tools.join('、') },
    ],
  };

  constructor() {
    void this.options.load('departments');
  }
}
