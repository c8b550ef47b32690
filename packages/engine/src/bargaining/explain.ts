/**
 * Explanations of an EUM run: per round, who challenged whom, who moved and why (the offer and its
 * expected utility), so a reader sees the path and not only the end point.
 *
 * Each accepted offer is explained from the receiver's view (offers.ts): with a = the receiver's
 * EU of challenging the sender and b = the sender's EU as the receiver perceives it,
 *   conflict lost (b > a > 0): it expects to lose a fight, so it gives in;
 *   compromise (a < 0 < b, |a| < b): it moves the fraction |a|/b of the way;
 *   capitulation (a < 0 < b, |a| ≥ b): it gives in fully.
 * The "pull" of a move on the forecast is w_i |Δx_i| / Σ w (w = c s, the weight in the median):
 * the moves with the largest pull are the challenges that drove the outcome.
 */
import type { EumMove, EumOffer, EumResult } from './eum/types';

export interface ExplainLabels {
  /** Display name per actor index. */
  actorNames: readonly string[];
  /** Formats a model-scale position for the reader (e.g. issue units with the nearest anchor). */
  format?: (x: number) => string;
}

export interface MoveExplanation {
  actor: number;
  actorName: string;
  sender: number;
  senderName: string;
  kind: EumOffer['kind'];
  from: number;
  to: number;
  senderEu: number;
  receiverEu: number;
  perceivedSenderEu: number;
  /** w_i |Δx| / Σ w. */
  pull: number;
  text: string;
}

export interface RoundExplanation {
  round: number;
  median: number;
  medianAfter: number;
  /** Number of proposals made (sender EU > 0). */
  challenges: number;
  /** Proposals the receiver resisted because it expected to win the conflict. */
  resisted: { sender: number; receiver: number; text: string }[];
  moves: MoveExplanation[];
  summary: string;
}

const fmtEu = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(3);

/** The sentence for one accepted offer. */
export function explainMove(move: EumMove, labels: ExplainLabels): string {
  const name = (i: number): string => labels.actorNames[i] ?? `actor ${i}`;
  const f = labels.format ?? ((x: number) => x.toFixed(1));
  const o = move.offer;
  const who = name(move.actor);
  const by = name(o.sender);
  const eus = `${by}'s EU of challenging ${fmtEu(o.senderEu)}; as ${who} sees it ${fmtEu(o.perceivedSenderEu)} against its own ${fmtEu(o.receiverEu)}`;
  switch (o.kind) {
    case 'conflict-lost':
      return `${by} challenged ${who}; ${who} expected to lose the conflict (${eus}) and moved ${f(move.from)} → ${f(move.to)}`;
    case 'capitulation':
      return `${by} challenged ${who}; ${who} would gain nothing by resisting and capitulated (${eus}), moving ${f(move.from)} → ${f(move.to)}`;
    case 'compromise': {
      const share = Math.abs(o.receiverEu / o.perceivedSenderEu);
      return `${by} challenged ${who}; ${who} compromised, moving ${(100 * share).toFixed(0)}% of the way toward ${by} (${eus}): ${f(move.from)} → ${f(move.to)}`;
    }
    default:
      return `${who} stayed at ${f(move.from)}`;
  }
}

/** Per-round explanations. `weights` are c_i s_i (for the pull of each move). */
export function explainEum(result: EumResult, labels: ExplainLabels, weights: readonly number[]): RoundExplanation[] {
  const totalWeight = weights.reduce((s, w) => s + w, 0) || 1;
  const name = (i: number): string => labels.actorNames[i] ?? `actor ${i}`;
  const f = labels.format ?? ((x: number) => x.toFixed(1));
  return result.rounds.map((round, k) => {
    const moves = round.moves
      .map((m): MoveExplanation => ({
        actor: m.actor,
        actorName: name(m.actor),
        sender: m.offer.sender,
        senderName: name(m.offer.sender),
        kind: m.offer.kind,
        from: m.from,
        to: m.to,
        senderEu: m.offer.senderEu,
        receiverEu: m.offer.receiverEu,
        perceivedSenderEu: m.offer.perceivedSenderEu,
        pull: (weights[m.actor]! * Math.abs(m.to - m.from)) / totalWeight,
        text: explainMove(m, labels),
      }))
      .sort((a, b) => b.pull - a.pull || a.actor - b.actor);
    const resisted = round.offers
      .filter((o) => o.kind === 'conflict-won')
      .map((o) => ({
        sender: o.sender,
        receiver: o.receiver,
        text: `${name(o.sender)} challenged ${name(o.receiver)}, which expected to win (${fmtEu(o.receiverEu)} > ${fmtEu(o.perceivedSenderEu)}) and held`,
      }));
    const medianAfter = result.medians[k + 1]!;
    const summary =
      moves.length === 0
        ? `Round ${round.round}: ${round.offers.length} challenge(s), nobody moved; forecast stays ${f(round.median)}`
        : `Round ${round.round}: ${round.offers.length} challenge(s), ${moves.length} actor(s) moved; forecast ${f(round.median)} → ${f(medianAfter)}`;
    return { round: round.round, median: round.median, medianAfter, challenges: round.offers.length, resisted, moves, summary };
  });
}

/** The moves with the largest pull over the whole run (the challenges that drove the forecast). */
export function keyChallenges(explanations: readonly RoundExplanation[], top = 5): (MoveExplanation & { round: number })[] {
  return explanations
    .flatMap((r) => r.moves.map((m) => ({ ...m, round: r.round })))
    .sort((a, b) => b.pull - a.pull || a.round - b.round || a.actor - b.actor)
    .slice(0, top);
}
