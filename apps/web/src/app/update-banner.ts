import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { SwUpdate, VersionReadyEvent } from '@angular/service-worker';
import { TranslatePipe } from '@ngx-translate/core';
import { filter } from 'rxjs';

/**
 * The installed app (service worker) keeps serving the version it cached until it is reloaded:
 * when a newer one has been downloaded, say so and offer to reload — never reload by itself,
 * which could lose what the user is typing.
 */
@Component({
  selector: 'ws-update-banner',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (ready()) {
      <div class="banner" role="status" data-testid="update-banner">
        {{ 'app.updateReady' | translate }}
        <button type="button" (click)="reload()">{{ 'app.reload' | translate }}</button>
      </div>
    }
  `,
  styles: `
    .banner {
      display: flex;
      gap: 0.8rem;
      align-items: center;
      justify-content: center;
      padding: 0.4rem 1rem;
      background: #fff3bf;
      color: #5c3c00;
    }
  `,
})
export class UpdateBanner {
  private readonly updates = inject(SwUpdate, { optional: true });
  protected readonly ready = signal(false);

  constructor() {
    if (!this.updates?.isEnabled) return;
    this.updates.versionUpdates
      .pipe(
        filter((event): event is VersionReadyEvent => event.type === 'VERSION_READY'),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe(() => this.ready.set(true));
  }

  protected reload(): void {
    document.location.reload();
  }
}
