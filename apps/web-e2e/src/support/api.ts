/** Plain HTTP calls to the api under test, as a given user (for setup and for checking results). */
export class ApiUser {
  private constructor(
    private readonly baseUrl: string,
    readonly token: string,
    readonly user: { id: string; role: string; crewIds: string[]; departmentId: string | null; projectIds: string[] },
  ) {}

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

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} /api/${path} → ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** The demo's users (libs/demo/data). */
export const DEMO = {
  coordinator: { username: 'zhenhongbo', password: 'demo-coordinator-2026' },
  agency: { username: 'liuzhendong', password: 'demo-agency-2026' },
  contractor: { username: 'wangjianguo', password: 'demo-contractor-2026' },
} as const;
