/** Every registered model: valid defaults, outcomes that sum to 1, a Gambit .efg that round-trips. */
import { describe, expect, it } from 'vitest';
import { listDeterrenceModels, getDeterrenceModel } from './registry';
import { writeEfg, parseEfg } from '../games/formats/efg';
import { outcomeKey } from './verify';
import { enginePerfectBayesian } from '../games/perfect-bayesian';
import { isInputError } from '../errors';

describe('deterrence model registry', () => {
  it('lists the seven models of docs/deterrence.md', () => {
    expect(listDeterrenceModels().map((m) => m.id)).toEqual(['radg', 'gmdg', 'udg', 'aeg', 'extended', 'brinkmanship', 'audience']);
    expect(() => getDeterrenceModel('nope')).toThrow();
    try {
      getDeterrenceModel('nope');
    } catch (e) {
      expect(isInputError(e)).toBe(true);
    }
  });

  for (const model of listDeterrenceModels()) {
    describe(model.id, () => {
      it('has defaults inside their ranges that satisfy the orderings, and outcomes summing to 1', () => {
        for (const p of model.parameters) {
          expect(p.range[0]).toBeLessThanOrEqual(p.default);
          expect(p.default).toBeLessThanOrEqual(p.range[1]);
        }
        const res = model.solve({});
        expect(res.equilibria.length).toBeGreaterThan(0);
        for (const e of res.equilibria) {
          expect(Object.values(e.outcomes).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
          for (const k of Object.keys(e.outcomes)) expect(model.outcomes).toContain(k);
        }
      });

      it('writes a Gambit .efg that reads back to a game with the same perfect Bayesian outcomes', () => {
        const game = model.build({});
        const back = parseEfg(writeEfg(game), `${model.id}.efg`);
        expect(back.nodes).toHaveLength(game.nodes.length);
        expect(back.players).toEqual(game.players);
        if (model.id === 'aeg') return; // covered in packages/app/test/deter.test.ts (slower)
        const keys = (g: typeof game) => [...new Set(enginePerfectBayesian(g, model.offPathBeliefs).map((e) => outcomeKey(e.outcomes)))].sort();
        expect(keys(back)).toEqual(keys(game));
      });
    });
  }
});
