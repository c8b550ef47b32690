import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rational, sumRationals } from '../numeric/rational';
import { behaviorMaxGain, behaviorPayoffs, splitByInfoset } from './behavior';
import { buildSequenceForm } from './extensive/sequence-form';
import { parseEfg } from './formats/efg';
import { solveSequenceFormLcp } from './sequence-form-lcp';
import type { ExtensiveFormGame } from './types';

// Gambit's games and outputs live in ../shared (next to the repository on the development machines),
// not in a user's clone: without them the sweep over Gambit's games is skipped.
const GAMBIT = path.resolve(process.cwd(), '../shared/conformance/gambit');
const gambitAvailable = existsSync(path.join(GAMBIT, 'games')) && existsSync(path.join(GAMBIT, 'expected'));
const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples/games');

function assertValidEquilibrium(game: ExtensiveFormGame, label: string): Rational[][] {
  const result = solveSequenceFormLcp(game);
  expect(result.method).toBe('lcp');
  expect(result.complete).toBe(false);
  expect(result.exact).toBe(true);
  expect(result.equilibria.length, label).toBe(1);
  const eq = result.equilibria[0]!;
  const profile = eq.profile as Rational[][];
  // Every information set carries a probability distribution.
  for (let i = 0; i < 2; i++) {
    for (const dist of splitByInfoset(game, i, profile[i]!)) {
      expect(dist.every((p) => p.sign() >= 0), label).toBe(true);
      expect(sumRationals(dist).eq(Rational.ONE), label).toBe(true);
    }
  }
  // Exact Nash check: nobody gains by deviating (so certainly within 1e-6).
  expect(behaviorMaxGain(game, profile).sign(), label).toBeLessThanOrEqual(0);
  expect((eq.payoffs as Rational[]).map(String), label).toEqual(behaviorPayoffs(game, profile).map(String));
  return profile;
}

describe('sequence form', () => {
  it('builds the leaves with chance probabilities and path payoffs (outcomes on inner nodes pushed down)', () => {
    const game = parseEfg(
      `EFG 2 R "inner outcome" { "1" "2" }
""
c "" 1 "" { "h" 1/4 "t" 3/4 } 1 "fee" { -1, 1 }
p "" 1 1 "" { "a" "b" } 0
t "" 2 "" { 2, 0 }
p "" 2 1 "" { "x" "y" } 0
t "" 3 "" { 5, 5 }
t "" 0
t "" 4 "" { 1, 1 }
`,
      'inner.efg',
    );
    const sf = buildSequenceForm(game);
    expect(sf.numSequences).toEqual([3, 3]);
    const leaves = sf.leaves.map((l) => `${l.s}/${l.t}@${l.chance}:${l.payoffs.map(String).join(',')}`);
    expect(leaves).toEqual(['1/0@1/4:1,1', '2/1@1/4:4,6', '2/2@1/4:-1,1', '0/0@3/4:0,2']);
  });
});

describe('sequence-form LCP (hand-built games)', () => {
  it('finds the unique mixed equilibrium of matching pennies played in sequence with hidden first move', () => {
    const game = parseEfg(
      `EFG 2 R "matching pennies" { "1" "2" }
""
p "" 1 1 "" { "H" "T" } 0
p "" 2 1 "" { "h" "t" } 0
t "" 1 "" { 1, -1 }
t "" 2 "" { -1, 1 }
p "" 2 1 "" { "h" "t" } 0
t "" 2 "" { -1, 1 }
t "" 1 "" { 1, -1 }
`,
      'mp.efg',
    );
    const profile = assertValidEquilibrium(game, 'mp');
    expect(profile.flat().map(String)).toEqual(['1/2', '1/2', '1/2', '1/2']);
  });

  it('handles an asymmetric poker-like game with chance and an unreached information set', () => {
    // Kuhn-style: card high/low (1/3, 2/3); player 1 bets or folds (-1); player 2 calls or folds.
    const game = parseEfg(
      `EFG 2 R "one-card poker" { "1" "2" }
""
c "" 1 "" { "High" 1/3 "Low" 2/3 } 0
p "" 1 1 "" { "Bet" "Fold" } 0
p "" 2 1 "" { "Call" "Fold" } 0
t "" 1 "" { 2, -2 }
t "" 2 "" { 1, -1 }
t "" 3 "" { -1, 1 }
p "" 1 2 "" { "Bet" "Fold" } 0
p "" 2 1 "" { "Call" "Fold" } 0
t "" 4 "" { -2, 2 }
t "" 2 "" { 1, -1 }
t "" 3 "" { -1, 1 }
`,
      'poker.efg',
    );
    const profile = assertValidEquilibrium(game, 'poker');
    // By hand: 2 is indifferent when P(High | Bet) = 3/4, i.e. Low bluffs with prob 1/6; Low is
    // indifferent when 2 calls with prob 2/3 (-2c + (1 - c) = -1); High always bets.
    expect(profile.flat().map(String)).toEqual(['1', '0', '1/6', '5/6', '2/3', '1/3']);
  });

  it('finds an exact equilibrium of the example trees (examples/games)', () => {
    for (const file of ['limited-strike.efg', 'resolve-signalling.efg']) {
      assertValidEquilibrium(parseEfg(readFileSync(path.join(EXAMPLES, file), 'utf8'), file), file);
    }
  });

  it('rejects a game that does not have two players', () => {
    const threePlayers = parseEfg(
      `EFG 2 R "three players" { "1" "2" "3" }
""
p "" 1 1 "" { "a" "b" } 0
p "" 2 1 "" { "c" "d" } 0
t "" 1 "" { 1, 0, 0 }
p "" 3 1 "" { "e" "f" } 0
t "" 2 "" { 0, 1, 0 }
t "" 3 "" { 0, 0, 1 }
t "" 4 "" { 1, 1, 1 }
`,
      '3_player.efg',
    );
    expect(() => solveSequenceFormLcp(threePlayers)).toThrow(/2 players/);
    const onePlayer = parseEfg('EFG 2 R "alone" { "1" }\n""\np "" 1 1 "" { "a" "b" } 0\nt "" 1 "" { 1 }\nt "" 2 "" { 0 }\n', '1_player.efg');
    expect(() => solveSequenceFormLcp(onePlayer)).toThrow(/2 players/);
  });
});

describe.skipIf(!gambitAvailable)('Gambit conformance (gambit-lcp on .efg; ../shared/conformance/gambit, skipped when absent)', () => {
  it('returns a valid Nash equilibrium on every two-player extensive game Gambit solved', () => {
    let checked = 0;
    for (const f of readdirSync(path.join(GAMBIT, 'expected')).filter((x) => x.endsWith('.efg.json')).sort()) {
      const expected = JSON.parse(readFileSync(path.join(GAMBIT, 'expected', f), 'utf8')) as { game: string; runs: { method: string }[] };
      if (!expected.runs.some((r) => r.method === 'lcp')) continue;
      const game = parseEfg(readFileSync(path.join(GAMBIT, 'games', expected.game), 'utf8'), expected.game);
      assertValidEquilibrium(game, expected.game);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(80);
  });
});
