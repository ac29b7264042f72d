import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CalendarFeedEndpoints, CalendarFeedStatusDto } from '@worksite/shared-domain';
import { ZonedTimePipe } from './zoned-time.pipe';

/**
 * "订阅日历": a secret calendar URL to add to a phone calendar. The URL is shown once, when it
 * is made (only a hash of it is stored); rotating makes a new one and stops the old, revoking
 * stops it.
 */
@Component({
  selector: 'ws-feed-subscribe',
  imports: [TranslatePipe, ZonedTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="open" (click)="toggle()" [attr.aria-expanded]="open()" data-testid="feed-open">
      {{ 'feed.subscribe' | translate }}
    </button>
    @if (open()) {
      <section class="panel" [attr.aria-label]="'feed.subscribe' | translate" data-testid="feed-panel">
        <p class="intro">{{ 'feed.intro' | translate }}</p>
        @if (url(); as url) {
          <label class="url">
            {{ 'feed.url' | translate }}
            <input type="text" readonly [value]="url" (focus)="$any($event.target).select()" data-testid="feed-url" />
          </label>
          <button type="button" (click)="copy(url)">{{ (copied() ? 'feed.copied' : 'feed.copy') | translate }}</button>
          <p class="hint">{{ 'feed.urlOnce' | translate }}</p>
        }
        @if (status(); as status) {
          <p class="state" data-testid="feed-state">
            @if (status.active) {
              {{ 'feed.active' | translate: { at: (status.createdAt | wsTime: zone() : 'datetime') } }}
              ·
              @if (status.lastUsedAt) {
                {{ 'feed.lastUsed' | translate: { at: (status.lastUsedAt | wsTime: zone() : 'datetime') } }}
              } @else {
                {{ 'feed.neverUsed' | translate }}
              }
            } @else {
              {{ 'feed.inactive' | translate }}
            }
          </p>
          <div class="actions">
            <button type="button" (click)="create(status.active)" [disabled]="busy()" data-testid="feed-create">
              {{ (status.active ? 'feed.rotate' : 'feed.create') | translate }}
            </button>
            @if (status.active) {
              <button type="button" (click)="revoke()" [disabled]="busy()" data-testid="feed-revoke">
                {{ 'feed.revoke' | translate }}
              </button>
            }
          </div>
        } @else if (!error()) {
          <p>{{ 'common.loading' | translate }}</p>
        }
        @if (error(); as error) {
          <p role="alert" class="ws-error">{{ 'feed.failed' | translate }}: {{ error }}</p>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: inline-block;
      position: relative;
      margin: 0 0.6rem 0.4rem 0;
    }
    .panel {
      position: absolute;
      left: 0;
      z-index: 20;
      box-sizing: border-box;
      width: min(26rem, calc(100vw - 2rem));
      margin-top: 0.3rem;
      padding: 0.6rem 0.8rem;
      background: #fff;
      border: 1px solid #cbd2d9;
      border-radius: 4px;
      box-shadow: 0 4px 12px rgb(0 0 0 / 12%);
      font-size: 0.85rem;
    }
    .url {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
    }
    .url input {
      box-sizing: border-box;
      width: 100%;
      min-width: 0;
      font-family: monospace;
      font-size: 0.75rem;
    }
    .hint,
    .intro {
      color: #52606d;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
  `,
})
export class FeedSubscribeComponent {
  readonly endpoints = input.required<CalendarFeedEndpoints>();
  /** The zone times are shown in. */
  readonly zone = input<string>('Asia/Shanghai');

  private readonly translate = inject(TranslateService);
  protected readonly open = signal(false);
  protected readonly status = signal<CalendarFeedStatusDto | null>(null);
  protected readonly url = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly copied = signal(false);
  protected readonly error = signal<string | null>(null);

  protected toggle(): void {
    this.open.update((open) => !open);
    if (this.open()) void this.run(async () => this.status.set(await this.endpoints().status()));
  }

  protected create(rotate: boolean): void {
    if (rotate && !confirm(this.translate.instant('feed.rotateConfirm'))) return;
    void this.run(async () => {
      const created = await this.endpoints().create();
      this.url.set(created.url);
      this.copied.set(false);
      this.status.set(await this.endpoints().status());
    });
  }

  protected revoke(): void {
    if (!confirm(this.translate.instant('feed.revokeConfirm'))) return;
    void this.run(async () => {
      await this.endpoints().revoke();
      this.url.set(null);
      this.status.set(await this.endpoints().status());
    });
  }

  protected async copy(url: string): Promise<void> {
    await navigator.clipboard?.writeText(url);
    this.copied.set(true);
  }

  private async run(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      this.error.set(error instanceof Error ? error.message : String(error));
    } finally {
      this.busy.set(false);
    }
  }
}
