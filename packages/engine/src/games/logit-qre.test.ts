import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FloatField } from '../numeric/field';
import { isBehaviorNashFloat } from './behavior';
import { parseEfg } from './formats/efg';
import { parseNfg } from './formats/nfg';
import { solveLogit, traceLogit } from './logit-qre';
import { mixedMaxGainFloat, pureStrategyValuesIn } from './strategic';
import type { Game, NormalFormGame } from './types';

// Gambit's games live in ../shared (next to the repository on the development machines), not in a
// user's clone: without them only the sweep over Gambit's games is skipped. The behaviour tests use
// the repository's examples/games and games written inline.
const GAMES = path.resolve(process.cwd(), '../shared/conformance/gambit/games');
const gambitAvailable = existsSync(GAMES);
const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples/games');
const loadFrom = (dir: string, file: string): Game => {
  const text = readFileSync(path.join(dir, file), 'utf8');
  return file.endsWith('.efg') ? parseEfg(text, file) : parseNfg(text, file);
};
const load = (file: string): Game => loadFrom(GAMES, file);
const example = (file: string): Game => loadFrom(EXAMPLES, file);

// A 3x2 game with a unique, mixed equilibrium. u1: r1 (1, 0), r2 (0, 1), r3 (0, 0), so r3 is strictly
// dominated by the equal mix of r1 and r2; u2: r1 (0, 2), r2 (1, 0), a matching-pennies variant.
// Indifference: player 2 needs 1 - p = 2p, so p = 1/3; player 1 needs q = 1 - q. The equilibrium is
// (1/3, 2/3, 0), (1/2, 1/2). Cells in Gambit order (player 1's strategy varies fastest).
const THREE_BY_TWO = parseNfg(
  `NFG 1 R "3x2" { "1" "2" } { 3 2 }
1 0  0 1  0 0  0 2  1 0  0 0
`,
  '3x2.nfg',
) as NormalFormGame;

// O'Neill (1987), "Nonmetric test of the minimax theory of two-person zerosum games", PNAS 84: cards
// Ace, 2, 3, Joker; player 1 wins (+1) if both play the Joker or both play different number cards,
// player 2 wins otherwise. The unique equilibrium is (1/5, 1/5, 1/5, 2/5) for both players.
const ONEILL = parseNfg(
  `NFG 1 R "O'Neill" { "1" "2" } { 4 4 }
-1 1  1 -1  1 -1  -1 1
1 -1  -1 1  1 -1  -1 1
1 -1  1 -1  -1 1  -1 1
-1 1  -1 1  -1 1  1 -1
`,
  'oneill.nfg',
) as NormalFormGame;

// An extensive game with a 3-action infoset (player 1) and a 2-action infoset (player 2, who does
// not see player 1's move): its centroid is (1/3, 1/3, 1/3 | 1/2, 1/2).
const THREE_ACTIONS_EFG = parseEfg(
  `EFG 2 R "3 then 2" { "1" "2" }
""
p "" 1 1 "" { "a" "b" "c" } 0
p "" 2 1 "" { "x" "y" } 0
t "" 1 "" { 3, 0 }
t "" 2 "" { 0, 1 }
p "" 2 1 "" { "x" "y" } 0
t "" 3 "" { 0, 2 }
t "" 4 "" { 1, 1 }
p "" 2 1 "" { "x" "y" } 0
t "" 5 "" { 0, 0 }
t "" 5 "" { 0, 0 }
`,
  '3then2.efg',
);

// Player 1's payoff depends only on its own action (T: 1, B: 0); player 2 gets 1 for matching.
const TRACKING_NFG = `NFG 1 R "tracking" { "1" "2" } { 2 2 }
1 1  0 0  1 0  0 1
`;
const TRACKING_EFG = `EFG 2 R "tracking" { "1" "2" }
""
p "" 1 1 "" { "T" "B" } 0
p "" 2 1 "" { "L" "R" } 0
t "" 1 "" { 1, 1 }
t "" 2 "" { 1, 0 }
p "" 2 1 "" { "L" "R" } 0
t "" 3 "" { 0, 0 }
t "" 4 "" { 0, 1 }
`;

/**
 * Closed form of the logit QRE of the tracking game (derived from the fixed-point equations):
 *   p = sigma_1(T) = 1 / (1 + e^{-lambda}),   u_2(L) = p, u_2(R) = 1 - p,
 *   q = sigma_2(L) = 1 / (1 + e^{lambda (1 - 2p)}).
 */
function trackingQre(lambda: number): number[] {
  const p = 1 / (1 + Math.exp(-lambda));
  const q = 1 / (1 + Math.exp(lambda * (1 - 2 * p)));
  return [p, 1 - p, q, 1 - q];
}

function logitResponseGap(game: NormalFormGame, profile: number[][], lambda: number): number {
  const values = pureStrategyValuesIn(FloatField, game, profile);
  let worst = 0;
  values.forEach((v, i) => {
    const m = Math.max(...v);
    const w = v.map((x) => Math.exp(lambda * (x - m)));
    const s = w.reduce((a, b) => a + b, 0);
    w.forEach((x, k) => (worst = Math.max(worst, Math.abs(x / s - profile[i]![k]!))));
  });
  return worst;
}

describe('logit QRE at a given lambda', () => {
  it('is the centroid at lambda = 0 (normal and extensive form)', () => {
    const centroid = [1 / 3, 1 / 3, 1 / 3, 0.5, 0.5];
    const nfg = solveLogit(THREE_BY_TWO, { lambda: 0 });
    expect((nfg.equilibria[0]!.profile as number[][]).flat()).toHaveLength(centroid.length);
    (nfg.equilibria[0]!.profile as number[][]).flat().forEach((x, k) => expect(x).toBeCloseTo(centroid[k]!, 14));
    const efg = solveLogit(THREE_ACTIONS_EFG, { lambda: 0 });
    expect((efg.equilibria[0]!.profile as number[][]).flat()).toHaveLength(centroid.length);
    (efg.equilibria[0]!.profile as number[][]).flat().forEach((x, k) => expect(x).toBeCloseTo(centroid[k]!, 14));
    expect(efg.method).toBe('logit');
    expect(efg.exact).toBe(false);
    // Two infosets of 2 actions for the Challenger, one of 3 for the Defender (examples/games).
    const strike = solveLogit(example('limited-strike.efg'), { lambda: 0 });
    expect(strike.equilibria[0]!.profile).toEqual([
      [0.5, 0.5, 0.5, 0.5],
      [1 / 3, 1 / 3, 1 / 3],
    ].map((row) => row.map((x) => expect.closeTo(x, 14))));
  });

  it('matches the closed form of a 2x2 game, in both the normal and the agent (extensive) form', () => {
    const nfg = parseNfg(TRACKING_NFG, 'tracking.nfg');
    const efg = parseEfg(TRACKING_EFG, 'tracking.efg');
    for (const lambda of [0.5, 2, 7.5]) {
      const expected = trackingQre(lambda);
      for (const game of [nfg, efg]) {
        const got = (solveLogit(game, { lambda }).equilibria[0]!.profile as number[][]).flat();
        got.forEach((x, k) => expect(x).toBeCloseTo(expected[k]!, 8));
      }
    }
  });

  it('is a fixed point of the logit response on a 3x2 and a 2x2x2 game', () => {
    for (const [file, game, lambda] of [
      ['3x2', THREE_BY_TWO, 1.7],
      ['three-state-coordination.nfg', example('three-state-coordination.nfg') as NormalFormGame, 3.2],
    ] as const) {
      expect(game.players.length, file).toBe(file === '3x2' ? 2 : 3);
      const profile = solveLogit(game, { lambda }).equilibria[0]!.profile as number[][];
      expect(logitResponseGap(game, profile, lambda), file).toBeLessThan(1e-9);
    }
  });

  it('rejects a negative lambda', () => {
    expect(() => solveLogit(THREE_BY_TWO, { lambda: -1 })).toThrow(/lambda/);
  });
});

describe('the traced branch', () => {
  it('starts at the centroid and every point solves the QRE equations at its lambda', () => {
    const game = ONEILL;
    const trace = traceLogit(game, { maxLambda: 50 });
    expect(trace.points[0]!.lambda).toBe(0);
    trace.points[0]!.profile.flat().forEach((x) => expect(x).toBeCloseTo(1 / 4, 12));
    expect(trace.limit.lambda).toBeCloseTo(50, 9);
    for (const pt of trace.points.filter((_, k) => k % 5 === 0)) expect(logitResponseGap(game, pt.profile, pt.lambda)).toBeLessThan(1e-8);
  });

  const endsAtNash = (file: string, game: Game): number[][] => {
    const eq = solveLogit(game).equilibria[0]!;
    const profile = eq.profile as number[][];
    if (game.kind === 'nfg') expect(mixedMaxGainFloat(game, profile), file).toBeLessThanOrEqual(1e-6);
    else expect(isBehaviorNashFloat(game, profile, 1e-6), file).toBe(true);
    return profile;
  };

  it('ends at a Nash equilibrium (max gain <= 1e-6) on the example games and known equilibria', () => {
    for (const file of ['matching-pennies.nfg', 'chicken.nfg', 'prisoners-dilemma.nfg', 'rock-paper-scissors.nfg', 'three-state-coordination.nfg', 'limited-strike.efg', 'resolve-signalling.efg']) {
      endsAtNash(file, example(file));
    }
    // Unique equilibria known in closed form.
    endsAtNash('matching-pennies.nfg', example('matching-pennies.nfg')).flat().forEach((x) => expect(x).toBeCloseTo(1 / 2, 6));
    endsAtNash('rock-paper-scissors.nfg', example('rock-paper-scissors.nfg')).flat().forEach((x) => expect(x).toBeCloseTo(1 / 3, 6));
    endsAtNash('oneill', ONEILL).forEach((row) => row.forEach((x, k) => expect(x).toBeCloseTo(k === 3 ? 2 / 5 : 1 / 5, 6)));
    endsAtNash('3x2', THREE_BY_TWO)
      .flat()
      .forEach((x, k) => expect(x).toBeCloseTo([1 / 3, 2 / 3, 0, 1 / 2, 1 / 2][k]!, 6));
    // Prisoner's dilemma: Defect strictly dominates.
    endsAtNash('prisoners-dilemma.nfg', example('prisoners-dilemma.nfg'))
      .flat()
      .forEach((x, k) => expect(x).toBeCloseTo([0, 1, 0, 1][k]!, 6));
  });

  it.skipIf(!gambitAvailable)('ends at a Nash equilibrium (max gain <= 1e-6) on Gambit conformance games (../shared/conformance/gambit, skipped when absent)', () => {
    const files = ['e04.nfg', 'oneill.nfg', 'g2.nfg', '2x2x2.nfg', 'coord333.nfg', 'todd2.nfg', 'e04.efg', 'g1.efg', 'my_3-4.efg', 'stripped_down_poker.efg', 'sww1.efg'];
    for (const file of files) endsAtNash(file, load(file));
  });

  it('converges to the unique mixed equilibrium of an asymmetric matching-pennies game', () => {
    // u1(H,h) = 2, u1(T,t) = 1, else 0; zero-sum. Indifference: 2q = 1 - q and 2p = 1 - p, so p = q = 1/3.
    const game = parseNfg(`NFG 1 R "amp" { "1" "2" } { 2 2 }\n2 -2  0 0  0 0  1 -1\n`, 'amp.nfg');
    const result = solveLogit(game);
    const profile = (result.equilibria[0]!.profile as number[][]).flat();
    [1 / 3, 2 / 3, 1 / 3, 2 / 3].forEach((x, k) => expect(profile[k]).toBeCloseTo(x, 6));
    (result.equilibria[0]!.payoffs as number[]).forEach((x, i) => expect(x).toBeCloseTo(i === 0 ? 2 / 3 : -2 / 3, 6));
  });
});
