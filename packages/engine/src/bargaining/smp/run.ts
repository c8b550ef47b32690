/**
 * runSmp: the Spatial Model of Politics run to KTAB's stopping rule (KTAB examples/smp/libsrc/smp.cpp
 * SMPModel::runModel and KTAB/kmodel/libsrc/kmodel.cpp Model::run, as driven by `smpc --csv`;
 * described in docs/smp.md, "What it computes").
 *
 * State 0 is the input (positions/100, saliences/100, ideals = positions). Each step: assess the
 * state (distances, risk attitudes), choose challenges and bargains, resolve every actor's
 * candidates (step.ts), set ideals to the new positions (identity accommodation), then apply the
 * stopping rule (stopping.ts). Per state we record positions (0..100) and the probability that each
 * actor's position is the group's choice (state.ts).
 *
 * Deviations from KTAB, all outside its accepted inputs: 2 actors are allowed (KTAB needs 3..250),
 * and a state where every option is equally likely gets neutral risk attitudes unless `strict`.
 */
import { InputError } from '../../errors';
import { createRng } from '../../random/rng';
import { assessState, positionProbabilities, selfUtilities, type SmpModelData } from './state';
import { bargainStep } from './step';
import { shouldStopAfter, stopRatio } from './stopping';
import {
  KTAB_DEFAULT_SWITCHES,
  type SmpInput,
  type SmpModelSwitches,
  type SmpOptions,
  type SmpResult,
  type SmpStopReason,
  type SmpTurnLog,
} from './types';

const SWITCH_VALUES: { [K in keyof SmpModelSwitches]: readonly SmpModelSwitches[K][] } = {
  victoryProbModel: ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'],
  pceModel: ['Conditional', 'MarkovIncentive', 'MarkovUniform'],
  stateTransition: ['Deterministic', 'Stochastic'],
  votingRule: ['Proportional', 'Binary', 'PropBin', 'PropCbc', 'Cubic', 'ASymProsp'],
  riskRange: ['Min', 'Mid', 'Max'],
  riskAdjust: ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'],
  thirdPartyCommit: ['NoCommit', 'SemiCommit', 'FullCommit'],
  bargainInterpolation: ['S1P1', 'S2P2', 'S2PMax'],
  bargainModel: ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'],
};

/** Allowed values of each model switch (for CLIs and forms). */
export const SMP_SWITCH_VALUES = SWITCH_VALUES;

function resolveSwitches(options: SmpOptions): SmpModelSwitches {
  const sw = { ...KTAB_DEFAULT_SWITCHES } as SmpModelSwitches;
  for (const key of Object.keys(SWITCH_VALUES) as (keyof SmpModelSwitches)[]) {
    const v = options[key];
    if (v === undefined) continue;
    if (!(SWITCH_VALUES[key] as readonly string[]).includes(v)) {
      throw new InputError(`unknown value ${JSON.stringify(v)}`, { place: key, expected: SWITCH_VALUES[key].join(' | ') });
    }
    (sw as unknown as Record<string, string>)[key] = v;
  }
  return sw;
}

function checkNumber(value: unknown, place: string, min: number, max: number, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InputError(`${what} must be a number in [${min}, ${max}], got ${JSON.stringify(value)}`, { place, expected: `${min}..${max}` });
  }
  return value;
}

function positiveInt(value: number | undefined, dflt: number, place: string, min: number): number {
  if (value === undefined) return dflt;
  if (!Number.isInteger(value) || value < min) throw new InputError(`must be an integer >= ${min}, got ${value}`, { place });
  return value;
}

/** Validate an SmpInput and build the internal [0,1] model data. Errors carry JSON paths. */
export function buildSmpModel(input: SmpInput): { model: SmpModelData; pos0: Float64Array } {
  if (!input || !Array.isArray(input.actors)) throw new InputError('actors must be an array', { place: '$.actors' });
  if (!Array.isArray(input.dimensions)) throw new InputError('dimensions must be an array', { place: '$.dimensions' });
  const n = input.actors.length;
  const dims = input.dimensions.length;
  if (n < 2) throw new InputError(`the SMP needs at least 2 actors (KTAB: 3), got ${n}`, { place: '$.actors' });
  if (dims < 1) throw new InputError('the SMP needs at least one dimension', { place: '$.dimensions' });
  if (!Array.isArray(input.positions) || input.positions.length !== n) {
    throw new InputError(`positions must have one row per actor (${n})`, { place: '$.positions' });
  }
  if (!Array.isArray(input.saliences) || input.saliences.length !== n) {
    throw new InputError(`saliences must have one row per actor (${n})`, { place: '$.saliences' });
  }
  const power = new Float64Array(n);
  const pos = new Float64Array(n * dims);
  const sal = new Float64Array(n * dims);
  const totalSalience = new Float64Array(n);
  const salientPower = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = input.actors[i]!;
    if (!a || typeof a.name !== 'string' || a.name.length === 0) {
      throw new InputError('actor name must be a non-empty string', { place: `$.actors[${i}].name` });
    }
    power[i] = checkNumber(a.power, `$.actors[${i}].power`, 0, 1e8, 'power');
    if (!(power[i]! > 0)) throw new InputError('power must be positive (a zero voting weight is an error in KTAB)', { place: `$.actors[${i}].power`, expected: '> 0' });
    const pr = input.positions[i];
    const sr = input.saliences[i];
    if (!Array.isArray(pr) || pr.length !== dims) throw new InputError(`need ${dims} coordinates`, { place: `$.positions[${i}]` });
    if (!Array.isArray(sr) || sr.length !== dims) throw new InputError(`need ${dims} saliences`, { place: `$.saliences[${i}]` });
    let rawSum = 0;
    for (let k = 0; k < dims; k++) {
      const x = checkNumber(pr[k], `$.positions[${i}][${k}]`, 0, 100, 'position');
      const s = checkNumber(sr[k], `$.saliences[${i}][${k}]`, 0, 100, 'salience');
      rawSum = rawSum + s;
      if (rawSum > 100) {
        throw new InputError(`total salience of actor ${a.name} exceeds 100 (${rawSum})`, { place: `$.saliences[${i}]`, expected: 'sum <= 100' });
      }
      pos[i * dims + k] = x / 100.0;
      sal[i * dims + k] = s / 100.0;
    }
    let si = 0.0;
    for (let k = 0; k < dims; k++) si = si + sal[i * dims + k]!;
    if (!(si > 0)) throw new InputError(`actor ${a.name} has zero total salience`, { place: `$.saliences[${i}]`, expected: 'sum > 0' });
    totalSalience[i] = si;
    salientPower[i] = si * power[i]!;
  }
  return { model: { n, dims, power, sal, totalSalience, salientPower }, pos0: pos };
}

function toScale(pos: Float64Array, n: number, dims: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let k = 0; k < dims; k++) row.push(100 * pos[i * dims + k]!);
    out.push(row);
  }
  return out;
}

export function runSmp(input: SmpInput, options: SmpOptions = {}): SmpResult {
  const sw = resolveSwitches(options);
  const maxTurns = positiveInt(options.maxTurns, 100, 'maxTurns', 1);
  const minTurns = positiveInt(options.minTurns, 2, 'minTurns', 1);
  const minDeltaRatio = options.minDeltaRatio ?? 0.02;
  const minSigDelta = options.minSigDelta ?? 1e-4;
  const positionTolerance = options.positionTolerance ?? 1e-3;
  const seed = options.seed ?? 1;
  const strict = options.strict ?? false;
  const tieBreak = options.tieBreak ?? 'lowestIndex';
  const ktabQuirks = options.ktabQuirks ?? false;
  if (typeof ktabQuirks !== 'boolean') throw new InputError('must be true or false', { place: 'ktabQuirks', expected: 'boolean' });
  if (tieBreak !== 'lowestIndex' && tieBreak !== 'symmetric') {
    throw new InputError(`unknown value ${JSON.stringify(tieBreak)}`, { place: 'tieBreak', expected: 'lowestIndex | symmetric' });
  }
  if (!(minDeltaRatio >= 0)) throw new InputError('must be >= 0', { place: 'minDeltaRatio' });
  if (!(minSigDelta >= 0)) throw new InputError('must be >= 0', { place: 'minSigDelta' });
  if (!(positionTolerance > 0)) throw new InputError('must be > 0', { place: 'positionTolerance' });
  if (!Number.isInteger(seed)) throw new InputError('must be an integer', { place: 'seed' });

  const { model, pos0 } = buildSmpModel(input);
  const { n, dims } = model;
  // Stochastic transitions: one stream per step and actor (engine generator, split by key), so a
  // draw does not depend on the order in which actors resolve.
  const rng = createRng(seed);

  const history: Float64Array[] = [pos0];
  const positions: number[][][] = [toScale(pos0, n, dims)];
  const probHistory: number[][] = Array.from({ length: n }, () => []);
  const stopRatioHistory: number[] = [];
  const log: SmpTurnLog[] = [];

  let state = assessState(model, pos0, pos0.slice(), sw, strict);
  let selfUtil = selfUtilities(model, state, sw);
  let probs = positionProbabilities(model, state, selfUtil, sw, positionTolerance);
  for (let i = 0; i < n; i++) probHistory[i]!.push(probs.perActor[i]!);

  let turn = 0;
  let stopReason: SmpStopReason;
  for (;;) {
    if (options.shouldStop?.()) {
      stopReason = 'cancelled';
      break;
    }
    const turnRng = rng.split(`turn:${turn}`);
    const step = bargainStep(model, state, selfUtil, sw, (actor) => turnRng.split(actor).next(), tieBreak, ktabQuirks);
    log.push({ turn, riskAttitudes: Array.from(state.risk), challenges: step.challenges, moves: step.moves });
    turn += 1;
    history.push(step.pos);
    positions.push(toScale(step.pos, n, dims));
    state = assessState(model, step.pos, step.pos.slice(), sw, strict);
    selfUtil = selfUtilities(model, state, sw);
    probs = positionProbabilities(model, state, selfUtil, sw, positionTolerance);
    for (let i = 0; i < n; i++) probHistory[i]!.push(probs.perActor[i]!);
    const ratio = stopRatio(history, turn, n, dims, minSigDelta);
    stopRatioHistory.push(ratio);
    options.onTurn?.({ turn, maxTurns, stopRatio: ratio });
    if (shouldStopAfter(turn, ratio, { minTurns, maxTurns, minDeltaRatio, minSigDelta })) {
      stopReason = turn >= maxTurns && !(turn >= minTurns && ratio < minDeltaRatio) ? 'maxTurns' : 'converged';
      break;
    }
  }

  const final = positions[positions.length - 1]!;
  const finalProb = Array.from(probs.perActor);
  let mostLikelyActor = 0;
  for (let i = 1; i < n; i++) if (finalProb[i]! > finalProb[mostLikelyActor]!) mostLikelyActor = i;
  const expectedPosition = new Array<number>(dims).fill(0);
  probs.unique.forEach((rep, x) => {
    for (let k = 0; k < dims; k++) expectedPosition[k]! += probs.uniqueProb[x]! * final[rep]![k]!;
  });

  return {
    format: 'brink-smp-result/1',
    name: input.name,
    actors: input.actors.map((a) => a.name),
    dims: input.dimensions.map((d) => d.name),
    scale: '0..100',
    turns: turn,
    positions,
    final,
    probHistory,
    stopRatioHistory,
    stopReason,
    log,
    forecast: {
      finalProb,
      mostLikelyActor,
      mostLikelyPosition: [...final[mostLikelyActor]!],
      expectedPosition,
    },
    options: { ...sw, maxTurns, minTurns, minDeltaRatio, minSigDelta, positionTolerance, seed, tieBreak, ktabQuirks },
  };
}
