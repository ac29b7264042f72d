import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiFailure } from '@worksite/web-core-data-access';
import { ResourceStore, Versioned } from '../data/resource-store';
import { FieldErrorsComponent } from './field-errors.component';
import { FieldInputComponent } from './field-input.component';
import {
  createBody,
  FieldDef,
  keepEdits,
  FieldError,
  FieldErrors,
  fieldShown,
  formValuesOf,
  FormValues,
  hasErrors,
  serverErrors,
  updateBody,
  validateForm,
} from './form-model';

/**
 * The create/edit form of any setup resource, built from field definitions: client-side checks
 * before sending (the API's rules), the API's 400 problems at their fields, and on a 409 for a
 * stale version the user's entries kept while the stored version is loaded beside them.
 */
@Component({
  selector: 'ws-entity-form',
  imports: [TranslatePipe, FieldInputComponent, FieldErrorsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './entity-form.component.css',
  template: `
    <form class="ws-form" novalidate (submit)="$event.preventDefault(); save()" [attr.data-testid]="testId()">
      <h2>{{ (record() ? 'setup.edit' : 'setup.create') | translate }} · {{ noun() | translate }}</h2>
      @for (field of shownFields(); track field.key) {
        <div class="ws-field" [class.ws-wide]="field.kind === 'weekly' || field.kind === 'textarea'">
          <label [for]="id(field)"
            >{{ field.label | translate }}
            @if (field.required) {
              <span aria-hidden="true"> *</span>
            }
          </label>
          <ws-field-input
            [field]="field"
            [inputId]="id(field)"
            [value]="values()[field.key]"
            [disabled]="!!record() && !!field.fixedOnEdit"
            [invalid]="!!errorsOf(field.key).length"
            (valueChange)="set(field.key, $event)"
          />
          @if (hintOf(field); as hint) {
            <small class="ws-hint">
              @if ('text' in hint) {
                {{ hint.text }}
              } @else {
                {{ hint.key | translate: hint.params }}
              }
            </small>
          }
          @if (theirs(); as stored) {
            @if (differs(field, stored)) {
              <small class="ws-theirs" data-testid="stored-value"
                >{{ 'setup.storedNow' | translate }} {{ shown(stored[field.key]) }}</small
              >
            }
          }
          <ws-field-errors [errors]="errorsOf(field.key)" [fieldId]="id(field)" />
        </div>
      }
      @if (message(); as text) {
        <p role="alert" class="ws-error" data-testid="form-message">
          @if ('text' in text) {
            {{ text.text }}
          } @else {
            {{ text.key | translate: text.params }}
          }
          @if (conflict()) {
            <button type="button" (click)="loadStored()" data-testid="load-stored">
              {{ 'setup.loadStored' | translate }}
            </button>
          }
        </p>
      }
      <div class="ws-actions">
        <button type="submit" class="ws-primary" [disabled]="busy()" data-testid="save">
          {{ (busy() ? 'common.saving' : 'common.save') | translate }}
        </button>
        <button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | translate }}</button>
      </div>
    </form>
  `,
})
export class EntityFormComponent<T extends Versioned> implements OnInit {
  readonly fields = input.required<FieldDef[]>();
  readonly store = input.required<ResourceStore<T>>();
  /** The record edited; null creates one. */
  readonly record = input<T | null>(null);
  /** Values every create sends besides the fields (e.g. the crew of a channel). */
  readonly fixed = input<Record<string, unknown>>({});
  /** Values a new record starts with. */
  readonly defaults = input<FormValues>({});
  /** Translation key of what is edited ("crew"). */
  readonly noun = input.required<string>();
  readonly testId = input('entity-form');
  readonly saved = output<T>();
  readonly cancelled = output<void>();

  private readonly host = inject(ElementRef<HTMLElement>);
  protected readonly values = signal<FormValues>({});
  private readonly initial = signal<FormValues>({});
  private readonly version = signal(0);
  private readonly submitted = signal(false);
  private readonly fromServer = signal<FieldErrors>({});
  protected readonly message = signal<FieldError | null>(null);
  protected readonly conflict = signal(false);
  protected readonly theirs = signal<FormValues | null>(null);
  protected readonly busy = signal(false);

  private readonly mode = computed(() => (this.record() ? 'edit' : 'create'));
  protected readonly shownFields = computed(() =>
    this.fields().filter((field) => fieldShown(field, this.values(), this.mode())),
  );
  private readonly clientErrors = computed(() => validateForm(this.fields(), this.values(), this.mode()));

  constructor() {
    // The form opens above the list: bring it into view (on a phone the row clicked may be far below).
    afterNextRender(() => {
      const host = this.host.nativeElement as HTMLElement;
      host.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea')?.focus();
      host.scrollIntoView?.({ block: 'nearest' });
    });
  }

  ngOnInit(): void {
    const record = this.record();
    const values = formValuesOf(this.fields(), record as Record<string, unknown> | null);
    this.values.set(record ? values : { ...values, ...this.defaults() });
    this.initial.set(values);
    this.version.set(record?.version ?? 0);
  }

  protected id(field: FieldDef): string {
    return `${this.testId()}-${field.key}`;
  }

  protected set(key: string, value: unknown): void {
    this.values.update((values) => ({ ...values, [key]: value }));
    this.fromServer.update(({ [key]: _, ...rest }) => rest);
  }

  protected errorsOf(key: string): FieldError[] {
    const client = this.submitted() ? (this.clientErrors()[key] ?? []) : [];
    return [...client, ...(this.fromServer()[key] ?? [])];
  }

  protected hintOf(field: FieldDef): FieldError | null {
    if (!field.hint) return null;
    return typeof field.hint === 'string' ? { key: field.hint } : field.hint(this.values());
  }

  protected differs(field: FieldDef, stored: FormValues): boolean {
    return JSON.stringify(stored[field.key] ?? '') !== JSON.stringify(this.values()[field.key] ?? '');
  }

  protected shown(value: unknown): string {
    if (value === '' || value === null || value === undefined) return '—';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  async save(): Promise<void> {
    this.submitted.set(true);
    this.message.set(null);
    if (hasErrors(this.clientErrors())) {
      this.message.set({ key: 'setup.fixFields' });
      this.focusFirstError();
      return;
    }
    const record = this.record();
    this.busy.set(true);
    const result = record
      ? await this.store().update(record.id, updateBody(this.fields(), this.initial(), this.values(), this.version()))
      : await this.store().create({ ...createBody(this.fields(), this.values()), ...this.fixed() });
    this.busy.set(false);
    if (result.ok) {
      this.conflict.set(false);
      this.theirs.set(null);
      this.saved.emit(result.value);
      return;
    }
    this.refused(result.failure);
  }

  /** After a 409: the stored version's values shown beside the user's, whose entries stay. */
  protected async loadStored(): Promise<void> {
    const record = this.record();
    if (!record) return;
    const result = await this.store().get(record.id);
    if (!result.ok) {
      this.refused(result.failure);
      return;
    }
    const stored = formValuesOf(this.fields(), result.value as unknown as Record<string, unknown>);
    // What the user changed stays theirs; every other field takes the stored value.
    this.values.set(keepEdits(this.initial(), this.values(), stored));
    this.initial.set(stored);
    this.version.set(result.value.version);
    this.theirs.set(stored);
    this.conflict.set(false);
    this.message.set({ key: 'setup.storedLoaded' });
  }

  private refused(failure: ApiFailure): void {
    this.fromServer.set(serverErrors(failure.problems));
    const stale = failure.status === 409 && failure.code === 'version_conflict';
    this.conflict.set(stale);
    this.message.set(
      stale
        ? { key: 'setup.staleVersion', params: { message: failure.message } }
        : failure.status === 0
          ? { key: 'common.network' }
          : { text: failure.message },
    );
    this.focusFirstError();
  }

  private focusFirstError(): void {
    setTimeout(() => {
      const host = this.host.nativeElement as HTMLElement;
      (host.querySelector('[aria-invalid=true]') as HTMLElement | null)?.focus();
    });
  }
}
