/** Reading a scenario version's sources back from the store. */
import type { ScenarioSource } from '@brink/engine/scenario';
import type { ScenarioRecord, Store } from './store';

/** A synchronous source reader over the texts stored with a scenario version (for quote checks and variants). */
export async function storedSourceReader(store: Store, record: Pick<ScenarioRecord, 'sourceHashes'>): Promise<(s: ScenarioSource) => string | undefined> {
  const texts = new Map<string, string>();
  for (const [id, hash] of Object.entries(record.sourceHashes)) {
    const source = await store.getSource(id, hash);
    if (source) texts.set(id, source.text);
  }
  return (s) => texts.get(s.id);
}
