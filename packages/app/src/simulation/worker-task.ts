/**
 * What a simulation worker thread does: compiles the crisis model of the scenario it is sent (once
 * per scenario and variant) and runs one chunk: ensemble runs, paired variant runs or design points.
 * The chunk functions are the engine's own, so a thread computes exactly what the main thread would.
 */
import { compileCrisisModel, evaluateDesignChunk, simulateChunk, simulateCompareChunk, type ChunkSpec, type CompiledCrisisModel, type DesignSpec } from '@brink/engine/crisis';
import type { Scenario } from '@brink/engine/scenario';

export type ChunkTask =
  | { id: number; type: 'ensemble'; models: ModelRef[]; spec: ChunkSpec }
  | { id: number; type: 'compare'; models: ModelRef[]; spec: ChunkSpec }
  | { id: number; type: 'design'; models: ModelRef[]; design: DesignSpec; firstPoint: number; count: number };

export interface ModelRef {
  key: string;
  scenario?: Scenario;
  variant: string | null;
}

const cache = new Map<string, CompiledCrisisModel>();
function modelOf(ref: ModelRef): CompiledCrisisModel {
  let m = cache.get(ref.key);
  if (!m) {
    if (!ref.scenario) throw new Error(`model ${ref.key} was not sent to this worker`);
    m = compileCrisisModel(ref.scenario, { variant: ref.variant });
    cache.set(ref.key, m);
  }
  return m;
}

function buffers(x: object): ArrayBuffer[] {
  return Object.values(x)
    .filter((v): v is Int32Array | Float64Array => ArrayBuffer.isView(v))
    .map((v) => v.buffer as ArrayBuffer);
}

export function runTask(task: ChunkTask): { result: unknown; transfer: ArrayBuffer[] } {
  if (task.type === 'ensemble') {
    const r = simulateChunk(modelOf(task.models[0]!), task.spec);
    return { result: r, transfer: buffers(r) };
  }
  if (task.type === 'compare') {
    const r = simulateCompareChunk(modelOf(task.models[0]!), modelOf(task.models[1]!), task.spec);
    return { result: r, transfer: [...buffers(r), ...buffers(r.a), ...buffers(r.b)] };
  }
  const r = evaluateDesignChunk(modelOf(task.models[0]!), task.design, task.firstPoint, task.count);
  return { result: r, transfer: [r.counts.buffer as ArrayBuffer] };
}
