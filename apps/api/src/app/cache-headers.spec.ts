import { cacheHeaders } from './app.module';

describe('cache headers of the web app', () => {
  const headerFor = (path: string) => {
    const headers = new Map<string, string>();
    cacheHeaders({ setHeader: (name, value) => headers.set(name, value) }, path);
    return headers.get('Cache-Control');
  };

  it('keeps hashed bundles a year and asks again for everything else', () => {
    expect(headerFor('/srv/web/main-R53ZSRIV.js')).toBe('public, max-age=31536000, immutable');
    expect(headerFor('/srv/web/chunk-4JQDNUU5.js')).toBe('public, max-age=31536000, immutable');
    expect(headerFor('/srv/web/styles-YEEIA5ZI.css')).toBe('public, max-age=31536000, immutable');
    expect(headerFor('/srv/web/index.html')).toBe('no-cache');
    expect(headerFor('/srv/web/i18n/zh-CN.json')).toBe('no-cache');
    expect(headerFor('/srv/web/favicon.ico')).toBe('no-cache');
  });

  it('asks again for the service worker, its manifest and the web manifest (an installed app must see a new build)', () => {
    expect(headerFor('/srv/web/ngsw-worker.js')).toBe('no-cache');
    expect(headerFor('/srv/web/safety-worker.js')).toBe('no-cache');
    expect(headerFor('/srv/web/ngsw.json')).toBe('no-cache');
    expect(headerFor('/srv/web/manifest.webmanifest')).toBe('no-cache');
  });
});
