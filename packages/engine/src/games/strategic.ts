/**
 * Mixed profiles of a normal form: expected payoffs and the exact Nash check.
 *
 *   u_i(sigma) = sum over pure profiles s of  prod_j sigma_j(s_j) * u_i(s),
 *   gain_i(sigma) = max over s_i of u_i(s_i, sigma_-i) - u_i(sigma).
 *
 * sigma is a Nash equilibrium exactly when max_i gain_i(sigma) <= 0 (Nash 1951). Profiles are
 * indexed with player 0's strategy changing fastest (Gambit's order).
 */
import { InputError } from '../errors';
import { type Field, FloatField, RationalField } from '../numeric/field';
import type { Rational } from '../numeric/rational';
import type { NormalFormGame } from './types';

export function strategyCounts(game: NormalFormGame): number[] {
  return game.strategies.map((s) => s.length);
}

/** strides[i] = how far the profile index moves when player i's strategy grows by one. */
export function profileStrides(counts: readonly number[]): number[] {
  const strides: number[] = [];
  let s = 1;
  for (const c of counts) {
    strides.push(s);
    s *= c;
  }
  return strides;
}

/** For each player i and each own strategy k: u_i(k, sigma_-i). */
export function pureStrategyValuesIn<T>(F: Field<T>, game: NormalFormGame, profile: readonly (readonly T[])[]): T[][] {
  const counts = strategyCounts(game);
  const n = counts.length;
  const values: T[][] = counts.map((c) => Array.from({ length: c }, () => F.zero));
  const cells = game.payoffs.length;
  const digits = new Array<number>(n).fill(0);
  for (let cell = 0; cell < cells; cell++) {
    const pay = game.payoffs[cell]!;
    for (let i = 0; i < n; i++) {
      // probability of the others' part of this profile
      let p = F.one;
      for (let j = 0; j < n && F.sign(p) !== 0; j++) if (j !== i) p = F.mul(p, profile[j]![digits[j]!]!);
      if (F.sign(p) !== 0) values[i]![digits[i]!] = F.add(values[i]![digits[i]!]!, F.mul(p, F.fromRational(pay[i]!)));
    }
    for (let i = 0; i < n; i++) {
      digits[i]!++;
      if (digits[i]! < counts[i]!) break;
      digits[i] = 0;
    }
  }
  return values;
}

export function mixedPayoffsIn<T>(F: Field<T>, game: NormalFormGame, profile: readonly (readonly T[])[]): T[] {
  const values = pureStrategyValuesIn(F, game, profile);
  return values.map((row, i) => row.reduce((acc, v, k) => F.add(acc, F.mul(v, profile[i]![k]!)), F.zero));
}

export function mixedMaxGainIn<T>(F: Field<T>, game: NormalFormGame, profile: readonly (readonly T[])[]): T {
  const values = pureStrategyValuesIn(F, game, profile);
  let worst: T | undefined;
  values.forEach((row, i) => {
    const u = row.reduce((acc, v, k) => F.add(acc, F.mul(v, profile[i]![k]!)), F.zero);
    for (const v of row) {
      const g = F.sub(v, u);
      if (worst === undefined || F.cmp(g, worst) > 0) worst = g;
    }
  });
  return worst ?? F.zero;
}

export function mixedPayoffs(game: NormalFormGame, profile: readonly (readonly Rational[])[]): Rational[] {
  return mixedPayoffsIn(RationalField, game, profile);
}
export function mixedPayoffsFloat(game: NormalFormGame, profile: readonly (readonly number[])[]): number[] {
  return mixedPayoffsIn(FloatField, game, profile);
}
export function mixedMaxGain(game: NormalFormGame, profile: readonly (readonly Rational[])[]): Rational {
  return mixedMaxGainIn(RationalField, game, profile);
}
export function mixedMaxGainFloat(game: NormalFormGame, profile: readonly (readonly number[])[]): number {
  return mixedMaxGainIn(FloatField, game, profile);
}
export function isMixedNash(game: NormalFormGame, profile: readonly (readonly Rational[])[]): boolean {
  return mixedMaxGain(game, profile).sign() <= 0;
}
export function isMixedNashFloat(game: NormalFormGame, profile: readonly (readonly number[])[], tolerance = 1e-6): boolean {
  return mixedMaxGainFloat(game, profile) <= tolerance;
}

/** Bad input for a two-player method: an InputError naming the method (the game is the place). */
export function requireTwoPlayers(game: { readonly players: readonly string[] }, method: string): void {
  if (game.players.length !== 2) {
    throw new InputError(`${method} needs a two-player game, the game has ${game.players.length}`, { place: 'game', expected: 'a two-player game' });
  }
}

/** Two-player payoff matrices A (row player) and B (column player), A[i][j] for strategies i, j. */
export function bimatrix(game: NormalFormGame): { A: Rational[][]; B: Rational[][] } {
  requireTwoPlayers(game, 'bimatrix');
  const [m, n] = strategyCounts(game) as [number, number];
  const A: Rational[][] = [];
  const B: Rational[][] = [];
  for (let i = 0; i < m; i++) {
    A.push([]);
    B.push([]);
    for (let j = 0; j < n; j++) {
      const pay = game.payoffs[i + m * j]!;
      A[i]!.push(pay[0]!);
      B[i]!.push(pay[1]!);
    }
  }
  return { A, B };
}

/** Scales a rational matrix to integers and shifts it to be >= 1 (the equilibria do not change). */
export function positiveIntegerMatrix(M: readonly (readonly Rational[])[]): bigint[][] {
  let lcm = 1n;
  for (const row of M) for (const v of row) lcm = (lcm / gcd(lcm, v.den)) * v.den;
  const ints = M.map((row) => row.map((v) => (v.num * lcm) / v.den));
  let min = 0n;
  let first = true;
  for (const row of ints) {
    for (const v of row) {
      if (first || v < min) min = v;
      first = false;
    }
  }
  return ints.map((row) => row.map((v) => v - min + 1n));
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
