/**
 * RunManager when the store fails under it: the run is recorded as failed where possible and the
 * failure never escapes as an unhandled rejection (which stops a Node server). Before the fix a
 * throwing `startRun` rejected the pool's promise with nobody listening.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createInlineRunner, RunManager } from '../src/jobs';
import { openStore, type Store } from '../src/store';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('RunManager and a failing store', () => {
  it('a store error when a run starts marks the run failed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'brink-runs-'));
    dirs.push(dir);
    const store = await openStore({ dataDir: dir, env: {} });
    stores.push(store);
    const failing = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'startRun') return async () => Promise.reject(new Error('connection lost'));
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const manager = new RunManager(failing, createInlineRunner(), 'test');
    const task = { kind: 'solve', scenario: null, variant: null, seed: 1, options: { format: 'nfg', text: 'NFG 1 R "x" { "A" } { 1 }\n1\n' } };
    const run = await manager.submit({ task, provenance: { scenarioHash: null, scenarioId: null, scenarioVersion: null, variant: null } });
    await manager.whenIdle();
    const stored = await store.getRun(run.id);
    expect(stored?.status).toBe('failed');
    expect(stored?.error).toMatch(/connection lost/);
    await manager.close();
  });
});
