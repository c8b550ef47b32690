/**
 * Conformance with Gambit: every game of ../shared/conformance/gambit/games, every method recorded
 * in expected/, the same set of equilibria (see that folder's README for the format).
 *
 * - complete runs (enumpure, enummixed, spe): exactly Gambit's set, order-free, exact strings;
 * - incomplete runs (lcp): at least one equilibrium, each a Nash equilibrium (exactly, or within
 *   1e-6 when the method is numerical).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { behaviorLayout, behaviorMaxGain, behaviorMaxGainFloat, profileToNumbers } from '../src/games/behavior';
import { parseGame } from '../src/games/formats/parse-game';
import { solve, type SolveMethod } from '../src/games/solve';
import { mixedMaxGain, mixedMaxGainFloat, strategyCounts } from '../src/games/strategic';
import type { Game, SolveResult } from '../src/games/types';
import type { Rational } from '../src/numeric/rational';

const root = path.resolve(process.cwd(), '../shared/conformance/gambit');
// The Gambit games and outputs live in ../shared (next to the repository on the development
// machines), not in a user's clone: without them this suite is skipped (the solvers' behaviour on
// small games is tested in packages/engine/src/games/*.test.ts from games inside the repository).
const available = existsSync(path.join(root, 'games')) && existsSync(path.join(root, 'expected'));
const files = (available ? readdirSync(path.join(root, 'games')) : []).filter((f) => f.endsWith('.nfg') || f.endsWith('.efg')).sort();

interface Run {
  command: string;
  method: string;
  complete: boolean;
  equilibria: string[][];
}
interface Expected {
  game: string;
  players: number;
  form: 'nfg' | 'efg';
  shape: number[] | number[][];
  runs: Run[];
}

function flat(result: SolveResult): string[] {
  return result.equilibria.map((e) => e.profile.flat().map(String).join(','));
}

function maxGain(game: Game, profile: readonly (readonly (Rational | number)[])[], exact: boolean): number {
  if (game.kind === 'nfg') {
    return exact ? mixedMaxGain(game, profile as Rational[][]).toNumber() : mixedMaxGainFloat(game, profileToNumbers(profile));
  }
  return exact ? behaviorMaxGain(game, profile as Rational[][]).toNumber() : behaviorMaxGainFloat(game, profileToNumbers(profile));
}

describe.skipIf(!available)('Gambit conformance (../shared/conformance/gambit; skipped when absent)', () => {
  it('finds the whole conformance set', () => {
    expect(files.length).toBe(160);
  });
  for (const file of files) {
    const expected = JSON.parse(readFileSync(path.join(root, 'expected', `${file}.json`), 'utf8')) as Expected;
    describe(file, () => {
      const game = parseGame(readFileSync(path.join(root, 'games', file), 'utf8'), file);

      it('has the recorded number of players and shape', () => {
        expect(game.players.length).toBe(expected.players);
        if (game.kind === 'nfg') expect(strategyCounts(game)).toEqual(expected.shape);
        else expect(behaviorLayout(game).shape).toEqual(expected.shape);
      });

      for (const run of expected.runs) {
        it(run.command, () => {
          const result = solve(game, run.method as SolveMethod);
          expect(result.complete).toBe(run.complete);
          if (run.complete) {
            const ours = flat(result);
            expect(new Set(ours).size).toBe(ours.length);
            // As sets: Gambit's enummixed prints some vertices of degenerate games more than once (csg2, csg4).
            expect([...ours].sort()).toEqual([...new Set(run.equilibria.map((e) => e.join(',')))].sort());
          } else {
            expect(result.equilibria.length).toBeGreaterThan(0);
            for (const eq of result.equilibria) expect(maxGain(game, eq.profile, result.exact)).toBeLessThanOrEqual(1e-6);
          }
          // Every reported profile is an equilibrium, checked exactly for exact methods.
          for (const eq of result.equilibria) {
            if (result.exact) expect(maxGain(game, eq.profile, true)).toBeLessThanOrEqual(0);
          }
        });
      }

      if (game.kind === 'nfg' && game.players.length === 2) {
        it('lcp in floating point returns equilibria within 1e-6', () => {
          const result = solve(game, 'lcp', { arithmetic: 'float' });
          expect(result.equilibria.length).toBeGreaterThan(0);
          for (const eq of result.equilibria) expect(maxGain(game, eq.profile, false)).toBeLessThanOrEqual(1e-6);
        });
      }
    });
  }
});
