import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FloatField } from '../numeric/field';
import { isBehaviorNashFloat } from './behavior';
import { parseEfg } from './formats/efg';
import { parseNfg } from './formats/nfg';
import { solveLogit, traceLogit } from './logit-qre';
import { mixedMaxGainFloat, pureStrategyValuesIn } from './strategic';
import type { Game, NormalFormGame } from './types';

const GAMES = path.resolve(process.cwd(), '../shared/conformance/gambit/games');
const load = (file: string): Game => {
  const text = readFileSync(path.join(GAMES, file), 'utf8');
  return file.endsWith('.efg') ? parseEfg(text, file) : parseNfg(text, file);
};

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
    const nfg = solveLogit(load('e04.nfg'), { lambda: 0 });
    (nfg.equilibria[0]!.profile as number[][]).flat().forEach((x, k) => expect(x).toBeCloseTo(centroid[k]!, 14));
    const efg = solveLogit(load('e04.efg'), { lambda: 0 });
    (efg.equilibria[0]!.profile as number[][]).flat().forEach((x, k) => expect(x).toBeCloseTo(centroid[k]!, 14));
    expect(efg.method).toBe('logit');
    expect(efg.exact).toBe(false);
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
    for (const [file, lambda] of [['e04.nfg', 1.7], ['2x2x2.nfg', 3.2]] as const) {
      const game = load(file) as NormalFormGame;
      const profile = solveLogit(game, { lambda }).equilibria[0]!.profile as number[][];
      expect(logitResponseGap(game, profile, lambda), file).toBeLessThan(1e-9);
    }
  });

  it('rejects a negative lambda', () => {
    expect(() => solveLogit(load('e04.nfg'), { lambda: -1 })).toThrow(/lambda/);
  });
});

describe('the traced branch', () => {
  it('starts at the centroid and every point solves the QRE equations at its lambda', () => {
    const game = load('oneill.nfg') as NormalFormGame;
    const trace = traceLogit(game, { maxLambda: 50 });
    expect(trace.points[0]!.lambda).toBe(0);
    expect(trace.limit.lambda).toBeCloseTo(50, 9);
    for (const pt of trace.points.filter((_, k) => k % 5 === 0)) expect(logitResponseGap(game, pt.profile, pt.lambda)).toBeLessThan(1e-8);
  });

  it('ends at a Nash equilibrium (max gain <= 1e-6) on conformance games', () => {
    const files = ['e04.nfg', 'oneill.nfg', 'g2.nfg', '2x2x2.nfg', 'coord333.nfg', 'todd2.nfg', 'e04.efg', 'g1.efg', 'my_3-4.efg', 'stripped_down_poker.efg', 'sww1.efg'];
    for (const file of files) {
      const game = load(file);
      const eq = solveLogit(game).equilibria[0]!;
      const profile = eq.profile as number[][];
      if (game.kind === 'nfg') expect(mixedMaxGainFloat(game, profile), file).toBeLessThanOrEqual(1e-6);
      else expect(isBehaviorNashFloat(game, profile, 1e-6), file).toBe(true);
    }
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
