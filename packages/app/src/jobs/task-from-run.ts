/**
 * A stored run's task, rebuilt from its provenance alone: the scenario content by hash, the
 * variant applied again (against the source texts stored with that version), the seed and the
 * options. This is how a `brink worker` on another machine learns what to compute (the queue
 * carries only run ids), and how a run is reproduced.
 */
import { InputError } from '@brink/engine/errors';
import { applyVariant, type Scenario } from '@brink/engine/scenario';
import { storedSourceReader, type RunRecord, type Store } from '../store';
import type { RunTask } from './kinds';

export async function taskFromRun(store: Store, run: RunRecord): Promise<RunTask> {
  const p = run.provenance;
  let scenario: Scenario | null = null;
  if (p.scenarioHash) {
    const record = await store.getScenarioByHash(p.scenarioHash);
    if (!record) throw new InputError(`the scenario content ${p.scenarioHash} of run "${run.id}" is no longer stored`, { place: '$.provenance.scenarioHash' });
    scenario = record.scenario as unknown as Scenario;
    if (p.variant !== null) {
      scenario = applyVariant(scenario, p.variant, { readSource: await storedSourceReader(store, record) });
    }
  }
  return { kind: run.kind, scenario, variant: scenario ? p.variant : null, seed: p.seed ?? 1, options: p.options };
}
