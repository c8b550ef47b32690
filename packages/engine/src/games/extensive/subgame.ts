/**
 * A subgame as a game of its own: the subtree of a subgame root, optionally with some inner nodes
 * (child subgame roots) replaced by terminal nodes carrying a given payoff vector (their value).
 *
 * The copy keeps pre-order, the players, and the information sets met (renumbered in order of first
 * appearance, so Gambit's profile order of the copy is the original order restricted to the
 * subgame); `infosetOrigin[k]` is the original index of the copy's information set k.
 */
import { Rational } from '../../numeric/rational';
import type { ExtensiveFormGame, GameNode, Infoset, Outcome } from '../types';

export interface ExtractedSubgame {
  readonly game: ExtensiveFormGame;
  readonly infosetOrigin: readonly number[];
}

export function extractSubgame(game: ExtensiveFormGame, root: number, collapsed: ReadonlyMap<number, readonly Rational[]> = new Map()): ExtractedSubgame {
  const nodes: GameNode[] = [];
  const infosets: Infoset[] = [];
  const outcomes: Outcome[] = [];
  const infosetOrigin: number[] = [];
  const infosetIndex = new Map<number, number>();
  const outcomeIndex = new Map<number, number>();
  const perPlayerCount = new Map<number, number>();
  const copyOutcome = (o: number | undefined): number | undefined => {
    if (o === undefined) return undefined;
    let k = outcomeIndex.get(o);
    if (k === undefined) {
      k = outcomes.length;
      outcomeIndex.set(o, k);
      const src = game.outcomes[o]!;
      outcomes.push({ number: outcomes.length + 1, label: src.label, payoffs: src.payoffs });
    }
    return k;
  };
  const copyInfoset = (s: number): number => {
    let k = infosetIndex.get(s);
    if (k === undefined) {
      k = infosets.length;
      infosetIndex.set(s, k);
      const src = game.infosets[s]!;
      const number = (perPlayerCount.get(src.player) ?? 0) + 1;
      perPlayerCount.set(src.player, number);
      infosets.push({ ...src, number });
      infosetOrigin.push(s);
    }
    return k;
  };
  // Iterative pre-order copy: children lists are filled as their nodes are created.
  const stack: { old: number; parentChildren?: number[] }[] = [{ old: root }];
  while (stack.length > 0) {
    const { old, parentChildren } = stack.pop()!;
    const id = nodes.length;
    parentChildren?.push(id);
    const src = game.nodes[old]!;
    const value = old !== root ? collapsed.get(old) : undefined;
    if (value !== undefined) {
      outcomes.push({ number: outcomes.length + 1, label: `value of subgame at node ${old}`, payoffs: value });
      nodes.push({ type: 'terminal', label: src.label, outcome: outcomes.length - 1 });
      continue;
    }
    if (src.type === 'terminal') {
      const o = copyOutcome(src.outcome);
      nodes.push(o === undefined ? { type: 'terminal', label: src.label } : { type: 'terminal', label: src.label, outcome: o });
      continue;
    }
    const children: number[] = [];
    const infoset = copyInfoset(src.infoset);
    const o = copyOutcome(src.outcome);
    nodes.push(o === undefined ? { type: src.type, label: src.label, infoset, children } : { type: src.type, label: src.label, infoset, children, outcome: o });
    for (let a = src.children.length - 1; a >= 0; a--) stack.push({ old: src.children[a]!, parentChildren: children });
  }
  return {
    game: { kind: 'efg', title: `${game.title} (subgame at node ${root})`, players: game.players, nodes, infosets, outcomes },
    infosetOrigin,
  };
}
