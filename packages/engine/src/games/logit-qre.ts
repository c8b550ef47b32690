/**
 * The logit quantal response equilibrium (QRE) correspondence, traced in lambda.
 *
 * Sources:
 * - McKelvey & Palfrey (1995), "Quantal response equilibria for normal form games", Games and
 *   Economic Behavior 10: the logit QRE at precision lambda >= 0 is a fixed point of
 *     sigma_i(s) = exp(lambda u_i(s, sigma_-i)) / sum_t exp(lambda u_i(t, sigma_-i)).
 * - McKelvey & Palfrey (1998), "Quantal response equilibria for extensive form games",
 *   Experimental Economics 1: the agent QRE, the same condition at every information set h with
 *   the conditional action values
 *     v(h, a) = sum_{n in h} P(n) W(child(n, a)) / sum_{n in h} P(n),
 *   P(n) the probability of reaching n, W(m) the owner's expected payoff from m on. (Where
 *   P(h) = 0, possible only with zero-probability chance moves, the members count equally.)
 * - Turocy (2005), "A dynamic homotopy interpretation of the logistic quantal response equilibrium
 *   correspondence", Games and Economic Behavior 51: the branch starting at the centroid for
 *   lambda = 0 is traced by predictor-corrector continuation; its limit as lambda -> infinity is a
 *   Nash equilibrium (Gambit's `gambit-logit`).
 *
 * Here, with x = log-probabilities and every group g (a player of a normal form, an information
 * set of an extensive form) with actions 0..k-1, the curve is the zero set of
 *
 *   H_{g,a}(x, lambda) = x_{g,a} - x_{g,0} - lambda (v_{g,a}(e^x) - v_{g,0}(e^x)) = 0,  a = 1..k-1,
 *   H_{g,0}(x, lambda) = sum_a e^{x_{g,a}} - 1 = 0,
 *
 * followed in arc length s: tangent t with J t = 0 (J = dH/d(x, lambda), central differences),
 * Euler predictor y + h t, Newton corrector on [H = 0, t . dy = 0], step h doubled after an easy
 * correction and halved after a failed one. Floating point throughout.
 */
import { InputError } from '../errors';
import { behaviorLayout, behaviorMaxGainFloat, behaviorPayoffsFloat } from './behavior';
import type { ExtensiveFormGame, Game, NormalFormGame, SolveResult } from './types';

export interface LogitOptions {
  /** Return the QRE at this lambda; without it, the traced limit (an approximate Nash equilibrium). */
  readonly lambda?: number;
}

export interface LogitTraceOptions {
  /** Stop tracing at this lambda (default 1e7 when looking for the limit). */
  readonly maxLambda?: number;
  /** Stop when the largest gain from a unilateral deviation is below this, times the payoff range (default 1e-9). */
  readonly regretTolerance?: number;
  /** Safety cap on predictor-corrector steps (default 20000). */
  readonly maxSteps?: number;
}

export interface LogitPoint {
  readonly lambda: number;
  /** profile[i]: player i's mixed strategy (normal form) or behaviour strategy (extensive form, Gambit order). */
  readonly profile: number[][];
}

export interface LogitTrace {
  readonly points: LogitPoint[];
  /** The last point: the QRE at maxLambda, or the first one within the regret tolerance. */
  readonly limit: LogitPoint;
  /** Largest gain from a unilateral deviation at the limit. */
  readonly maxRegret: number;
}

/** A game seen as groups of actions with the owner's conditional action values. */
interface AgentForm {
  readonly groupSizes: readonly number[];
  readonly groupOffsets: readonly number[];
  readonly total: number;
  /** Payoff range (max - min), for relative tolerances. */
  readonly scale: number;
  /** Conditional action values; `logProbs` (optional) are the log-probabilities, for beliefs at nearly unreached information sets. */
  actionValues(probs: Float64Array, out: Float64Array, logProbs?: Float64Array): void;
  toProfile(probs: Float64Array): number[][];
  maxRegret(profile: number[][]): number;
  payoffs(profile: number[][]): number[];
}

function normalAgentForm(game: NormalFormGame): AgentForm {
  const nP = game.players.length;
  const sizes = game.strategies.map((s) => s.length);
  const offsets: number[] = [];
  let total = 0;
  for (const k of sizes) {
    offsets.push(total);
    total += k;
  }
  const pay = game.payoffs.map((row) => row.map((x) => x.toNumber()));
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of pay) for (const x of row) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const idx = new Int32Array(nP);
  const values = (probs: Float64Array, out: Float64Array): void => {
    out.fill(0);
    idx.fill(0);
    for (let p = 0; p < pay.length; p++) {
      for (let i = 0; i < nP; i++) {
        let w = 1;
        for (let k = 0; k < nP && w !== 0; k++) if (k !== i) w *= probs[offsets[k]! + idx[k]!]!;
        if (w !== 0) out[offsets[i]! + idx[i]!] += w * pay[p]![i]!;
      }
      for (let k = 0; k < nP; k++) {
        if (++idx[k]! < sizes[k]!) break;
        idx[k] = 0;
      }
    }
  };
  const toProfile = (probs: Float64Array): number[][] => sizes.map((k, i) => Array.from(probs.subarray(offsets[i]!, offsets[i]! + k)));
  const flat = (profile: number[][]): Float64Array => Float64Array.from(profile.flat());
  const scratch = new Float64Array(total);
  return {
    groupSizes: sizes,
    groupOffsets: offsets,
    total,
    scale: Math.max(hi - lo, 1e-12),
    actionValues: values,
    toProfile,
    maxRegret(profile) {
      const pr = flat(profile);
      values(pr, scratch);
      let worst = 0;
      sizes.forEach((k, i) => {
        let best = -Infinity;
        let cur = 0;
        for (let a = 0; a < k; a++) {
          best = Math.max(best, scratch[offsets[i]! + a]!);
          cur += pr[offsets[i]! + a]! * scratch[offsets[i]! + a]!;
        }
        worst = Math.max(worst, best - cur);
      });
      return worst;
    },
    payoffs(profile) {
      const pr = flat(profile);
      values(pr, scratch);
      return sizes.map((k, i) => {
        let cur = 0;
        for (let a = 0; a < k; a++) cur += pr[offsets[i]! + a]! * scratch[offsets[i]! + a]!;
        return cur;
      });
    },
  };
}

function extensiveAgentForm(game: ExtensiveFormGame): AgentForm {
  const layout = behaviorLayout(game);
  const nP = game.players.length;
  const nNodes = game.nodes.length;
  // Groups in Gambit order: player by player, information set by information set.
  const groupOf = new Int32Array(game.infosets.length).fill(-1);
  const sizes: number[] = [];
  const offsets: number[] = [];
  let total = 0;
  layout.infosetsOf.forEach((owned) =>
    owned.forEach((s) => {
      groupOf[s] = sizes.length;
      offsets.push(total);
      sizes.push(game.infosets[s]!.actions.length);
      total += game.infosets[s]!.actions.length;
    }),
  );
  const outcome = game.nodes.map((n) => (n.outcome === undefined ? undefined : game.outcomes[n.outcome]!.payoffs.map((x) => x.toNumber())));
  const chanceProb = game.infosets.map((s) => s.probabilities?.map((p) => p.toNumber()));
  let lo = Infinity;
  let hi = -Infinity;
  for (const o of outcome) if (o) for (const x of o) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  if (lo === Infinity) lo = hi = 0;
  const reach = new Float64Array(nNodes);
  const W = new Float64Array(nNodes * nP);
  const mass = new Float64Array(game.infosets.length);
  const members = new Int32Array(game.infosets.length);
  const maxLog = new Float64Array(game.infosets.length);
  const prob = (probs: Float64Array, s: number, a: number): number => (groupOf[s]! >= 0 ? probs[offsets[groupOf[s]!]! + a]! : chanceProb[s]![a]!);
  const logChance = chanceProb.map((ps) => ps?.map((p) => Math.log(p)));
  const logProb = (probs: Float64Array, logProbs: Float64Array | undefined, s: number, a: number): number => {
    if (groupOf[s]! < 0) return logChance[s]![a]!;
    const j = offsets[groupOf[s]!]! + a;
    return logProbs ? logProbs[j]! : Math.log(probs[j]!);
  };
  const values = (probs: Float64Array, out: Float64Array, logProbs?: Float64Array): void => {
    // Log reach probabilities, so that beliefs stay defined when reach probabilities underflow.
    reach[0] = 0;
    for (let v = 0; v < nNodes; v++) {
      const node = game.nodes[v]!;
      if (node.type === 'terminal') continue;
      node.children.forEach((c, a) => (reach[c] = reach[v]! + logProb(probs, logProbs, node.infoset, a)));
    }
    for (let v = nNodes - 1; v >= 0; v--) {
      const node = game.nodes[v]!;
      const o = outcome[v];
      for (let i = 0; i < nP; i++) W[v * nP + i] = o ? o[i]! : 0;
      if (node.type === 'terminal') continue;
      node.children.forEach((c, a) => {
        const p = prob(probs, node.infoset, a);
        for (let i = 0; i < nP; i++) W[v * nP + i] += p * W[c * nP + i]!;
      });
    }
    out.fill(0);
    mass.fill(0);
    members.fill(0);
    maxLog.fill(-Infinity);
    for (let v = 0; v < nNodes; v++) {
      const node = game.nodes[v]!;
      if (node.type === 'decision' && reach[v]! > maxLog[node.infoset]!) maxLog[node.infoset] = reach[v]!;
    }
    for (let v = 0; v < nNodes; v++) {
      const node = game.nodes[v]!;
      if (node.type !== 'decision') continue;
      if (maxLog[node.infoset]! > -Infinity) mass[node.infoset] += Math.exp(reach[v]! - maxLog[node.infoset]!);
      members[node.infoset]++;
    }
    for (let v = 0; v < nNodes; v++) {
      const node = game.nodes[v]!;
      if (node.type !== 'decision') continue;
      const s = node.infoset;
      const owner = game.infosets[s]!.player;
      const weight = mass[s]! > 0 ? Math.exp(reach[v]! - maxLog[s]!) / mass[s]! : 1 / members[s]!;
      const base = offsets[groupOf[s]!]!;
      node.children.forEach((c, a) => (out[base + a] += weight * W[c * nP + owner]!));
    }
  };
  const toProfile = (probs: Float64Array): number[][] => layout.length.map((len, i) => {
    const owned = layout.infosetsOf[i]!;
    const first = owned.length > 0 ? offsets[groupOf[owned[0]!]!]! : 0;
    return Array.from(probs.subarray(first, first + len));
  });
  return {
    groupSizes: sizes,
    groupOffsets: offsets,
    total,
    scale: Math.max(hi - lo, 1e-12),
    actionValues: values,
    toProfile,
    maxRegret: (profile) => Math.max(0, behaviorMaxGainFloat(game, profile)),
    payoffs: (profile) => behaviorPayoffsFloat(game, profile),
  };
}

function agentForm(game: Game): AgentForm {
  return game.kind === 'nfg' ? normalAgentForm(game) : extensiveAgentForm(game);
}

/** Solves the square system A x = b in place (Gaussian elimination, partial pivoting). */
function solveLinear(A: Float64Array[], b: Float64Array): Float64Array | undefined {
  const n = b.length;
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    if (Math.abs(A[p]![c]!) < 1e-300) return undefined;
    [A[c], A[p]] = [A[p]!, A[c]!];
    [b[c], b[p]] = [b[p]!, b[c]!];
    const pr = A[c]!;
    for (let r = c + 1; r < n; r++) {
      const f = A[r]![c]! / pr[c]!;
      if (f === 0) continue;
      const row = A[r]!;
      for (let k = c; k < n; k++) row[k] -= f * pr[k]!;
      b[r] -= f * b[c]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= A[r]![k]! * x[k]!;
    x[r] = s / A[r]![r]!;
  }
  return x;
}

class LogitSystem {
  readonly n: number;
  private readonly probs: Float64Array;
  private readonly vals: Float64Array;

  constructor(private readonly form: AgentForm) {
    this.n = form.total;
    this.probs = new Float64Array(form.total);
    this.vals = new Float64Array(form.total);
  }

  /** H(y), y = (x, lambda). */
  residual(y: Float64Array, out: Float64Array): void {
    const { groupSizes, groupOffsets } = this.form;
    for (let j = 0; j < this.n; j++) this.probs[j] = Math.exp(y[j]!);
    this.form.actionValues(this.probs, this.vals, y.subarray(0, this.n));
    // Internally lambda is measured in units of 1/scale (payoffs normalised to range 1).
    const lambda = y[this.n]! / this.form.scale;
    groupSizes.forEach((k, g) => {
      const o = groupOffsets[g]!;
      let sum = 0;
      for (let a = 0; a < k; a++) sum += this.probs[o + a]!;
      out[o] = sum - 1;
      for (let a = 1; a < k; a++) out[o + a] = y[o + a]! - y[o]! - lambda * (this.vals[o + a]! - this.vals[o]!);
    });
  }

  /** J = dH/dy (n x (n+1)) by central differences. */
  jacobian(y: Float64Array): Float64Array[] {
    const n = this.n;
    const J = Array.from({ length: n }, () => new Float64Array(n + 1));
    const yp = Float64Array.from(y);
    const hp = new Float64Array(n);
    const hm = new Float64Array(n);
    for (let j = 0; j <= n; j++) {
      const step = 1e-6 * Math.max(1, Math.abs(y[j]!));
      yp[j] = y[j]! + step;
      this.residual(yp, hp);
      yp[j] = y[j]! - step;
      this.residual(yp, hm);
      yp[j] = y[j]!;
      for (let r = 0; r < n; r++) J[r]![j] = (hp[r]! - hm[r]!) / (2 * step);
    }
    return J;
  }

  norm(v: Float64Array): number {
    let s = 0;
    for (const x of v) s = Math.max(s, Math.abs(x));
    return s;
  }

  /**
   * Chord-Newton corrector on H(y) = 0 with the extra row c . (y - y0) = 0, reusing the Jacobian J
   * of the step's start point. Tolerance relative to the size of lambda * payoffs.
   */
  correct(y0: Float64Array, c: Float64Array, J: Float64Array[], maxIter: number): { y: Float64Array; iterations: number } | undefined {
    const n = this.n;
    const y = Float64Array.from(y0);
    const h = new Float64Array(n);
    this.residual(y, h);
    let previous = Infinity;
    for (let it = 1; it <= maxIter; it++) {
      const A = [...J.map((row) => Float64Array.from(row)), Float64Array.from(c)];
      const b = new Float64Array(n + 1);
      for (let r = 0; r < n; r++) b[r] = -h[r]!;
      const dy = solveLinear(A, b);
      if (!dy) return undefined;
      for (let j = 0; j <= n; j++) y[j] += dy[j]!;
      if (!y.every(Number.isFinite)) return undefined;
      this.residual(y, h);
      const err = this.norm(h);
      const scaleH = 1e-10 * Math.max(1, Math.abs(y[n]!));
      if (err < scaleH) return { y, iterations: it };
      if (err > 0.7 * previous && it > 2) return undefined;
      previous = err;
    }
    return undefined;
  }

  /** Tangent and Jacobian at y. */
  tangentAndJacobian(y: Float64Array, previous: Float64Array): { t: Float64Array; J: Float64Array[] } | undefined {
    const J = this.jacobian(y);
    const A = [...J.map((row) => Float64Array.from(row)), Float64Array.from(previous)];
    const b = new Float64Array(this.n + 1);
    b[this.n] = 1;
    const t = solveLinear(A, b);
    if (!t) return undefined;
    let len = 0;
    for (const x of t) len += x * x;
    len = Math.sqrt(len);
    return { t: t.map((x) => x / len), J };
  }
}

function probsOf(form: AgentForm, y: Float64Array): Float64Array {
  const p = new Float64Array(form.total);
  for (let j = 0; j < form.total; j++) p[j] = Math.exp(y[j]!);
  // Renormalise each group (removes the corrector's last rounding).
  form.groupSizes.forEach((k, g) => {
    const o = form.groupOffsets[g]!;
    let s = 0;
    for (let a = 0; a < k; a++) s += p[o + a]!;
    for (let a = 0; a < k; a++) p[o + a] /= s;
  });
  return p;
}

function trace(game: Game, options: LogitTraceOptions & { targetLambda?: number }): LogitTrace {
  const form = agentForm(game);
  const sys = new LogitSystem(form);
  const n = form.total;
  // y[n] = mu = lambda * scale (payoffs normalised to range 1 inside the system).
  const maxMu = (options.targetLambda ?? options.maxLambda ?? 1e7) * form.scale;
  const regretTol = (options.regretTolerance ?? 1e-9) * form.scale;
  const maxSteps = options.maxSteps ?? 20000;
  // Start: the centroid at lambda = 0.
  let y: Float64Array = new Float64Array(n + 1);
  form.groupSizes.forEach((k, g) => {
    for (let a = 0; a < k; a++) y[form.groupOffsets[g]! + a] = -Math.log(k);
  });
  const point = (yy: Float64Array): LogitPoint => ({ lambda: yy[n]! / form.scale, profile: form.toProfile(probsOf(form, yy)) });
  const points: LogitPoint[] = [point(y)];
  let t: Float64Array = new Float64Array(n + 1);
  t[n] = 1;
  let h = 0.03;
  let regret = form.maxRegret(points[0]!.profile);
  for (let step = 0; step < maxSteps && y[n]! < maxMu; step++) {
    if (options.targetLambda === undefined && regret <= regretTol) break;
    const tj = sys.tangentAndJacobian(y, t);
    if (!tj) break;
    t = tj.t;
    let accepted: Float64Array | undefined;
    let iterations = 0;
    for (let tries = 0; tries < 40 && !accepted; tries++) {
      const pred = y.map((v, j) => v + h * t[j]!);
      if (pred[n]! > maxMu) {
        // Land exactly on the last lambda: correct with lambda fixed.
        const fixed = Float64Array.from(pred);
        fixed[n] = maxMu;
        const e = new Float64Array(n + 1);
        e[n] = 1;
        const res = sys.correct(fixed, e, tj.J, 30);
        if (res) {
          accepted = res.y;
          iterations = res.iterations;
        } else h /= 2;
        continue;
      }
      const res = sys.correct(pred, t, tj.J, 8);
      // The branch may turn back in lambda; only refuse a corrector that wandered off.
      let moved = 0;
      if (res) for (let j = 0; j <= n; j++) moved = Math.max(moved, Math.abs(res.y[j]! - pred[j]!));
      if (res && moved <= 0.5 * h + 1e-9 * Math.max(1, Math.abs(y[n]!))) {
        accepted = res.y;
        iterations = res.iterations;
      } else h /= 2;
    }
    if (!accepted) break;
    y = accepted;
    const pt = point(y);
    points.push(pt);
    regret = form.maxRegret(pt.profile);
    if (iterations <= 3) h = Math.min(h * 2, Math.max(1, y[n]!));
    else if (iterations >= 6) h /= 2;
  }
  const limit = points[points.length - 1]!;
  return { points, limit, maxRegret: regret };
}

/** Traces the principal branch of the logit QRE correspondence from lambda = 0. */
export function traceLogit(game: Game, options: LogitTraceOptions = {}): LogitTrace {
  return trace(game, options);
}

/**
 * The logit QRE at `lambda`, or (no lambda) the end of the traced branch, an approximate Nash
 * equilibrium. Floating point; `complete` is false (one point of the correspondence).
 */
export function solveLogit(game: Game, options: LogitOptions = {}): SolveResult {
  if (options.lambda !== undefined && !(options.lambda >= 0 && Number.isFinite(options.lambda))) {
    throw new InputError(`lambda must be a finite number >= 0, got ${options.lambda}`, { place: 'lambda', expected: 'a number >= 0' });
  }
  const result = options.lambda === undefined ? trace(game, {}) : trace(game, { targetLambda: options.lambda });
  const profile = result.limit.profile;
  const form = agentForm(game);
  return { method: 'logit', complete: false, exact: false, equilibria: [{ profile, payoffs: form.payoffs(profile) }] };
}
