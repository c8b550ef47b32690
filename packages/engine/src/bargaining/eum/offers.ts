/**
 * Offers, their classification and the choice among them ([SCS], after BDM 1994; spec §B.7-B.8).
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
 * replications [R1]/[R2]; equality goes to capitulation (our choice, documented in the spec).
 *
 * Choice (§B.8): each actor accepts at most one offer. 'smallest-move' (default, SCS/BDM94 prose:
 * actors concede as little as they must) takes the admissible offer that moves it least;
 * 'largest-sender-eu' ([R1]) takes the offer whose sender expects most, then the smallest move.
 * Remaining ties go to the smaller sender index.
 */
import type { EumOffer, EumOfferChoice, OfferKind } from './types';

/** Classify a proposal from the receiver's view and give the receiver's resulting position. */
export function classifyOffer(receiverPosition: number, senderPosition: number, a: number, b: number): { kind: OfferKind; newPosition: number } {
  if (!(b > 0)) return { kind: 'no-threat', newPosition: receiverPosition };
  if (a > 0) {
    return b > a ? { kind: 'conflict-lost', newPosition: senderPosition } : { kind: 'conflict-won', newPosition: receiverPosition };
  }
  const ratio = Math.abs(a) / b;
  if (ratio >= 1) return { kind: 'capitulation', newPosition: senderPosition };
  return { kind: 'compromise', newPosition: receiverPosition + (senderPosition - receiverPosition) * ratio };
}

/** True when accepting the offer moves the receiver. */
export function isAdmissible(offer: EumOffer): boolean {
  return offer.kind === 'conflict-lost' || offer.kind === 'capitulation' || offer.kind === 'compromise';
}

/** The offer the receiver accepts among those addressed to it, or undefined. */
export function chooseOffer(receiverPosition: number, offers: readonly EumOffer[], rule: EumOfferChoice): EumOffer | undefined {
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
    const better =
      rule === 'largest-sender-eu'
        ? offer.senderEu > best.senderEu || (offer.senderEu === best.senderEu && (move < bestMove || (move === bestMove && offer.sender < best.sender)))
        : move < bestMove || (move === bestMove && offer.sender < best.sender);
    if (better) {
      best = offer;
      bestMove = move;
    }
  }
  return best;
}
