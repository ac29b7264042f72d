import type { NoticeRunDto, ProjectDto } from '@worksite/shared-domain';

/** Plain HTTP calls to the api under test, as a given user (for setup and for checking results). */
export class ApiUser {
  private constructor(
    private readonly baseUrl: string,
    readonly token: string,
    readonly user: { id: string; role: string; crewIds: string[]; departmentId: string | null; projectIds: string[] },
  ) {}

  /** How long the api said it worked on the last call (its Server-Timing header), in ms. */
  lastServerMs: number | null = null;

  /** Every figure of the last call's Server-Timing header by name (app, push-read, push-write, …), in ms. */
  lastServerTiming: Readonly<Record<string, number>> = {};

  static async login(baseUrl: string, username: string, password: string): Promise<ApiUser> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`login of ${username} failed: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { accessToken: string; user: ApiUser['user'] };
    return new ApiUser(baseUrl, body.accessToken, body.user);
  }

  async get<T>(path: string): Promise<T> {
    return this.call<T>('GET', path);
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('POST', path, body);
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    return this.call<T>('PATCH', path, body);
  }

  async delete(path: string): Promise<void> {
    await this.call<void>('DELETE', path);
  }

  /** Asks `read` until `done` holds (or throws after `timeoutMs`), e.g. for a night run to finish. */
  async waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await read();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    this.lastServerTiming = Object.fromEntries(
      [...(response.headers.get('server-timing') ?? '').matchAll(/([\w-]+);dur=([\d.]+)/g)].map(([, name, ms]) => [
        name,
        Number(ms),
      ]),
    );
    this.lastServerMs = this.lastServerTiming['app'] ?? null;
    if (!response.ok) throw new Error(`${method} /api/${path} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** The demo's users (libs/demo/data). */
export const DEMO = {
  coordinator: { username: 'zhenhongbo', password: 'demo-coordinator-2026' },
  agency: { username: 'liuzhendong', password: 'demo-agency-2026' },
  contractor: { username: 'wangjianguo', password: 'demo-contractor-2026' },
  admin: { username: 'admin', password: 'demo-guanliyuan-2026' },
} as const;

/** The demo's project (HPXC-FXRD) as the given user sees it. */
export async function demoProject(api: ApiUser): Promise<ProjectDto> {
  const projects = await api.get<{ items: ProjectDto[] }>('projects');
  const project = projects.items.find((p) => p.code === 'HPXC-FXRD');
  if (!project) throw new Error('the demo project HPXC-FXRD is missing');
  return project;
}

/** "Send now" of a project's notices for a date, as the coordinator; resolves once the worker has composed and delivered them. */
export async function sendNoticesNow(coordinator: ApiUser, projectId: string, date: string): Promise<NoticeRunDto> {
  const sent = await coordinator.post<{ created: boolean; run: NoticeRunDto }>('notice-runs', { projectId, date });
  return coordinator.waitFor(
    () => coordinator.get<NoticeRunDto>(`notice-runs/${sent.run.id}`),
    (run) => run.status === 'completed',
    90_000,
  );
}
