import { TestBed } from '@angular/core/testing';
import { SwUpdate, VersionEvent } from '@angular/service-worker';
import { provideTranslateService } from '@ngx-translate/core';
import { Subject } from 'rxjs';
import { UpdateBanner } from './update-banner';

describe('UpdateBanner', () => {
  it('offers a reload once the service worker has a new version ready, not before', () => {
    const versionUpdates = new Subject<VersionEvent>();
    TestBed.configureTestingModule({
      imports: [UpdateBanner],
      providers: [
        provideTranslateService({ lang: 'zh-CN' }),
        { provide: SwUpdate, useValue: { isEnabled: true, versionUpdates } },
      ],
    });
    const fixture = TestBed.createComponent(UpdateBanner);
    fixture.detectChanges();
    const banner = () => fixture.nativeElement.querySelector('[data-testid=update-banner]');
    expect(banner()).toBeNull();
    versionUpdates.next({ type: 'VERSION_DETECTED', version: { hash: 'b' } });
    fixture.detectChanges();
    expect(banner()).toBeNull();
    versionUpdates.next({ type: 'VERSION_READY', currentVersion: { hash: 'a' }, latestVersion: { hash: 'b' } });
    fixture.detectChanges();
    expect(banner()).not.toBeNull();
    expect(banner().querySelector('button')).not.toBeNull();
  });
});
