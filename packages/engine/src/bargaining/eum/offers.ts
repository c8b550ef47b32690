/**
 * Offers, their classification and the choice among them ([SCS], after BDM 1994; docs/bargaining.md,
 * "What the EUM computes", step 5).
 *
 * Every actor j whose own EU_j(i) > 0 (computed with j's own r_j) proposes that i move to x_j. The receiver i reads the
 * proposal with a = EU_i(j) (its own gain from challenging j) and b = EU_j(i) as i perceives it:
 *
 *   b > a > 0              conflict, i expects to lose          i moves to x_j
 *   a ≥ b > 0              conflict, i expects to win            i stays (j yields, through j's own offers)
 *   a < 0 < b,  |a| <  b   compromise                            i moves to x_i + (x_j − x_i) |a / b|
 *   a < 0 < b,  |a| ≥  b   capitulation                          i moves to x_j
 *   b ≤ 0                  no threat as i sees it                i stays
 *
 * (a = 0 < b is a compromise of size 0.) The compromise/capitulation boundary follows the public
 * replications [R1]/[R2]; equality goes to capitulation (our choice).
 *
 * Choice: each actor accepts at most one offer. 'smallest-move' (default, SCS/BDM94 prose:
 * actors concede as little as they must) takes the admissible offer that moves it least;
 * 'largest-sender-eu' ([R1]) takes the offer whose sender expects most, then the smallest move.
 * Remaining ties go to the lower new position, then to the smaller sender index (the same position).
 *
 * Ties are read with a relative tolerance of 1e-12 (`TIE`): a = b, |a| = b or two equal moves can
 * be exact in the mathematics yet differ in the last bit depending on the order of the sums (which
 * follows the order of the actors), and the model must not change its reading with that order.
 */
import type { EumOffer, EumOfferChoice, OfferKind } from './types';

/** Relative tolerance for ties (see the header). */
const TIE = 1e-12;
/** x > y by more than rounding noise. */
const clearlyGreater = (x: number, y: number): boolean => x - y > TIE * Math.max(Math.abs(x), Math.abs(y));

/** Classify a proposal from the receiver's view and give the receiver's resulting position. */
export function classifyOffer(receiverPosition: number, senderPosition: number, a: number, b: number): { kind: OfferKind; newPosition: number } {
  if (!(b > 0)) return { kind: 'no-threat', newPosition: receiverPosition };
  if (a > 0) {
    return clearlyGreater(b, a) ? { kind: 'conflict-lost', newPosition: senderPosition } : { kind: 'conflict-won', newPosition: receiverPosition };
  }
  const ratio = Math.abs(a) / b;
  if (!clearlyGreater(1, ratio)) return { kind: 'capitulation', newPosition: senderPosition };
  return { kind: 'compromise', newPosition: receiverPosition + (senderPosition - receiverPosition) * ratio };
}

/** True when accepting the offer moves the receiver. */
export function isAdmissible(offer: EumOffer): boolean {
  return offer.kind === 'conflict-lost' || offer.kind === 'capitulation' || offer.kind === 'compromise';
}

/** The offer the receiver accepts among those addressed to it, or undefined. */
export function chooseOffer(receiverPosition: number, offers: readonly EumOffer[], rule: EumOfferChoice): EumOffer | undefined {
  if (rule === 'conflict-first') return chooseConflictFirst(receiverPosition, offers);
  let best: EumOffer | undefined;
  let bestMove = Infinity;
  for (const offer of offers) {
    if (!isAdmissible(offer)) continue;
    const move = Math.abs(offer.newPosition - receiverPosition);
    if (move === 0) continue;
    if (best === undefined) {
      best = offer;
      bestMove = move;
      continue;
    }
    const sameMove = !clearlyGreater(move, bestMove) && !clearlyGreater(bestMove, move);
    const closer = clearlyGreater(bestMove, move) || (sameMove && (offer.newPosition < best.newPosition || (offer.newPosition === best.newPosition && offer.sender < best.sender)));
    const sameEu = !clearlyGreater(offer.senderEu, best.senderEu) && !clearlyGreater(best.senderEu, offer.senderEu);
    const better = rule === 'largest-sender-eu' ? clearlyGreater(offer.senderEu, best.senderEu) || (sameEu && closer) : closer;
    if (better) {
      best = offer;
      bestMove = move;
    }
  }
  return best;
}

const KIND_RANK: Partial<Record<OfferKind, number>> = { 'conflict-lost': 0, compromise: 1, capitulation: 2 };

/**
 * Scholz's program as transcribed by [R2]: a lost conflict beats any compromise, a compromise any
 * capitulation. Among conflicts and capitulations the smallest move wins; among compromises the
 * lowest EU-weighted position (|a| x_receiver + |b| x_sender) / (|a| + |b|). Ties: smaller sender.
 */
function chooseConflictFirst(receiverPosition: number, offers: readonly EumOffer[]): EumOffer | undefined {
  let best: EumOffer | undefined;
  let bestKey = Infinity;
  let bestRank = Infinity;
  for (const offer of offers) {
    if (!isAdmissible(offer) || offer.newPosition === receiverPosition) continue;
    const rank = KIND_RANK[offer.kind]!;
    const a = Math.abs(offer.receiverEu);
    const b = Math.abs(offer.perceivedSenderEu);
    const key = offer.kind === 'compromise' ? (a * receiverPosition + b * offer.senderPosition) / (a + b) : Math.abs(offer.newPosition - receiverPosition);
    const sameKey = !clearlyGreater(key, bestKey) && !clearlyGreater(bestKey, key);
    if (rank < bestRank || (rank === bestRank && (clearlyGreater(bestKey, key) || (sameKey && (offer.newPosition < best!.newPosition || (offer.newPosition === best!.newPosition && offer.sender < best!.sender)))))) {
      best = offer;
      bestKey = key;
      bestRank = rank;
    }
  }
  return best;
}
