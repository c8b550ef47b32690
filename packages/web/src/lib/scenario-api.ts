/** The scenario routes of the API the Scenario page uses: versions, diff, restore, upload (docs/api.md). */
import type { ScenarioDiff } from '@brink/engine/scenario';
import { getJson, postJson } from './api';

export interface ScenarioVersion {
  id: string;
  version: number;
  hash: string;
  title: unknown;
  createdAt: string;
  restoredFrom: number | null;
}

export interface VersionDiff extends ScenarioDiff {
  id: string;
  from: number;
  to: number;
}

export async function listVersions(id: string): Promise<ScenarioVersion[]> {
  return (await getJson<{ versions: ScenarioVersion[] }>(`/api/scenarios/${encodeURIComponent(id)}/versions`)).versions;
}

export async function diffVersions(id: string, from: number, to: number): Promise<VersionDiff> {
  return getJson<VersionDiff>(`/api/scenarios/${encodeURIComponent(id)}/diff?from=${from}&to=${to}`);
}

export async function restoreVersion(id: string, version: number): Promise<{ id: string; version: number; created: boolean; restoredFrom: number }> {
  return getJson(`/api/scenarios/${encodeURIComponent(id)}/versions/${version}/restore`, { method: 'POST' });
}

/** Stores a scenario text (with the texts of the sources it quotes); the server validates it again. */
export async function storeScenario(text: string, sources: Record<string, string>): Promise<{ id: string; version: number; created: boolean }> {
  return postJson('/api/scenarios', { text, sources: Object.entries(sources).map(([id, t]) => ({ id, text: t })) });
}
