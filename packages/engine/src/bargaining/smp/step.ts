/**
 * One SMP bargaining step, state t -> t+1 (KTAB examples/smp/libsrc/smpbcn.cpp
 * SMPState::doBCN, bestChallenge; docs/smp.md, "What it computes", steps 2-4).
 *
 * For every actor i: the best target j is the one with the largest value of challenge
 * probEduChlg(h = i, k = i, i, j) above 1e-5 (ties to the lowest j); i proposes the bargain
 * interpolated with its own win estimate (bargain.ts). BM InitRcvrInterp adds a second bargain
 * interpolated with j's estimate that i wins; PWCompInterp offers instead their average weighted by
 * c_i S_i and c_j S_j. (KTAB's arithmetic there departs from this, see `ktabQuirks` in types.ts:
 * j's estimate of i's expected gain in place of the probability, c_i S_j for c_j S_j.)
 * Every actor k then holds a candidate list
 * [status quo, its own bargain, bargains where it is the target by ascending initiator]
 * ([AMBIGUITY] docs/smp.md, "Deviations and choices", bargain order: KTAB's order depends on
 * threads; it matters on exact ties and, with ASymProsp votes, which are not antisymmetric (KTAB's
 * coalitions count only a > b pairs), for the election itself, so KTAB's runs differ from run to
 * run there) and scores each candidate m by every actor
 * n's average utility of the state it creates:
 *   status quo  ū_n = (1/N) sum_q U_n[n][q]
 *   bargain I:J ū_n = (1/N) [ u(d_n(p_n, b_I), R_n) + u(d_n(p_n, b_J), R_n) + sum_{q != I,J} U_n[n][q] ]
 * P = scalarPCE(power weights, ū) over the list; k takes the first most likely candidate
 * (Deterministic) or draws one (Stochastic), and moves to its side of that bargain.
 * All actors resolve against state t, so the step is order-independent.
 *
 * Ties: KTAB gives an initiator whose best value is shared by several targets (e.g. two identical
 * actors) the lowest-index target only, so identical actors can drift apart. `tieBreak: 'symmetric'`
 * (not KTAB) offers a bargain to every target within a relative 1e-12 of the best value instead.
 *
 * Cost: O(N^3) per step (N initiators x N targets x O(N) per challenge value; bargain utilities
 * are computed once per bargain, not once per list). Targets are evaluated by decreasing upper
 * bound U_i[i][i] - U_i[i][j] of the gain (the gain if i surely wins) and skipped once the bound is
 * below the best gain found (margin 1e-9), which never changes the choice; with the default
 * switches h's utilities are computed column by column, only for the targets evaluated.
 */
import { interpolateBargain } from './bargain';
import {
  challengeGainFrom,
  challengeWinProbability,
  challengeWinProbabilityFast,
  probEduChallenge,
  type ChallengeContext,
} from './challenge';
import { scalarPce } from './pce';
import { pickByProbability } from './prng';
import { estimateRisk, perspectiveUtilities } from './risk';
import type { AssessedState, SmpModelData } from './state';
import type { SmpChallenge, SmpModelSwitches, SmpMove, SmpTieBreak } from './types';
import { riskUtility, weightedDistance } from './utility';

interface Bargain {
  init: number;
  rcvr: number;
  posInit: Float64Array;
  posRcvr: Float64Array;
  challenge: number;
}

export interface StepResult {
  pos: Float64Array;
  challenges: SmpChallenge[];
  moves: SmpMove[];
}

const MIN_SIGNIFICANT_GAIN = 1e-5;
/** Relative gap under which two challenge values count as tied (tieBreak 'symmetric'). */
const TIE_TOLERANCE = 1e-12;
/** Margin of the target pruning (far above round-off, far above TIE_TOLERANCE). */
const PRUNE_MARGIN = 1e-9;

export function bargainStep(
  model: SmpModelData,
  st: AssessedState,
  selfUtil: Float64Array,
  sw: SmpModelSwitches,
  /** Uniform draw in [0,1) for an actor's Stochastic transition. */
  uniform: (actor: number) => number,
  tieBreak: SmpTieBreak = 'lowestIndex',
  ktabQuirks = false,
): StepResult {
  const { n, dims, sal, power } = model;
  const ctx: ChallengeContext = {
    n,
    salientPower: model.salientPower,
    totalSalience: model.totalSalience,
    rule: sw.votingRule,
    commit: sw.thirdPartyCommit,
  };
  const bargains: Bargain[] = [];
  const challenges: SmpChallenge[] = [];
  const ownBargains: number[][] = Array.from({ length: n }, () => []);
  const receivedBargains: number[][] = Array.from({ length: n }, () => []);

  const addBargains = (i: number, j: number, pIJ: number, gain: number): void => {
    const own = interpolateBargain(sw.bargainInterpolation, st.pos, sal, dims, i, j, pIJ, 1 - pIJ);
    const made: Array<{ init: Float64Array; rcvr: Float64Array }> = [];
    if (sw.bargainModel === 'InitOnlyInterp') {
      made.push(own);
    } else {
      // The bargain from j's perspective. As specified: j's own estimate that i would win.
      // KTAB (ktabQuirks): the second member of probEduChlg(h = j, k = i, i, j), i.e. j's estimate
      // of i's expected gain from the challenge, passed as if it were that probability.
      const uj = perspectiveUtilities(j, st.diff, st.risk, n, sw.riskAdjust, new Float64Array(n * n));
      const pJ = ktabQuirks ? probEduChallenge(ctx, uj, i, i, j)[1] : challengeWinProbability(ctx, uj, i, j)[0];
      const theirs = interpolateBargain(sw.bargainInterpolation, st.pos, sal, dims, i, j, pJ, 1 - pJ);
      if (sw.bargainModel === 'InitRcvrInterp') {
        made.push(own, theirs);
      } else {
        // Weights c_i S_i and c_j S_j; KTAB (ktabQuirks) takes the initiator's power for both sides.
        const wi = power[i]! * model.totalSalience[i]!;
        const wj = power[ktabQuirks ? i : j]! * model.totalSalience[j]!;
        const init = new Float64Array(dims);
        const rcvr = new Float64Array(dims);
        for (let k = 0; k < dims; k++) {
          init[k] = (wi * own.init[k]! + wj * theirs.init[k]!) / (wi + wj);
          rcvr[k] = (wi * own.rcvr[k]! + wj * theirs.rcvr[k]!) / (wi + wj);
        }
        made.push({ init, rcvr });
      }
    }
    const ci = challenges.length;
    const challenge: SmpChallenge = {
      initiator: i,
      target: j,
      probWin: pIJ,
      gain,
      initiatorPosition: Array.from(made[0]!.init, (x) => 100 * x),
      targetPosition: Array.from(made[0]!.rcvr, (x) => 100 * x),
    };
    if (made.length > 1) {
      challenge.targetView = {
        initiatorPosition: Array.from(made[1]!.init, (x) => 100 * x),
        targetPosition: Array.from(made[1]!.rcvr, (x) => 100 * x),
      };
    }
    challenges.push(challenge);
    for (const b of made) {
      const bi = bargains.length;
      bargains.push({ init: i, rcvr: j, posInit: b.init, posRcvr: b.rcvr, challenge: ci });
      ownBargains[i]!.push(bi);
      receivedBargains[j]!.push(bi);
    }
  };

  const gains = new Float64Array(n);
  const probs = new Float64Array(n);
  const fast = sw.votingRule === 'Proportional' && sw.thirdPartyCommit === 'SemiCommit';
  const u = fast ? new Float64Array(0) : new Float64Array(n * n);
  const pv = new Float64Array(2);
  const diag = new Float64Array(n);
  const order: number[] = [];
  const bound = new Float64Array(n);
  let diffT: Float64Array | undefined;
  if (fast) {
    diffT = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) diffT[j * n + i] = st.diff[i * n + j]!;
  }
  const rhi = new Float64Array(n);
  const rowI = new Float64Array(n);
  const colI = new Float64Array(n);
  const colJ = new Float64Array(n);
  // column c of U_h (U_h[m][c] for all m), same formula as perspectiveUtilities
  const column = (c: number, out: Float64Array): void => {
    const base = c * n;
    for (let m = 0; m < n; m++) {
      const d = diffT![base + m]!;
      const r = rhi[m]!;
      out[m] = d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
    }
  };
  for (let i = 0; i < n; i++) {
    if (fast) {
      // Only what the target search reads: row i, column i, the diagonal, and the columns of the
      // targets actually evaluated.
      for (let m = 0; m < n; m++) rhi[m] = estimateRisk(st.risk[i]!, st.risk[m]!, sw.riskAdjust);
      const ri = rhi[i]!;
      for (let j = 0; j < n; j++) {
        const d = st.diff[i * n + j]!;
        rowI[j] = d <= 1 ? (1 - d) * (1 + d * ri) : (1 - d) * (1 + ri);
      }
      for (let m = 0; m < n; m++) {
        const d = st.diff[m * n + m]!;
        const r = rhi[m]!;
        diag[m] = d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
      }
      column(i, colI);
    } else {
      perspectiveUtilities(i, st.diff, st.risk, n, sw.riskAdjust, u);
      for (let j = 0; j < n; j++) rowI[j] = u[i * n + j]!;
    }
    // Upper bound of i's gain from challenging j: U[i][i] - U[i][j] (the gain when i surely wins).
    // Evaluating targets by decreasing bound and skipping those whose bound is below the best gain
    // found so far (with a margin far above round-off) leaves the choice unchanged.
    order.length = 0;
    for (let j = 0; j < n; j++) {
      gains[j] = -Infinity;
      if (j === i) continue;
      bound[j] = rowI[i]! - rowI[j]!;
      order.push(j);
    }
    order.sort((a, b) => bound[b]! - bound[a]! || a - b);
    let found = -1.0;
    for (const j of order) {
      if (bound[j]! < found - PRUNE_MARGIN || bound[j]! <= MIN_SIGNIFICANT_GAIN - PRUNE_MARGIN) break;
      let pij: number;
      let edu: number;
      if (fast) {
        column(j, colJ);
        challengeWinProbabilityFast(ctx, colI, colJ, diag, i, j, pv);
        pij = pv[0]!;
        edu = challengeGainFrom(rowI[i]!, rowI[j]!, model.totalSalience[j]!, pij, pv[1]!);
      } else {
        [pij, edu] = probEduChallenge(ctx, u, i, i, j);
      }
      gains[j] = edu;
      probs[j] = pij;
      if (edu > found) found = edu;
    }
    // KTAB's rule over the evaluated targets: largest gain above 1e-5, first (lowest j) on ties.
    let bestJ = -1;
    let bestEU = -1.0;
    for (let j = 0; j < n; j++) {
      const edu = gains[j]!;
      if (MIN_SIGNIFICANT_GAIN < edu && bestEU < edu) {
        bestJ = j;
        bestEU = edu;
      }
    }
    if (!(0 < bestEU) || bestJ < 0) continue;
    let targets = [bestJ];
    if (tieBreak === 'symmetric') {
      const tol = TIE_TOLERANCE * Math.max(1, Math.abs(bestEU));
      targets = [];
      for (let j = 0; j < n; j++) if (MIN_SIGNIFICANT_GAIN < gains[j]! && gains[j]! >= bestEU - tol) targets.push(j);
    }
    for (const j of targets) addBargains(i, j, probs[j]!, gains[j]!);
  }

  // Average utility to every actor of the status quo and of each bargain's state.
  const sqUtil = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let s = 0.0;
    for (let q = 0; q < n; q++) s = s + selfUtil[a * n + q]!;
    sqUtil[a] = s / n;
  }
  const bargainUtil: Float64Array[] = bargains.map((b) => {
    const out = new Float64Array(n);
    for (let a = 0; a < n; a++) {
      const ra = st.risk[a]!;
      let s = 0.0;
      s = s + riskUtility(weightedDistance(st.pos, a * dims, b.posInit, 0, sal, a * dims, dims), ra);
      s = s + riskUtility(weightedDistance(st.pos, a * dims, b.posRcvr, 0, sal, a * dims, dims), ra);
      for (let q = 0; q < n; q++) {
        if (q !== b.init && q !== b.rcvr) s = s + selfUtil[a * n + q]!;
      }
      out[a] = s / n;
    }
    return out;
  });

  const next = new Float64Array(n * dims);
  const moves: SmpMove[] = [];
  for (let k = 0; k < n; k++) {
    const list = [-1, ...ownBargains[k]!, ...receivedBargains[k]!];
    const nb = list.length;
    const um = new Float64Array(n * nb);
    for (let a = 0; a < n; a++) {
      for (let m = 0; m < nb; m++) {
        const b = list[m]!;
        um[a * nb + m] = b < 0 ? sqUtil[a]! : bargainUtil[b]![a]!;
      }
    }
    const p = scalarPce(n, nb, power, um, sw.votingRule, sw.victoryProbModel, sw.pceModel);
    let mMax = 0;
    if (sw.stateTransition === 'Deterministic') {
      let ma = -1.0;
      for (let m = 0; m < nb; m++) {
        const x = Math.abs(p[m]!);
        if (ma < x) {
          ma = x;
          mMax = m;
        }
      }
    } else {
      mMax = pickByProbability(p, uniform(k));
    }
    const chosen = list[mMax]!;
    if (chosen < 0) {
      for (let d = 0; d < dims; d++) next[k * dims + d] = st.pos[k * dims + d]!;
    } else {
      const b = bargains[chosen]!;
      const src = b.init === k ? b.posInit : b.posRcvr;
      for (let d = 0; d < dims; d++) next[k * dims + d] = src[d]!;
    }
    const options = list.map((b, m) => {
      const side = b < 0 ? st.pos.subarray(k * dims, (k + 1) * dims) : bargains[b]!.init === k ? bargains[b]!.posInit : bargains[b]!.posRcvr;
      return { position: Array.from(side, (x) => 100 * x), prob: p[m]! };
    });
    moves.push({ actor: k, challenge: chosen < 0 ? -1 : bargains[chosen]!.challenge, prob: p[mMax]!, candidates: nb, options });
  }
  return { pos: next, challenges, moves };
}
