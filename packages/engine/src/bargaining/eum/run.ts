/**
 * The EUM round loop ([SCS], the model's steps; docs/bargaining.md, "What the EUM computes", step 6,
 * and "Stopping rule").
 *
 * Round t, from positions x(t):
 *   1. μ(t) = median voter position of x(t) (votes.ts) with weights c_i s_i;
 *   2. P_i(j) for all pairs (probability.ts);
 *   3. risk exponents r_i from security levels at r = 1 (risk.ts);
 *   4. EU_i(j) with r_i, and each receiver's perception of its challengers' EU (expected-utility.ts);
 *   5. every j with EU_j(i) > 0 proposes; receivers classify and accept at most one offer (offers.ts);
 *   6. all actors move simultaneously to x(t+1).
 * Forecast: μ of the final positions. Stopping (the paper runs "until the issue is resolved"; our
 * choice, options): no position moves more than tolerance·Δx ('converged'); μ unchanged for
 * `stableMedianRounds` rounds ('median-stable', off by default); or `maxRounds` ('max-rounds').
 *
 * Veto players (actors with `veto: true`; a departure documented in docs/decisions/0008): [SCS] has
 * no veto rule. Following Tsebelis (2002, Veto Players, ch. 1: an outcome needs the agreement of
 * every veto player), (1) a challenge against a veto player cannot be won against its resistance:
 * P_i(j) = 0 when j is a veto player (so i's EU_i(j) counts only on j not resisting, 1 − s_j), and
 * (2) the forecast is the group's μ moved into [min, max] of the veto players' final positions
 * (on a line, the set no veto player would block in favour of another point of it: their
 * unanimity core), with the unconstrained μ reported beside it.
 */
import { InputError } from '../../errors';
import { dyadEuMatrices, type ChallengeContext } from './expected-utility';
import { chooseOffer, classifyOffer } from './offers';
import { successProbabilities, successProbabilitiesWithRisk } from './probability';
import { riskFromSecurity } from './risk';
import { DEFAULT_EUM_OPTIONS, type EumInput, type EumMove, type EumOffer, type EumOptions, type EumResult, type EumRound, type EumStopReason } from './types';
import { medianVoterPosition } from './votes';

/** Checks the input and options; throws InputError naming the place. */
export function validateEumInput(input: EumInput, options: EumOptions): void {
  if (!Array.isArray(input.actors) || input.actors.length < 2) throw new InputError('the EUM needs at least 2 actors', { place: '$.actors' });
  input.actors.forEach((a, i) => {
    if (!Number.isFinite(a.position)) throw new InputError(`position must be a finite number, got ${a.position}`, { place: `$.actors[${i}].position` });
    if (!(a.capability > 0) || !Number.isFinite(a.capability)) throw new InputError(`capability must be > 0, got ${a.capability}`, { place: `$.actors[${i}].capability` });
    if (!(a.salience >= 0 && a.salience <= 1)) throw new InputError(`salience must be in [0, 1], got ${a.salience}`, { place: `$.actors[${i}].salience` });
  });
  if (input.actors.every((a) => a.salience === 0)) throw new InputError('every salience is 0: no actor casts a vote', { place: '$.actors[*].salience' });
  const choices: [keyof EumOptions, readonly string[]][] = [
    ['rangeMode', ['initial', 'fixed']],
    ['medianRule', ['weighted-median', 'weighted-mean']],
    ['probabilityRule', ['vote-share', 'net-votes', 'all-triples']],
    ['perspective', ['perceiver', 'actor']],
    ['offerChoice', ['smallest-move', 'largest-sender-eu', 'conflict-first']],
  ];
  for (const [key, allowed] of choices) {
    if (!allowed.includes(options[key] as string)) throw new InputError(`${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(options[key])}`, { place: key });
  }
  if (!(options.tolerance >= 0)) throw new InputError(`tolerance must be >= 0, got ${options.tolerance}`, { place: 'tolerance' });
  if (!(Number.isInteger(options.stableMedianRounds) && options.stableMedianRounds >= 0)) {
    throw new InputError(`stableMedianRounds must be a whole number >= 0, got ${options.stableMedianRounds}`, { place: 'stableMedianRounds' });
  }
  if (options.rangeMode === 'fixed' && !(options.fixedRange > 0)) throw new InputError(`fixedRange must be > 0, got ${options.fixedRange}`, { place: 'fixedRange' });
  if (!(options.q >= 0 && options.q <= 1)) throw new InputError(`q must be in [0, 1], got ${options.q}`, { place: 'q' });
  if (!(options.t >= 0 && options.t <= 1)) throw new InputError(`t must be in [0, 1], got ${options.t}`, { place: 't' });
  if (!(Number.isInteger(options.maxRounds) && options.maxRounds >= 0)) throw new InputError(`maxRounds must be a whole number >= 0, got ${options.maxRounds}`, { place: 'maxRounds' });
}

/** Runs the model to its stopping rule. */
export function runEum(input: EumInput, opts: Partial<EumOptions> = {}): EumResult {
  const options: EumOptions = { ...DEFAULT_EUM_OPTIONS, ...opts };
  validateEumInput(input, options);
  const n = input.actors.length;
  const saliences = input.actors.map((a) => a.salience);
  const weights = input.actors.map((a) => a.capability * a.salience);
  const vetoes = input.actors.map((a) => a.veto === true);
  let positions = input.actors.map((a) => a.position);
  const lo = Math.min(...positions);
  const hi = Math.max(...positions);
  const range = options.rangeMode === 'fixed' ? options.fixedRange : hi - lo;

  const history: number[][] = [positions.slice()];
  const medians: number[] = [medianVoterPosition(positions, weights, options.medianRule)];
  const rounds: EumRound[] = [];
  let stopReason: EumStopReason = 'max-rounds';
  if (!(range > 0)) {
    stopReason = 'no-spread';
  } else {
    let stableFor = 0;
    for (let t = 1; t <= options.maxRounds; t++) {
      const median = medians[medians.length - 1]!;
      const current = positions;
      const probabilities = (risk?: readonly number[]): number[][] =>
        withVeto(options.riskInVotes ? successProbabilitiesWithRisk(current, weights, options.probabilityRule, range, risk) : successProbabilities(current, weights, options.probabilityRule), vetoes);
      const ctx: ChallengeContext = {
        positions,
        saliences,
        probabilities: probabilities(),
        median,
        range,
        q: options.q,
        t: options.t,
      };
      const { security, risk } = options.riskFromSecurity ? riskFromSecurity(ctx) : { security: new Array<number>(n).fill(0), risk: new Array<number>(n).fill(1) };
      // With risk-bent votes the second pass re-estimates the probabilities with the new exponents.
      const dyadCtx = options.riskInVotes && options.riskFromSecurity ? { ...ctx, probabilities: probabilities(risk) } : ctx;
      const { offers, moves, next } = playRound(dyadCtx, risk, options);
      positions = next;
      history.push(positions.slice());
      const newMedian = medianVoterPosition(positions, weights, options.medianRule);
      medians.push(newMedian);
      rounds.push({ round: t, median, risk, security, offers, moves, positions: positions.slice() });
      const maxMove = moves.reduce((m, mv) => Math.max(m, Math.abs(mv.to - mv.from)), 0);
      if (maxMove <= options.tolerance * range) {
        stopReason = 'converged';
        break;
      }
      stableFor = Math.abs(newMedian - median) <= options.tolerance * range ? stableFor + 1 : 0;
      if (options.stableMedianRounds > 0 && stableFor >= options.stableMedianRounds) {
        stopReason = 'median-stable';
        break;
      }
    }
  }
  const unconstrainedForecast = medians[medians.length - 1]!;
  const vetoFinal = positions.filter((_, i) => vetoes[i]);
  const vetoInterval: [number, number] | undefined = vetoFinal.length > 0 ? [Math.min(...vetoFinal), Math.max(...vetoFinal)] : undefined;
  return {
    actors: input.actors.map((a) => a.name),
    range,
    turns: rounds.length,
    positions: history,
    medians,
    rounds,
    forecast: vetoInterval ? Math.min(vetoInterval[1], Math.max(vetoInterval[0], unconstrainedForecast)) : unconstrainedForecast,
    unconstrainedForecast,
    ...(vetoInterval ? { vetoInterval } : {}),
    stopReason,
    options,
  };
}

/** P_i(j) = 0 for every challenger i of a veto player j (see the header). */
function withVeto(p: number[][], vetoes: readonly boolean[]): number[][] {
  if (!vetoes.some(Boolean)) return p;
  for (let i = 0; i < p.length; i++) for (let j = 0; j < p.length; j++) if (i !== j && vetoes[j]) p[i]![j] = 0;
  return p;
}

/** Steps 4-6 of a round: offers, classification, simultaneous moves. */
function playRound(ctx: ChallengeContext, risk: readonly number[], options: EumOptions): { offers: EumOffer[]; moves: EumMove[]; next: number[] } {
  const n = ctx.positions.length;
  const offers: EumOffer[] = [];
  // own[i][j] = EU_i(j) with r_i: i's own expectation of challenging j (the receiver's "a" when j proposes to i);
  // perceived[i][j] = EU_j(i) as i sees it, with r_i (the receiver's "b").
  const { own, perceived } = dyadEuMatrices(ctx, risk);
  const next = ctx.positions.slice();
  const moves: EumMove[] = [];
  const received: EumOffer[] = [];
  for (let i = 0; i < n; i++) {
    const xi = ctx.positions[i]!;
    received.length = 0;
    for (let j = 0; j < n; j++) {
      const xj = ctx.positions[j]!;
      if (i === j || xi === xj) continue;
      const senderEu = own[j]![i]!;
      if (!(senderEu > 0)) continue;
      const a = own[i]![j]!;
      const b = options.perspective === 'perceiver' ? perceived[i]![j]! : senderEu;
      const { kind, newPosition } = classifyOffer(xi, xj, a, b);
      // Without recordOffers only offers that would move i are kept (the others cannot be chosen).
      if (!options.recordOffers && newPosition === xi) continue;
      const offer: EumOffer = { sender: j, receiver: i, senderPosition: xj, senderEu, receiverEu: a, perceivedSenderEu: b, kind, newPosition };
      received.push(offer);
      if (options.recordOffers) offers.push(offer);
    }
    const chosen = chooseOffer(xi, received, options.offerChoice);
    if (!chosen) continue;
    next[i] = chosen.newPosition;
    moves.push({ actor: i, from: xi, to: chosen.newPosition, offer: chosen });
    if (!options.recordOffers) offers.push(chosen);
  }
  return { offers, moves, next };
}
