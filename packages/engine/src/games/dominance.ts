/**
 * Iterated elimination of strictly dominated strategies (Gambit's `enumpure`-independent
 * "dominance" reduction; Osborne & Rubinstein 1994, sec. 4.2; Myerson 1991, sec. 3.8).
 *
 * Strategy s of player i is strictly dominated by pure strategy t when
 *
 *   u_i(t, o) > u_i(s, o)   for every remaining profile o of the other players,
 *
 * and by a mixed strategy sigma (option `mixed`) when the linear program
 *
 *   max eps  s.t.  sum_t sigma_t u_i(t, o) - u_i(s, o) >= eps  for all o,  sum_t sigma_t = 1, sigma >= 0
 *
 * has a positive optimum. Rounds repeat over all players until nothing is eliminated; the order of
 * elimination does not change the result for strict dominance (Gilboa, Kalai & Zemel 1990).
 */
import { Rational } from '../numeric/rational';
import { maximizeLp } from '../numeric/simplex';
import { reducedNormalForm } from './reduced-normal-form';
import { profileStrides, strategyCounts } from './strategic';
import type { Game, NormalFormGame } from './types';

export interface Elimination {
  readonly round: number;
  readonly player: number;
  /** Index of the eliminated strategy in the original game. */
  readonly strategy: number;
  readonly label: string;
  /** Label of the dominating pure strategy, or 'mixed'. */
  readonly dominatedBy: string;
}

export interface DominanceResult {
  /** The reduced game (strategies that survive, in original order). */
  readonly game: NormalFormGame;
  /** remaining[i] = original indices of player i's surviving strategies. */
  readonly remaining: readonly (readonly number[])[];
  readonly eliminations: readonly Elimination[];
}

export interface DominanceOptions {
  /** Also eliminate strategies strictly dominated by mixed strategies (a small exact LP each). */
  readonly mixed?: boolean;
}

/** The payoff table of the sub-game keeping `remaining` strategies. */
export function restrictGame(game: NormalFormGame, remaining: readonly (readonly number[])[]): NormalFormGame {
  const counts = strategyCounts(game);
  const strides = profileStrides(counts);
  const newCounts = remaining.map((r) => r.length);
  const cells = newCounts.reduce((p, c) => p * c, 1);
  const payoffs: (readonly Rational[])[] = [];
  const labels: string[] = [];
  const digits = new Array<number>(counts.length).fill(0);
  for (let c = 0; c < cells; c++) {
    let idx = 0;
    for (let i = 0; i < counts.length; i++) idx += remaining[i]![digits[i]!]! * strides[i]!;
    payoffs.push(game.payoffs[idx]!);
    if (game.outcomeLabels) labels.push(game.outcomeLabels[idx]!);
    for (let i = 0; i < counts.length; i++) {
      digits[i]!++;
      if (digits[i]! < newCounts[i]!) break;
      digits[i] = 0;
    }
  }
  return {
    ...game,
    strategies: remaining.map((r, i) => r.map((k) => game.strategies[i]![k]!)),
    payoffs,
    ...(game.outcomeLabels ? { outcomeLabels: labels } : {}),
  };
}

/** u_i(k, o) for every profile o of the others (in a fixed order), for one player of a game. */
function payoffColumns(game: NormalFormGame, player: number): Rational[][] {
  const counts = strategyCounts(game);
  const strides = profileStrides(counts);
  const cols: Rational[][] = counts[player] !== undefined ? Array.from({ length: counts[player]! }, () => []) : [];
  for (let cell = 0; cell < game.payoffs.length; cell++) {
    const k = Math.floor(cell / strides[player]!) % counts[player]!;
    cols[k]!.push(game.payoffs[cell]![player]!);
  }
  return cols;
}

function dominatedByMixed(cols: Rational[][], s: number): boolean {
  const others = cols.map((_, t) => t).filter((t) => t !== s);
  if (others.length === 0) return false;
  // Variables: sigma_t (t in others) >= 0, eps free written as eps = e1 - e2 with e1, e2 >= 0, capped at 1.
  // Constraints: u(s, o) - sum sigma_t u(t, o) + eps <= 0;  sum sigma <= 1;  -sum sigma <= -1;  e1 <= 1.
  const nv = others.length + 2;
  const rows: Rational[][] = [];
  const rhs: Rational[] = [];
  const profiles = cols[s]!.length;
  for (let o = 0; o < profiles; o++) {
    rows.push([...others.map((t) => cols[t]![o]!.neg()), Rational.ONE, Rational.ONE.neg()]);
    rhs.push(cols[s]![o]!.neg());
  }
  rows.push([...others.map(() => Rational.ONE), Rational.ZERO, Rational.ZERO]);
  rhs.push(Rational.ONE);
  rows.push([...others.map(() => Rational.ONE.neg()), Rational.ZERO, Rational.ZERO]);
  rhs.push(Rational.ONE.neg());
  rows.push([...others.map(() => Rational.ZERO), Rational.ONE, Rational.ZERO]);
  rhs.push(Rational.ONE);
  const objective = new Array<Rational>(nv).fill(Rational.ZERO);
  objective[nv - 2] = Rational.ONE;
  objective[nv - 1] = Rational.ONE.neg();
  const result = maximizeLp(objective, rows, rhs);
  return result.status === 'optimal' && result.value.sign() > 0;
}

export function eliminateDominated(input: Game, options: DominanceOptions = {}): DominanceResult {
  const original = input.kind === 'nfg' ? input : reducedNormalForm(input).game;
  const n = original.players.length;
  let remaining: number[][] = original.strategies.map((s) => s.map((_, k) => k));
  const eliminations: Elimination[] = [];
  let round = 0;
  for (;;) {
    round++;
    let changed = false;
    for (let i = 0; i < n; i++) {
      const current = restrictGame(original, remaining);
      const cols = payoffColumns(current, i);
      const count = cols.length;
      if (count <= 1) continue;
      const drop = new Set<number>();
      for (let s = 0; s < count; s++) {
        let by: string | undefined;
        for (let t = 0; t < count && by === undefined; t++) {
          if (t === s) continue;
          if (cols[t]!.every((v, o) => v.gt(cols[s]![o]!))) by = current.strategies[i]![t]!;
        }
        if (by === undefined && options.mixed && dominatedByMixed(cols, s)) by = 'mixed';
        if (by !== undefined) {
          drop.add(s);
          eliminations.push({ round, player: i, strategy: remaining[i]![s]!, label: current.strategies[i]![s]!, dominatedBy: by });
        }
      }
      if (drop.size > 0) {
        remaining = remaining.map((r, p) => (p === i ? r.filter((_, k) => !drop.has(k)) : r));
        changed = true;
      }
    }
    if (!changed) break;
  }
  return { game: restrictGame(original, remaining), remaining, eliminations };
}
