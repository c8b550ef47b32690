/**
 * One run of the crisis model, week by week (docs/simulation.md, "Equations"). State x holds the
 * stocks S, auxiliaries A, policies P, calendar signals C, this week's action counts a, the talks
 * status and the crisis level. Each week w:
 *
 *  1. C_k(w) = Σ_items intensity · weight_item(w)                          (./calendar.ts)
 *  2. A_j = A_j,0 + Σ_level links s · (x_c − ref_c)                      (dependency order, clamped)
 *  3. ΔS_i = g_i + Σ_flow links s · (x_c − ref_c) + (1 − 2^(−1/h_i)) (S_i,0 − S_i)
 *  4. actions, in the listed order; an action is possible when its gates hold (talks status, crisis
 *     level, an earlier action this week, a calendar signal, not yet taken if `once`):
 *       event:        P(a) = σ(logit p_a + Σ_logit links s · (x_c − ref_c))       σ(z) = 1/(1 + e^(−z))
 *       launch-days:  count ~ Poisson(μ_w · φ_m), μ_w from the fitted launch model (./launch-model.ts),
 *                     φ_m ~ Gamma(r, r) once per calendar month of the run (capped at 7 per week)
 *     an action that happens may set the talks status or the crisis level; entering the nuclear
 *     threshold level hands the decision to the deterrence model (./deterrence-handoff.ts);
 *  5. pulses: x_e += s · a (per action count) and x_e += s · C_k (per unit of calendar signal);
 *  6. S ← clamp(S + ΔS); the ladder position of the week is max(crisis level, rungs of the actions).
 *
 * ref_c is the cause's value at the start of the run (variables, states) or 0 (actions, calendar
 * signals, links with `reference: zero`). Random numbers: a run draws one uniform per parameter in
 * the order of their keys (epistemic stream) and, every week, one uniform per action plus one for
 * the deterrence draw and one for the launch frailty, whether or not they are used (aleatory
 * stream), so variants and sensitivity points stay aligned run for run (common random numbers).
 */
import type { Rng } from '../random/index';
import { occurrences, type CalendarOccurrence } from './calendar';
import { DAYS_PER_MONTH } from './launch-model';
import { fromTable, gammaMeanOneQuantiles, QUANTILE_TABLE_SIZE } from './inverse-cdf';
import { DeterrenceMemo, handoffParams } from './deterrence-handoff';
import type { CompiledCrisisModel, CompiledLink } from './compile';

export const FAN_BINS = 100;
/** σ(k) = 1 / (1 + e^(−k)) at k = −41..40 (index k + 41). */
const SIGMOID_AT = Float64Array.from({ length: 82 }, (_, i) => 1 / (1 + Math.exp(-(i - 41))));
/** Upper end of the launch-tempo fan (launch days in 52 weeks; the record year 2022 had 34). */
export const LAUNCH_FAN_MAX = 104;

/** Where a run's results go (all optional; typed arrays owned by a chunk). */
export interface RunSink {
  /** [week][fan row][bin] counts. */
  fan?: Int32Array;
  /** [outcome][week]: runs whose outcome first happened in that week. */
  firstWeek?: Int32Array;
  /** Runs by highest crisis level. */
  highest?: Int32Array;
  /** [level][week]: runs whose ladder position that week was that level. */
  levelByWeek?: Int32Array;
  /** Total occurrences per action (launch days for the launch action). */
  actionTotals?: Float64Array;
  /** AEG outcomes drawn at the threshold (SQ, DC, DD, ED, DE, EE). */
  deterrenceOutcomes?: Int32Array;
}

export interface RunResult {
  /** Bit i set when outcome i happened. */
  outcomes: number;
  highest: number;
}

export type ParamMode = 'sample' | 'base';

/**
 * A probe of the first week (for the mechanism checks): raise a node right after the start state
 * is set (its reference stays the start value), force an action, silence the others, and record
 * each action's probability in week 0 and the state after it.
 */
export interface WeekProbe {
  kickNode: number;
  kickDelta: number;
  /** Action index forced to happen in week 0 (-1: none). */
  forceAction: number;
  /** Output: probability of each event action in week 0. */
  probabilities: Float64Array;
  /** Output: the state after week 0. */
  after: Float64Array;
}

/** Reusable buffers for runs of one model and horizon, with the model's tables flattened into typed arrays. */
export class Workspace {
  readonly weeks: number;
  readonly x: Float64Array;
  readonly x0: Float64Array;
  readonly dX: Float64Array;
  readonly params: Float64Array;
  readonly signals: Float64Array;
  readonly relax: Float64Array;
  readonly growth: Float64Array;
  readonly logitBase: Float64Array;
  readonly done: Uint8Array;
  readonly ring: Float64Array;
  readonly occ: CalendarOccurrence[];
  readonly occActive: Uint8Array;
  readonly memo: DeterrenceMemo | null;
  readonly frailty: Float64Array | null;
  readonly beta: Float64Array;
  readonly fanScale: Float64Array;
  /** Uniforms of a run: parameters (epistemic) and, per week, [deterrence, frailty, actions...] (aleatory). */
  readonly epiU: Float64Array;
  readonly aleU: Float64Array;
  readonly perWeek: number;
  // Flattened link tables: cause, effect, parameter, reference mode and value; per-run strength and reference.
  readonly flow: LinkTable;
  readonly level: LinkTable;
  readonly levelStart: Int32Array;
  readonly logit: LinkTable;
  readonly pulse: LinkTable;
  readonly calPulse: LinkTable;
  // Actions.
  readonly aNode: Int32Array;
  readonly aLaunch: Uint8Array;
  readonly aParam: Int32Array;
  readonly aTalks: Int32Array;
  readonly aLevel: Int32Array;
  readonly aRequires: Int32Array;
  readonly aDuring: Int32Array;
  readonly aThenTalks: Int32Array;
  readonly aThenLevel: Int32Array;
  readonly aCancels: Int32Array;
  readonly aRung: Int32Array;
  readonly aOnce: Uint8Array;
  readonly aLogitStart: Int32Array;
  readonly aLogitEnd: Int32Array;
  readonly aPulseStart: Int32Array;
  readonly aPulseEnd: Int32Array;
  readonly launchParam: number;
  // Outcomes: kind 0 action, 1 talks, 2 level.
  readonly oKind: Int32Array;
  readonly oTarget: Int32Array;
  readonly fanNodes: Int32Array;
  readonly initialParam: Int32Array;
  // Parameter samplers, flattened: kind, value, lo, hi and the PERT quantile tables (P x 257).
  readonly pKind: Uint8Array;
  readonly pValue: Float64Array;
  readonly pLo: Float64Array;
  readonly pHi: Float64Array;
  readonly pTables: Float64Array;

  constructor(
    readonly model: CompiledCrisisModel,
    weeks: number,
    memo?: DeterrenceMemo | null,
  ) {
    this.weeks = weeks;
    const m = model;
    const n = m.nodes.length;
    this.x = new Float64Array(n);
    this.x0 = new Float64Array(n);
    this.dX = new Float64Array(n);
    this.params = new Float64Array(m.params.length);
    this.signals = new Float64Array(m.calendarKinds.length * weeks);
    this.relax = new Float64Array(n);
    this.growth = new Float64Array(n);
    this.logitBase = new Float64Array(m.actions.length);
    this.done = new Uint8Array(m.actions.length);
    this.ring = new Float64Array(52);
    const kindIndex = new Map(m.calendarKinds.map((k, i) => [k, i]));
    this.occ = occurrences(m.calendar, kindIndex, m.startDay, weeks);
    this.occActive = new Uint8Array(this.occ.length);
    this.memo = m.deterrence ? (memo ?? new DeterrenceMemo(m.deterrence)) : null;
    this.frailty = m.launch ? gammaMeanOneQuantiles(m.launch.model.fit.shape) : null;
    this.beta = new Float64Array(m.launch?.model.fit.beta.length ?? 0);
    this.fanScale = new Float64Array(m.fanNodes.length);
    m.fanNodes.forEach((node, f) => (this.fanScale[f] = FAN_BINS / (m.upper[node]! - m.lower[node]!)));
    this.fanNodes = Int32Array.from(m.fanNodes);
    this.initialParam = m.initialParam;
    this.perWeek = m.actions.length + 2;
    this.epiU = new Float64Array(m.params.length);
    this.aleU = new Float64Array(weeks * this.perWeek);

    this.flow = linkTable(m.flows);
    // Level links in the order of their effects (auxiliaries are laid out in dependency order).
    const levelOrder = [...m.levels].sort((a, b) => a.effect - b.effect);
    this.level = linkTable(levelOrder);
    this.levelStart = new Int32Array(m.counts.auxiliaries + 1);
    let k = 0;
    for (let j = 0; j < m.counts.auxiliaries; j++) {
      this.levelStart[j] = k;
      while (k < levelOrder.length && levelOrder[k]!.effect === m.offsets.aux + j) k++;
    }
    this.levelStart[m.counts.auxiliaries] = k;
    this.logit = linkTable(m.logits);
    this.pulse = linkTable(m.pulses);
    this.calPulse = linkTable(m.calendarPulses);

    const acts = m.actions;
    const i32 = (f: (a: (typeof acts)[number]) => number) => Int32Array.from(acts, f);
    this.aNode = i32((a) => a.node);
    this.aLaunch = Uint8Array.from(acts, (a) => (a.kind === 'launch-days' ? 1 : 0));
    this.aParam = i32((a) => a.param);
    this.aTalks = i32((a) => a.talksMask);
    this.aLevel = i32((a) => a.levelMask);
    this.aRequires = i32((a) => a.requires);
    this.aDuring = i32((a) => a.during);
    this.aThenTalks = i32((a) => a.thenTalks);
    this.aThenLevel = i32((a) => a.thenLevel);
    this.aCancels = i32((a) => a.cancels);
    this.aRung = i32((a) => a.rung);
    this.aOnce = Uint8Array.from(acts, (a) => (a.once ? 1 : 0));
    this.aLogitStart = i32((a) => a.logitStart);
    this.aLogitEnd = i32((a) => a.logitEnd);
    this.aPulseStart = i32((a) => a.pulseStart);
    this.aPulseEnd = i32((a) => a.pulseEnd);
    this.launchParam = acts.find((a) => a.kind === 'launch-days')?.param ?? -1;
    const specs = m.params;
    this.pKind = Uint8Array.from(specs, (p) => p.sampler.kind);
    this.pValue = Float64Array.from(specs, (p) => p.value);
    this.pLo = Float64Array.from(specs, (p) => p.lo);
    this.pHi = Float64Array.from(specs, (p) => p.hi);
    this.pTables = new Float64Array(specs.length * QUANTILE_TABLE_SIZE);
    specs.forEach((p, i) => p.sampler.table && this.pTables.set(p.sampler.table, i * QUANTILE_TABLE_SIZE));
    this.oKind = Int32Array.from(m.outcomes, (o) => (o.kind === 'action' ? 0 : o.kind === 'talks' ? 1 : 2));
    this.oTarget = Int32Array.from(m.outcomes, (o) => (o.kind === 'action' ? m.offsets.action + o.target : o.target));
  }
}

/** A link list as parallel typed arrays, with per-run strengths and references. */
export interface LinkTable {
  readonly n: number;
  readonly cause: Int32Array;
  readonly effect: Int32Array;
  readonly param: Int32Array;
  readonly refMode: Uint8Array;
  readonly refValue: Float64Array;
  readonly strength: Float64Array;
  readonly ref: Float64Array;
}

function linkTable(links: readonly CompiledLink[]): LinkTable {
  return {
    n: links.length,
    cause: Int32Array.from(links, (l) => l.cause),
    effect: Int32Array.from(links, (l) => l.effect),
    param: Int32Array.from(links, (l) => l.param),
    refMode: Uint8Array.from(links, (l) => l.refMode),
    refValue: Float64Array.from(links, (l) => l.refValue),
    strength: new Float64Array(links.length),
    ref: new Float64Array(links.length),
  };
}

function prepareLinks(t: LinkTable, params: Float64Array, x0: Float64Array): void {
  for (let l = 0; l < t.n; l++) {
    t.strength[l] = params[t.param[l]!]!;
    const mode = t.refMode[l]!;
    t.ref[l] = mode === 0 ? x0[t.cause[l]!]! : mode === 2 ? t.refValue[l]! : 0;
  }
}

/**
 * Runs one simulation. `streams` are the run's epistemic and aleatory generators; `overrides`
 * sets parameters (index, value pairs) after sampling.
 */
export function runOne(
  ws: Workspace,
  streams: { epistemic: Rng; aleatory: Rng },
  mode: ParamMode,
  overrides: ArrayLike<number> | null,
  sink: RunSink | null,
  probe?: WeekProbe,
): RunResult {
  const m = ws.model;
  const { x, x0, dX, params, signals, relax, growth, logitBase, done, ring, epiU, aleU } = ws;
  const weeks = ws.weeks;
  const specs = m.params;

  // 1. Parameters: one uniform each, in key order (the table's order).
  streams.epistemic.fillUniform(epiU);
  sampleParams(ws, mode, specs.length);
  if (overrides) for (let k = 0; k + 1 < overrides.length; k += 2) params[overrides[k]!] = overrides[k + 1]!;
  streams.aleatory.fillUniform(aleU);

  // 2. Start state.
  x.fill(0);
  dX.fill(0);
  const nState = m.offsets.calendar;
  const initialParam = ws.initialParam;
  for (let i = 0; i < nState; i++) {
    x[i] = params[initialParam[i]!]!;
    const hp = m.halfLifeParam[i]!;
    relax[i] = hp >= 0 ? 1 - Math.pow(2, -1 / params[hp]!) : 0;
    const gp = m.growthParam[i]!;
    growth[i] = gp >= 0 ? params[gp]! : 0;
  }
  const talksNode = m.offsets.talks;
  const levelNode = m.offsets.level;
  const aux0Start = m.offsets.aux;
  x0.set(x);
  let talks = 0;
  let level = 0;

  // Calendar signals of this run (intensities are parameters).
  signals.fill(0);
  const nKinds = m.calendarKinds.length;
  for (let o = 0; o < ws.occ.length; o++) {
    const oc = ws.occ[o]!;
    ws.occActive[o] = 1;
    const ip = m.calendar[oc.item]!.intensityParam;
    const intensity = ip >= 0 ? params[ip]! : 1;
    const base = oc.kind * weeks + oc.firstWeek;
    for (let j = 0; j < oc.weights.length; j++) signals[base + j]! += intensity * oc.weights[j]!;
  }

  const flow = ws.flow;
  const lev = ws.level;
  const logit = ws.logit;
  const pulse = ws.pulse;
  const calPulse = ws.calPulse;
  prepareLinks(flow, params, x0);
  prepareLinks(lev, params, x0);
  prepareLinks(logit, params, x0);
  prepareLinks(pulse, params, x0);
  prepareLinks(calPulse, params, x0);

  if (probe && probe.kickNode >= 0 && (probe.kickNode < aux0Start || (probe.kickNode >= m.offsets.policy && probe.kickNode < m.offsets.calendar))) x[probe.kickNode]! += probe.kickDelta;
  const nActions = ws.aNode.length;
  for (let a = 0; a < nActions; a++) {
    const p = params[ws.aParam[a]!]!;
    logitBase[a] = Math.log(p) - Math.log1p(-p);
    done[a] = 0;
  }

  // Launch model state.
  const launch = m.launch;
  const beta = ws.beta;
  let sum52 = 0;
  let frailty = 1;
  let month = -1;
  if (launch) {
    const fit = launch.model.fit;
    for (let i = 0; i < beta.length; i++) {
      let b = fit.beta[i]!;
      const row = launch.cholesky[i]!;
      for (let k = 0; k <= i; k++) b += row[k]! * params[launch.zParams[k]!]!;
      beta[i] = b;
    }
    const recent = params[ws.launchParam]!;
    ring.fill(recent / 52);
    sum52 = recent;
  }
  const b0 = launch ? beta[0]! : 0;
  const b1 = launch ? beta[1]! : 0;
  const b2 = launch ? beta[2]! : 0;
  const b3 = launch ? beta[3]! : 0;
  const exerciseNode = m.exerciseNode;
  const weekScale = 7 / DAYS_PER_MONTH;

  // Deterrence hand-off parameters of this run.
  const handoff = m.deterrence;
  const kStrat = handoff ? params[handoff.strategicPerStrikeCost]! : 0;
  const kSq = handoff ? params[handoff.statusQuoPerUnit]! : 0;

  let outcomesBits = 0;
  let highest = 0;
  const nOutcomes = ws.oKind.length;
  const fanNodes = ws.fanNodes;
  const nFan = fanNodes.length;
  // Fan histograms are laid out [week][row][bin], so a week's increments stay close together.
  const fanStride = (nFan + (m.launch ? 1 : 0)) * FAN_BINS;
  const fan = sink?.fan;
  const firstWeek = sink?.firstWeek;
  const levelByWeek = sink?.levelByWeek;
  const actionTotals = sink?.actionTotals;
  const nLevels = m.ladder.levels.length;
  const threshold = m.ladder.threshold;
  const aux0 = m.offsets.aux;
  const nAux = m.counts.auxiliaries;
  const nStocks = m.counts.stocks;
  const calOff = m.offsets.calendar;
  const lower = m.lower;
  const upper = m.upper;
  const perWeek = ws.perWeek;
  const { aNode, aLaunch, aTalks, aLevel, aRequires, aDuring, aThenTalks, aThenLevel, aCancels, aRung, aOnce, aLogitStart, aLogitEnd, aPulseStart, aPulseEnd, oKind, oTarget, levelStart, fanScale } = ws;
  // The link tables as locals (typed arrays), so the weekly loop reads them without property lookups.
  const lS = lev.strength, lC = lev.cause, lR = lev.ref;
  const fS = flow.strength, fC = flow.cause, fR = flow.ref, fE = flow.effect, nFlow = flow.n;
  const gS = logit.strength, gC = logit.cause, gR = logit.ref;
  const pS = pulse.strength, pE = pulse.effect;
  const cS = calPulse.strength, cC = calPulse.cause, cE = calPulse.effect, nCal = calPulse.n;

  for (let w = 0; w < weeks; w++) {
    const uBase = w * perWeek;
    // 1. Calendar.
    for (let k = 0; k < nKinds; k++) x[calOff + k] = signals[k * weeks + w]!;
    if (probe && probe.kickNode >= calOff && probe.kickNode < m.offsets.action) x[probe.kickNode]! += probe.kickDelta;
    // 2. Auxiliaries.
    for (let j = 0; j < nAux; j++) {
      const node = aux0 + j;
      let v = x0[node]!;
      for (let l = levelStart[j]!; l < levelStart[j + 1]!; l++) v += lS[l]! * (x[lC[l]!]! - lR[l]!);
      x[node] = v < lower[node]! ? lower[node]! : v > upper[node]! ? upper[node]! : v;
      if (probe && node === probe.kickNode) x[node]! += probe.kickDelta;
    }
    // 3. Flows (from the state at the start of the week).
    for (let i = 0; i < nStocks; i++) dX[i] = growth[i]! + relax[i]! * (x0[i]! - x[i]!);
    for (let l = 0; l < nFlow; l++) dX[fE[l]!]! += fS[l]! * (x[fC[l]!]! - fR[l]!);
    // 4. Actions.
    let weekRung = 0;
    if (launch) {
      const mIndex = Math.floor((w * 7) / DAYS_PER_MONTH);
      if (mIndex !== month) {
        month = mIndex;
        frailty = fromTable(ws.frailty!, aleU[uBase + 1]!);
      }
    }
    for (let a = 0; a < nActions; a++) {
      const node = aNode[a]!;
      const req = aRequires[a]!;
      const dur = aDuring[a]!;
      if (
        ((aTalks[a]! & (1 << talks)) === 0 || (aLevel[a]! & (1 << level)) === 0 || (req >= 0 && x[req]! <= 0) || (dur >= 0 && x[dur]! <= 0) || (aOnce[a] === 1 && done[a] === 1)) &&
        !probe
      ) {
        x[node] = 0;
        if (aLaunch[a] === 1) {
          // A closed gate is a week without launches: the 52-week window still moves on.
          const slot = w % 52;
          sum52 -= ring[slot]!;
          ring[slot] = 0;
        }
        continue;
      }
      const u = aleU[uBase + 2 + a]!;
      let count = 0;
      if (aLaunch[a] === 0) {
        let eta = logitBase[a]!;
        for (let l = aLogitStart[a]!; l < aLogitEnd[a]!; l++) eta += gS[l]! * (x[gC[l]!]! - gR[l]!);
        // u < σ(η), with a table of σ at the integers first: σ(η) < σ(⌊η⌋ + 1), so most weeks of a rare
        // action are decided without an exponential.
        const t = eta < -40 ? -40 : eta > 39 ? 39 : Math.floor(eta);
        if (u < SIGMOID_AT[t + 41]! && u * (1 + Math.exp(-eta)) < 1) count = 1;
        if (probe) {
          probe.probabilities[a] = 1 / (1 + Math.exp(-eta));
          count = a === probe.forceAction ? 1 : 0;
        }
      } else {
        const exercise = exerciseNode >= 0 ? x[exerciseNode]! : 0;
        const lambda = Math.exp(b0 + b1 * exercise + (talks >= 2 ? b2 : 0) + b3 * Math.log1p(sum52)) * weekScale * frailty;
        let p = Math.exp(-lambda);
        let F = p;
        while (u > F && count < 7) {
          count++;
          p *= lambda / count;
          F += p;
        }
        if (probe) count = a === probe.forceAction ? 1 : 0;
        const slot = w % 52;
        sum52 += count - ring[slot]!;
        ring[slot] = count;
      }
      x[node] = count;
      if (count === 0) continue;
      if (actionTotals) actionTotals[a]! += count;
      done[a] = 1;
      if (aThenTalks[a]! >= 0) {
        talks = aThenTalks[a]!;
        x[talksNode] = talks;
      }
      if (aThenLevel[a]! >= 0) {
        let next = aThenLevel[a]!;
        if (handoff && next === threshold && level < threshold) {
          const decision = ws.memo!.decide(handoffParams(handoff, x, x0, kStrat, kSq));
          const uDeterrence = aleU[uBase]!;
          let k = 0;
          while (k < 5 && uDeterrence > decision.cumulative[k]!) k++;
          next = handoff.outcomeLevels[k]!;
          if (sink?.deterrenceOutcomes) sink.deterrenceOutcomes[k]!++;
        }
        level = next;
        x[levelNode] = level;
      }
      if (aCancels[a]! >= 0) cancelCalendar(ws, aCancels[a]! - calOff, w);
      if (aRung[a]! > weekRung) weekRung = aRung[a]!;
    }
    // 5. Pulses.
    for (let a = 0; a < nActions; a++) {
      const count = x[aNode[a]!]!;
      if (count === 0) continue;
      for (let l = aPulseStart[a]!; l < aPulseEnd[a]!; l++) x[pE[l]!]! += pS[l]! * count;
    }
    for (let l = 0; l < nCal; l++) {
      const sgn = x[cC[l]!]!;
      if (sgn !== 0) x[cE[l]!]! += cS[l]! * sgn;
    }
    // 6. Stocks.
    for (let i = 0; i < nStocks; i++) {
      const v = x[i]! + dX[i]!;
      x[i] = v < lower[i]! ? lower[i]! : v > upper[i]! ? upper[i]! : v;
    }
    const position = level > weekRung ? level : weekRung;
    if (position > highest) highest = position;
    if (probe) {
      probe.after.set(x);
      break;
    }
    if (levelByWeek) levelByWeek[position * weeks + w]!++;
    // Outcomes.
    for (let o = 0; o < nOutcomes; o++) {
      if (outcomesBits & (1 << o)) continue;
      const kind = oKind[o]!;
      const target = oTarget[o]!;
      if (kind === 0 ? x[target]! > 0 : kind === 1 ? talks >= target : position >= target) {
        outcomesBits |= 1 << o;
        if (firstWeek) firstWeek[o * weeks + w]!++;
      }
    }
    // Fans.
    if (fan) {
      const rowBase = w * fanStride;
      for (let f = 0; f < nFan; f++) {
        const node = fanNodes[f]!;
        let bin = Math.floor((x[node]! - lower[node]!) * fanScale[f]!);
        if (bin >= FAN_BINS) bin = FAN_BINS - 1;
        else if (bin < 0) bin = 0;
        fan[rowBase + f * FAN_BINS + bin]!++;
      }
      if (launch) {
        // The launch tempo (launch days in the last 52 weeks) as one more fan row, on [0, LAUNCH_FAN_MAX].
        // sum52 is a running sum of fractions (the start spreads the recent days over the 52 slots):
        // when they all leave the window, rounding can leave it a hair below 0.
        let bin = Math.floor((sum52 * FAN_BINS) / LAUNCH_FAN_MAX);
        if (bin >= FAN_BINS) bin = FAN_BINS - 1;
        else if (bin < 0) bin = 0;
        fan[rowBase + nFan * FAN_BINS + bin]!++;
      }
    }
  }
  if (sink?.highest) sink.highest[highest < nLevels ? highest : nLevels - 1]!++;
  return { outcomes: outcomesBits, highest };
}

/** Draws every parameter from its uniform (inverse CDF, inlined for the PERT tables), or sets the base values. */
function sampleParams(ws: Workspace, mode: ParamMode, n: number): void {
  const { params, epiU, pKind, pValue, pLo, pHi, pTables } = ws;
  const order = ws.model.uniformIndex;
  if (mode === 'base') {
    params.set(pValue);
    return;
  }
  const last = QUANTILE_TABLE_SIZE - 1;
  for (let p = 0; p < n; p++) {
    const kind = pKind[p]!;
    const u = epiU[order[p]!]!;
    if (kind === 1) {
      const x = u * last;
      const k = x >= last ? last - 1 : Math.floor(x);
      const off = p * QUANTILE_TABLE_SIZE + k;
      params[p] = pTables[off]! + (x - k) * (pTables[off + 1]! - pTables[off]!);
    } else if (kind === 0) params[p] = pValue[p]!;
    else if (kind === 3) params[p] = pLo[p]! + u * (pHi[p]! - pLo[p]!);
    else params[p] = ws.model.params[p]!.sampler.sample(u);
  }
}

/** Calls off the calendar item of `kind` active in week w for the rest of its window. */
function cancelCalendar(ws: Workspace, kind: number, w: number): void {
  const m = ws.model;
  for (let o = 0; o < ws.occ.length; o++) {
    const oc = ws.occ[o]!;
    if (oc.kind !== kind || ws.occActive[o] === 0 || w < oc.firstWeek || w >= oc.firstWeek + oc.weights.length) continue;
    ws.occActive[o] = 0;
    const ip = m.calendar[oc.item]!.intensityParam;
    const intensity = ip >= 0 ? ws.params[ip]! : 1;
    for (let j = w + 1 - oc.firstWeek; j < oc.weights.length; j++) ws.signals[kind * ws.weeks + oc.firstWeek + j]! -= intensity * oc.weights[j]!;
  }
}
