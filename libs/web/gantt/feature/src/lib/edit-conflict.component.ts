import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
} from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { TaskDto } from '@worksite/shared-domain';
import { ReferenceMaps } from '@worksite/web-planning-data-access';
import { editClashes, sayValue } from './edit-conflict';

/** A save the server refused with 409: the version read and what the user typed. */
export interface RefusedEdit {
  base: TaskDto;
  mine: Partial<TaskDto>;
}

/**
 * In the task panel after a 409: field by field, in words, what the other person changed (their
 * value against the user's), and one click to save the user's values again over the fresh copy.
 */
@Component({
  selector: 'ws-edit-conflict',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="clash" role="alert" data-testid="edit-conflict">
      <h3>{{ 'editConflict.title' | translate }}</h3>
      <p>{{ 'editConflict.explain' | translate }}</p>
      <ul>
        @for (row of rows(); track row.field) {
          <li [attr.data-field]="row.field">
            <strong>{{ label(row.field) }}</strong>
            @if (row.theyChanged) {
              <span class="theirs">{{ 'editConflict.theirs' | translate: { value: row.theirs } }}</span>
            } @else {
              <span class="theirs">{{ 'editConflict.unchanged' | translate: { value: row.theirs } }}</span>
            }
            @if (row.mine !== null) {
              <span class="mine">{{ 'editConflict.mine' | translate: { value: row.mine } }}</span>
            } @else {
              <span class="mine">{{ 'editConflict.notMine' | translate }}</span>
            }
          </li>
        }
      </ul>
      <div class="actions">
        @if (hasMine()) {
          <button
            type="button"
            data-testid="edit-conflict-reapply"
            [disabled]="saving()"
            (click)="reapply.emit(edit().mine)"
          >
            {{ 'editConflict.reapply' | translate }}
          </button>
        }
        <button type="button" data-testid="edit-conflict-keep" (click)="dismissed.emit()">
          {{ 'editConflict.keepTheirs' | translate }}
        </button>
      </div>
    </section>
  `,
  styles: `
    .clash {
      margin: 8px 0;
      padding: 10px 12px;
      border: 1px solid #f08c00;
      border-radius: 6px;
      background: #fff9db;
      overflow-wrap: anywhere;
    }
    h3 {
      margin: 0 0 4px;
      font-size: 15px;
    }
    p {
      margin: 0 0 6px;
      font-size: 13px;
    }
    ul {
      margin: 0 0 8px;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 6px;
    }
    li {
      display: grid;
      gap: 2px;
      font-size: 13px;
    }
    .theirs {
      color: #862e9c;
    }
    .mine {
      color: #1864ab;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class EditConflictComponent {
  private readonly translate = inject(TranslateService);
  readonly edit = input.required<RefusedEdit>();
  /** The server's copy now. */
  readonly fresh = input.required<TaskDto>();
  readonly refs = input.required<ReferenceMaps>();
  readonly zone = input.required<string>();
  readonly saving = input(false);
  readonly fieldLabel = input<(field: string) => string>((field) => field);
  readonly reapply = output<Partial<TaskDto>>();
  readonly dismissed = output<void>();

  protected readonly rows = computed(() => {
    const say = sayValue(this.refs(), this.zone(), (status) => this.translate.instant(`status.${status}`));
    return editClashes(this.edit().base, this.fresh(), this.edit().mine, say);
  });
  protected readonly hasMine = computed(() => this.rows().some((row) => row.mine !== null));

  constructor() {
    // Shown where the user pressed save (the panel's foot): bring it into view.
    const host: ElementRef<HTMLElement> = inject(ElementRef);
    afterNextRender(() => host.nativeElement.scrollIntoView?.({ block: 'nearest' }));
  }

  protected label(field: string): string {
    return this.fieldLabel()(field);
  }
}
