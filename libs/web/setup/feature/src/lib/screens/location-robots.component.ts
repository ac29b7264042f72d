import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { ApiClient, ApiFailure } from '@worksite/web-core-data-access';
import { firstValueFrom } from 'rxjs';

interface RobotRow {
  id: string;
  kind: string;
  label: string;
  webhookHost: string;
  signed: boolean;
}

const KINDS = ['wecom', 'dingtalk', 'feishu'];

/** A building's residents' group robots: where its announcements are posted (add, remove). */
@Component({
  selector: 'ws-location-robots',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="robots" data-testid="location-robots">
      <h3>{{ 'announcements.robots.title' | translate }}</h3>
      @for (robot of robots(); track robot.id) {
        <p data-testid="location-robot">
          {{ 'setup.channelKinds.' + robot.kind | translate }} · {{ robot.label || robot.webhookHost }}
          <button type="button" (click)="remove(robot)">{{ 'announcements.robots.remove' | translate }}</button>
        </p>
      } @empty {
        <p>{{ 'announcements.robots.none' | translate }}</p>
      }
      <form (submit)="$event.preventDefault(); add()">
        <select [value]="kind()" (change)="kind.set($any($event.target).value)" aria-label="kind">
          @for (k of kinds; track k) {
            <option [value]="k">{{ 'setup.channelKinds.' + k | translate }}</option>
          }
        </select>
        <input
          [placeholder]="'announcements.robots.webhook' | translate"
          [value]="webhook()"
          (input)="webhook.set($any($event.target).value)"
          name="webhook"
        />
        <input
          [placeholder]="'announcements.robots.secret' | translate"
          [value]="secret()"
          (input)="secret.set($any($event.target).value)"
          name="secret"
        />
        <input
          [placeholder]="'announcements.robots.label' | translate"
          [value]="label()"
          (input)="label.set($any($event.target).value)"
          name="label"
        />
        <button type="submit" [disabled]="!webhook()">{{ 'announcements.robots.add' | translate }}</button>
      </form>
      @if (error(); as error) {
        <p role="alert" class="ws-error">{{ error }}</p>
      }
    </section>
  `,
  styles: `
    .robots form {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .robots input {
      flex: 1 1 160px;
      min-width: 0;
    }
  `,
})
export class LocationRobotsComponent {
  readonly locationId = input.required<string>();
  private readonly api = inject(ApiClient);
  protected readonly kinds = KINDS;
  protected readonly robots = signal<RobotRow[]>([]);
  protected readonly kind = signal('wecom');
  protected readonly webhook = signal('');
  protected readonly secret = signal('');
  protected readonly label = signal('');
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      const id = this.locationId();
      untracked(() => void this.load(id));
    });
  }

  protected async add(): Promise<void> {
    await this.run(() =>
      firstValueFrom(
        this.api.post(`locations/${this.locationId()}/robots`, {
          kind: this.kind(),
          webhook: this.webhook().trim(),
          ...(this.secret().trim() ? { secret: this.secret().trim() } : {}),
          ...(this.label().trim() ? { label: this.label().trim() } : {}),
        }),
      ),
    );
    if (!this.error()) this.webhook.set('');
  }

  protected async remove(robot: RobotRow): Promise<void> {
    await this.run(() => firstValueFrom(this.api.delete(`locations/${this.locationId()}/robots/${robot.id}`)));
  }

  private async run(call: () => Promise<unknown>): Promise<void> {
    this.error.set(null);
    try {
      await call();
      await this.load(this.locationId());
    } catch (error) {
      this.error.set((error as ApiFailure).message);
    }
  }

  private async load(id: string): Promise<void> {
    try {
      this.robots.set((await firstValueFrom(this.api.get<{ items: RobotRow[] }>(`locations/${id}/robots`))).items);
    } catch (error) {
      this.error.set((error as ApiFailure).message);
    }
  }
}
