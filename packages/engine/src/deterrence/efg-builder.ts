/**
 * Builds an `ExtensiveFormGame` (games/types.ts) from a nested tree description, so each model
 * states its game as it is drawn in the paper: chance moves for types, decision nodes tagged with
 * an information-set key (nodes a player cannot tell apart share the key), leaves with an outcome
 * code (SQ, DC, DD...) and payoffs.
 *
 * Nodes are numbered in pre-order, information sets in order of first appearance (Gambit's order),
 * payoffs and chance probabilities become exact rationals from their shortest decimal form
 * (0.6 -> 3/5). The last chance probability of a node is 1 minus the others, so they sum to 1 exactly.
 */
import { Rational } from '../numeric/rational';
import { CHANCE, type ExtensiveFormGame, type GameNode, type Infoset, type Outcome } from '../games/types';
import { behaviorLayout } from '../games/behavior';

export type TreeSpec =
  | { readonly kind: 'chance'; readonly label: string; readonly branches: readonly { readonly action: string; readonly prob: number; readonly child: TreeSpec }[] }
  | { readonly kind: 'move'; readonly player: number; readonly infoset: string; readonly label?: string; readonly branches: readonly { readonly action: string; readonly child: TreeSpec }[] }
  | { readonly kind: 'leaf'; readonly outcome: string; readonly payoffs: readonly number[] };

export function toRational(x: number): Rational {
  return Rational.parse(String(x));
}

export interface BuiltGame extends ExtensiveFormGame {
  /** infosetKeys[i] = the key of game.infosets[i] (chance infosets: `chance:<label>`). */
  readonly infosetKeys: readonly string[];
}

export function buildGame(title: string, players: readonly string[], root: TreeSpec, comment?: string): BuiltGame {
  const nodes: GameNode[] = [];
  const infosets: Infoset[] = [];
  const infosetKeys: string[] = [];
  const outcomes: Outcome[] = [];
  const infosetIndex = new Map<string, number>();
  const perPlayerCount = new Map<number, number>();

  const infosetFor = (key: string, player: number, label: string, actions: string[], probabilities?: Rational[]): number => {
    const existing = infosetIndex.get(key);
    if (existing !== undefined) {
      const s = infosets[existing]!;
      if (s.player !== player || s.actions.join('\u0000') !== actions.join('\u0000')) {
        throw new Error(`buildGame: information set ${key} used with different players or actions`);
      }
      return existing;
    }
    const number = (perPlayerCount.get(player) ?? 0) + 1;
    perPlayerCount.set(player, number);
    const idx = infosets.length;
    infosets.push(probabilities ? { number, player, label, actions, probabilities } : { number, player, label, actions });
    infosetKeys.push(key);
    infosetIndex.set(key, idx);
    return idx;
  };

  const visit = (spec: TreeSpec): number => {
    const at = nodes.length;
    if (spec.kind === 'leaf') {
      outcomes.push({ number: outcomes.length + 1, label: spec.outcome, payoffs: spec.payoffs.map(toRational) });
      nodes.push({ type: 'terminal', label: spec.outcome, outcome: outcomes.length - 1 });
      return at;
    }
    nodes.push({ type: 'terminal', label: '' }); // placeholder, replaced below
    if (spec.kind === 'chance') {
      const probs = spec.branches.map((b) => toRational(b.prob));
      let rest = Rational.ONE;
      for (let i = 0; i + 1 < probs.length; i++) rest = rest.sub(probs[i]!);
      probs[probs.length - 1] = rest;
      const infoset = infosetFor(`chance:${at}`, CHANCE, spec.label, spec.branches.map((b) => b.action), probs);
      const children = spec.branches.map((b) => visit(b.child));
      nodes[at] = { type: 'chance', label: spec.label, infoset, children };
    } else {
      const infoset = infosetFor(spec.infoset, spec.player, spec.infoset, spec.branches.map((b) => b.action));
      const children = spec.branches.map((b) => visit(b.child));
      nodes[at] = { type: 'decision', label: spec.label ?? '', infoset, children };
    }
    return at;
  };
  visit(root);
  return { kind: 'efg', title, ...(comment ? { comment } : {}), players, nodes, infosets, outcomes, infosetKeys };
}

/**
 * A behaviour profile in the engine's flat layout from action probabilities keyed by information
 * set key. Missing keys get the first action (they must be unreached or irrelevant).
 */
export function behaviourProfile(game: BuiltGame, byKey: Readonly<Record<string, readonly number[]>>): number[][] {
  const layout = behaviorLayout(game);
  const profile = game.players.map((_, i) => new Array<number>(layout.length[i]!).fill(0));
  game.infosets.forEach((s, idx) => {
    if (s.player < 0) return;
    const key = game.infosetKeys[idx]!;
    const probs = byKey[key] ?? s.actions.map((_, j) => (j === 0 ? 1 : 0));
    if (probs.length !== s.actions.length) throw new Error(`behaviourProfile: ${key} needs ${s.actions.length} probabilities`);
    const off = layout.offset[idx]!;
    probs.forEach((p, j) => {
      profile[s.player]![off + j] = p;
    });
  });
  return profile;
}
