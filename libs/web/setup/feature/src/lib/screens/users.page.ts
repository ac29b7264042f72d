import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { Language, Role } from '@worksite/shared-domain';
import { LanguageService } from '@worksite/web-core-data-access';
import { injectStore } from '../data/inject-store';
import { SetupOptions } from '../data/setup-options';
import { UserRow } from '../data/setup.types';
import { emailError, enumOptions, selectField, textField } from '../forms/fields';
import { FieldDef, FormValues } from '../forms/form-model';
import { passwordField } from '../forms/password-field';
import { ResourceListComponent } from '../list/resource-list.component';
import { ResourceConfig } from '../list/resource-config';
import { UserAccountComponent } from './user-account.component';

const withRole = (role: Role) => (values: FormValues) => values['role'] === role;

/** Ids of a user's crews or projects, as the API returns them (`crews`/`projects` relation ids). */
const idsOf = (key: 'crew' | 'project') => (record: Record<string, unknown>) =>
  record[`${key}Ids`] ?? record[`${key}s`] ?? [];

/** Accounts (administrators only): role and what it is assigned to, password reset, deactivation. */
@Component({
  selector: 'ws-users-page',
  imports: [ResourceListComponent, UserAccountComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-template #accountButton let-user>
      <button type="button" (click)="open.set(user)" data-testid="open-account">
        {{ 'setup.users.account' | translate }}
      </button>
    </ng-template>
    <ws-resource-list [config]="config" [store]="store" [rowActions]="accountButton" [openId]="open()?.id ?? null" />
    @if (open(); as user) {
      <!-- One panel per account: what was said about another account does not carry over. -->
      @for (current of [user]; track current.id) {
        <ws-user-account
          [user]="current"
          [store]="store"
          [passwordField]="password"
          (closed)="open.set(null)"
          (changed)="open.set($event)"
        />
      }
    }
  `,
})
export class UsersPage {
  private readonly options = inject(SetupOptions);
  private readonly language = inject(LanguageService);
  protected readonly open = signal<UserRow | null>(null);
  protected readonly store = injectStore<UserRow>('users');
  protected readonly password: FieldDef = passwordField(
    () => this.language.current(),
    (values) => String(values['username'] ?? this.open()?.username ?? ''),
  );
  protected readonly config: ResourceConfig<UserRow> = {
    noun: 'setup.users.noun',
    testId: 'user',
    searchable: true,
    title: (item) => item.username,
    defaults: { role: Role.Coordinator, language: Language.ZhCN },
    fields: [
      textField('username', 'setup.users.username', 50, {
        required: true,
        pattern: /^[A-Za-z0-9._-]{3,50}$/,
        patternMessage: 'setup.errors.username',
      }),
      textField('displayName', 'setup.users.displayName', 100, { required: true }),
      { ...this.password, createOnly: true },
      selectField('role', 'setup.users.role', enumOptions(Object.values(Role), 'roles'), { required: true }),
      selectField('departmentId', 'setup.fields.department', this.options.options('departments'), {
        visible: withRole(Role.Agency),
        nullable: true,
        required: true,
      }),
      {
        key: 'crewIds',
        label: 'setup.users.crews',
        kind: 'multiselect',
        options: this.options.options('crews'),
        visible: withRole(Role.Contractor),
        read: idsOf('crew'),
      },
      {
        key: 'projectIds',
        label: 'setup.users.projects',
        kind: 'multiselect',
        options: this.options.options('projects'),
        visible: withRole(Role.Coordinator),
        read: idsOf('project'),
      },
      selectField('language', 'setup.users.language', enumOptions(Object.values(Language), 'setup.languages')),
      textField('email', 'setup.users.email', 200, { check: emailError }),
      textField('phone', 'setup.users.phone', 40),
    ],
    columns: [
      { label: 'setup.users.username', value: (item) => item.username },
      { label: 'setup.users.displayName', value: (item) => item.displayName },
      { label: 'setup.users.role', value: (item) => `roles.${item.role}`, translate: true },
      { label: 'setup.users.assigned', value: (item) => this.assigned(item) },
      {
        label: 'setup.users.active',
        value: (item) => (item.active ? 'setup.users.activeNow' : 'setup.users.inactive'),
        translate: true,
      },
    ],
  };

  constructor() {
    void this.options.load('departments', 'crews', 'projects');
  }

  private assigned(user: UserRow): string {
    const ids = [
      ...(user.departmentId ? [user.departmentId] : []),
      ...((idsOf('crew')(user as never) as string[]) ?? []),
      ...((idsOf('project')(user as never) as string[]) ?? []),
    ];
    return ids.map((id) => this.options.nameOf(id)).join('、');
  }
}
