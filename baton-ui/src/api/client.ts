// The HTTP client: API key and namespace headers, problem details turned into errors.
import type { Problem } from './types';

const KEY_STORAGE = 'baton.apiKey';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** The server could not be reached at all. */
  get offline(): boolean {
    return this.status === 0;
  }

  /** The server takes nothing now: unreachable, or answering 503 (maintenance, read-only). */
  get unavailable(): boolean {
    return this.offline || this.status === 503;
  }
}

export function apiKey(): string | null {
  return localStorage.getItem(KEY_STORAGE);
}

export function setApiKey(key: string | null): void {
  if (key) localStorage.setItem(KEY_STORAGE, key);
  else localStorage.removeItem(KEY_STORAGE);
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Send `body` as is with this content type (YAML text, for instance). */
  contentType?: string;
  /** Read the answer as text instead of JSON. */
  text?: boolean;
  key?: string | null;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json, */*' };
  const key = options.key !== undefined ? options.key : apiKey();
  if (key) headers['X-API-Key'] = key;
  let body: BodyInit | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = options.contentType ?? 'application/json';
    body = options.contentType ? String(options.body) : JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method: options.method ?? 'GET', headers, body });
  } catch (e) {
    throw new ApiError(0, { title: 'Server unreachable', detail: (e as Error).message });
  }
  if (!response.ok) {
    let problem: Problem = { status: response.status, title: response.statusText };
    try {
      problem = { ...problem, ...((await response.json()) as Problem) };
    } catch {
      // Not a problem document; keep the status line.
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) return undefined as T;
  if (options.text) return (await response.text()) as T;
  const raw = await response.text();
  return (raw ? JSON.parse(raw) : undefined) as T;
}

export const get = <T>(path: string) => request<T>(path);
export const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body: body ?? {} });
export const put = <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body });
export const del = (path: string) => request<void>(path, { method: 'DELETE' });

/** Query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
