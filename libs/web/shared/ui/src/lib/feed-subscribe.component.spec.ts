import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { CalendarFeedEndpoints, CalendarFeedStatusDto } from '@worksite/shared-domain';
import { FeedSubscribeComponent } from './feed-subscribe.component';

describe('FeedSubscribeComponent', () => {
  const inactive: CalendarFeedStatusDto = { active: false, createdAt: null, createdByName: null, lastUsedAt: null };
  const active: CalendarFeedStatusDto = {
    active: true,
    createdAt: '2026-12-03T08:00:00Z',
    createdByName: '王建国',
    lastUsedAt: null,
  };

  async function render(endpoints: CalendarFeedEndpoints) {
    TestBed.configureTestingModule({ providers: [provideTranslateService({ lang: 'zh-CN' })] });
    const fixture = TestBed.createComponent(FeedSubscribeComponent);
    fixture.componentRef.setInput('endpoints', endpoints);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await new Promise((resolve) => setTimeout(resolve));
      fixture.detectChanges();
    };
    const click = async (testId: string) => {
      (element.querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement).click();
      await settle();
    };
    return { element, click };
  }

  it('shows the state when opened, and the new URL once it is made', async () => {
    let status = inactive;
    const endpoints: CalendarFeedEndpoints = {
      status: jest.fn(async () => status),
      create: jest.fn(async () => {
        status = active;
        return { url: 'https://ws.example/api/feeds/secret.ics', createdAt: active.createdAt as string };
      }),
      revoke: jest.fn(async () => undefined),
    };
    const { element, click } = await render(endpoints);
    expect(element.querySelector('[data-testid="feed-panel"]')).toBeNull();
    await click('feed-open');
    expect(endpoints.status).toHaveBeenCalledTimes(1);
    expect(element.querySelector('[data-testid="feed-revoke"]')).toBeNull();
    await click('feed-create');
    expect(endpoints.create).toHaveBeenCalledTimes(1);
    expect((element.querySelector('[data-testid="feed-url"]') as HTMLInputElement).value).toBe(
      'https://ws.example/api/feeds/secret.ics',
    );
    expect(element.querySelector('[data-testid="feed-revoke"]')).not.toBeNull();
  });

  it('revokes after confirming, and forgets the URL', async () => {
    jest.spyOn(window, 'confirm').mockReturnValue(true);
    let status = active;
    const endpoints: CalendarFeedEndpoints = {
      status: jest.fn(async () => status),
      create: jest.fn(),
      revoke: jest.fn(async () => {
        status = inactive;
      }),
    };
    const { element, click } = await render(endpoints);
    await click('feed-open');
    await click('feed-revoke');
    expect(endpoints.revoke).toHaveBeenCalledTimes(1);
    expect(element.querySelector('[data-testid="feed-revoke"]')).toBeNull();
    expect(element.querySelector('[data-testid="feed-url"]')).toBeNull();
  });
});
