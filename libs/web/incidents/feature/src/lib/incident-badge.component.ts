import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** An incident's severity or status as a small coloured label (`incidents.<what>.<value>`). */
@Component({
  selector: 'ws-incident-badge',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="badge" [attr.data-value]="value()">{{
    'incidents.' + what() + '.' + value() | translate
  }}</span>`,
  styles: `
    .badge {
      display: inline-block;
      padding: 0 0.45em;
      border-radius: 0.6em;
      white-space: nowrap;
      background: #e4e7eb;
      color: #323f4b;
    }
    [data-value='critical'] {
      background: #b42318;
      color: #fff;
    }
    [data-value='major'] {
      background: #ffe3e3;
      color: #ab091e;
    }
    [data-value='open'] {
      background: #fff3c4;
      color: #8d2b0b;
    }
    [data-value='closed'] {
      background: #e3f9e5;
      color: #207227;
    }
  `,
})
export class IncidentBadgeComponent {
  readonly what = input.required<'severity' | 'status'>();
  readonly value = input.required<string>();
}
