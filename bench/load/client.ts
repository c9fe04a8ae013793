/** A tiny HTTP client for the load test: cookies, CSRF token, manual redirects, timing. */
export interface Timing {
  op: string;
  ms: number;
  ok: boolean;
  /** HTTP status, 0 when the connection failed. */
  status?: number;
}

export class VirtualUser {
  private cookies = new Map<string, string>();
  csrf = '';
  constructor(
    readonly base: string,
    readonly record: (t: Timing) => void,
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keepCookies(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }

  async request(op: string, method: 'GET' | 'POST', path: string, form?: Record<string, string>, expect = [200, 303]) {
    const t0 = performance.now();
    let ok = false;
    let body = '';
    let status = 0;
    try {
      const res = await fetch(this.base + path, {
        method,
        redirect: 'manual',
        headers: { cookie: this.cookieHeader(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        body: form ? new URLSearchParams({ _csrf: this.csrf, ...form }).toString() : undefined,
      });
      this.keepCookies(res);
      body = await res.text();
      status = res.status;
      ok = expect.includes(res.status);
      const m = /name="_csrf" value="([^"]+)"/.exec(body);
      if (m) this.csrf = m[1];
    } catch {
      ok = false;
    }
    this.record({ op, ms: performance.now() - t0, ok, status });
    return { ok, status, body };
  }

  /** A request with a ready body (multipart upload, JSON poll), not timed. */
  async raw(method: 'GET' | 'POST', path: string, body?: Buffer, contentType?: string, accept?: string) {
    const res = await fetch(this.base + path, {
      method,
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), ...(contentType ? { 'content-type': contentType } : {}), ...(accept ? { accept } : {}) },
      body: body ? new Uint8Array(body) : undefined,
    });
    this.keepCookies(res);
    return { status: res.status, body: await res.text(), location: res.headers.get('location') };
  }

  async login(username: string) {
    await this.request('login-side', 'GET', '/login');
    const r = await this.request('login', 'POST', '/login', { brugernavn: username, adgangskode: 'demo' }, [303]);
    if (!r.ok) throw new Error(`login ${username}: ${r.status}`);
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
