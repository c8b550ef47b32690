/**
 * Talking to Brink's HTTP API (docs/api.md). The page asks the API first; when the API is not
 * there (the Vite dev server or `vite preview` without `brink serve`) it falls back to the copies of
 * `scenarios/*.yaml` and `sources/*.txt` bundled with the app as lazy chunks, and says so.
 */
import type { Scenario } from '@brink/engine/scenario';

export const DEFAULT_SCENARIO_ID = 'korean-peninsula-2025-09';

/** An error the API returned as JSON (`{ message, place?, expected? }`) or a network failure. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly place?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function readError(res: Response): Promise<ApiError> {
  let message = `${res.status} ${res.statusText}`;
  let place: string | undefined;
  try {
    // The API's error body (docs/api.md): { error: code, message, place? }.
    const body = (await res.json()) as { error?: string; message?: string; place?: string };
    message = body.message ?? body.error ?? message;
    place = body.place;
  } catch {
    /* not JSON */
  }
  return new ApiError(message, res.status, place);
}

function isJson(res: Response): boolean {
  return (res.headers.get('content-type') ?? '').includes('json');
}

export async function getJson<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: 'application/json', ...(init?.headers ?? {}) } });
  if (!res.ok) throw await readError(res);
  if (!isJson(res)) throw new ApiError(`${url} did not answer with JSON`, 404);
  return (await res.json()) as T;
}

export async function postJson<T>(url: string, body: unknown): Promise<T> {
  return getJson<T>(url, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

export interface LoadedScenario {
  scenario: Scenario;
  /** True when the API was not reachable and the bundled copy was used. */
  offline: boolean;
}

/** Picks the scenario out of the API's answer (the scenario itself, or wrapped with its version). */
/** `GET /api/scenarios/:id` answers a stored record whose `scenario` field is the validated scenario. */
function unwrapScenario(body: unknown): Scenario | null {
  const inner = body && typeof body === 'object' ? (body as { scenario?: unknown }).scenario : undefined;
  return inner && typeof inner === 'object' && Array.isArray((inner as { actors?: unknown }).actors) ? (inner as Scenario) : null;
}

const bundledScenarios = import.meta.glob('../../../../scenarios/*.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;
const bundledSources = import.meta.glob('../../../../sources/*.txt', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

async function bundledScenario(id: string): Promise<Scenario> {
  const entry = Object.entries(bundledScenarios).find(([file]) => file.endsWith(`/${id}.yaml`));
  if (!entry) throw new ApiError(`scenario "${id}" is neither served by the API nor bundled with the app`, 404);
  const [file, load] = entry;
  const text = await load();
  const { parseScenarioText, validateScenario } = await import('@brink/engine/scenario');
  const fileName = file.split('/').pop() ?? file;
  return validateScenario(parseScenarioText(text, fileName), { fileName });
}

export async function loadScenario(id: string): Promise<LoadedScenario> {
  try {
    const body = await getJson<unknown>(`/api/scenarios/${encodeURIComponent(id)}`);
    const scenario = unwrapScenario(body);
    if (scenario) return { scenario, offline: false };
  } catch (error) {
    // A real validation error from the API is shown; a missing API falls back to the bundled copy.
    if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 404) throw error;
  }
  return { scenario: await bundledScenario(id), offline: true };
}

/** The stored text of a source the scenario cites. */
export async function loadSourceText(scenarioId: string, sourceId: string, file?: string): Promise<string> {
  try {
    const res = await fetch(`/api/scenarios/${encodeURIComponent(scenarioId)}/sources/${encodeURIComponent(sourceId)}`);
    if (res.ok) {
      const type = res.headers.get('content-type') ?? '';
      if (type.includes('json')) {
        const body = (await res.json()) as { text?: string; content?: string };
        const text = body.text ?? body.content;
        if (typeof text === 'string') return text;
      } else if (type.startsWith('text/plain')) {
        return await res.text();
      }
    }
  } catch {
    /* fall back */
  }
  const wanted = file ? file.split('/').pop() : undefined;
  const entry = Object.entries(bundledSources).find(([f]) => (wanted ? f.endsWith(`/${wanted}`) : f.includes(sourceId)));
  if (!entry) throw new ApiError(`source "${sourceId}" is not available`, 404);
  return entry[1]();
}
