/**
 * Lays out an extensive-form game (Brink's game JSON) for drawing: root on the left, leaves one
 * row each, a parent centred on its children; and, for an equilibrium (behaviour profile), the
 * probability each action is played and each node is reached, so the drawing can highlight the
 * equilibrium path.
 */
import type { GameJson } from '@brink/engine/games';

type EfgJson = Extract<GameJson, { kind: 'efg' }>;

export interface LaidNode {
  index: number;
  type: 'decision' | 'chance' | 'terminal';
  x: number;
  y: number;
  depth: number;
  label: string;
  /** Player name, 'Chance', or '' for terminal nodes. */
  player: string;
  playerIndex: number;
  infoset?: number;
  infosetLabel?: string;
  /** Payoffs at a terminal node (as written), and the outcome's label. */
  payoffs?: string[];
  outcomeLabel?: string;
  /** Probability the node is reached under the equilibrium (1 at the root), when one is given. */
  reach?: number;
}

export interface LaidEdge {
  from: number;
  to: number;
  action: string;
  /** Chance probability (as written) for chance moves. */
  chanceProbability?: string;
  /** Probability the action is chosen at its node under the equilibrium. */
  play?: number;
}

export interface TreeLayout {
  nodes: LaidNode[];
  edges: LaidEdge[];
  /** Information sets with more than one node: the node indices. */
  infosetGroups: { infoset: number; label: string; player: string; nodes: number[] }[];
  width: number;
  height: number;
  depth: number;
  leaves: number;
}

/** "3/5", "-2", "0.35", "1e-3" -> number. */
export function numberOf(text: string | number): number {
  if (typeof text === 'number') return text;
  const slash = text.indexOf('/');
  return slash >= 0 ? Number(text.slice(0, slash)) / Number(text.slice(slash + 1)) : Number(text);
}

/**
 * Per information set, the offset of its first action inside its player's flattened behaviour
 * profile (information sets in first-appearance order, as the engine's Equilibrium documents).
 */
export function behaviourOffsets(game: EfgJson): number[] {
  const next = new Map<number, number>();
  return game.infosets.map((s) => {
    if (s.player < 0) return -1;
    const at = next.get(s.player) ?? 0;
    next.set(s.player, at + s.actions.length);
    return at;
  });
}

/**
 * Without a behaviour profile, marks the paths to the outcomes an equilibrium reaches (outcome
 * label -> probability): reach 1 on those paths, 0 elsewhere.
 */
function markOutcomes(nodes: LaidNode[], edges: LaidEdge[], hot: Readonly<Record<string, number>>): void {
  const children = new Map<number, number[]>();
  for (const e of edges) children.set(e.from, [...(children.get(e.from) ?? []), e.to]);
  const visit = (i: number): boolean => {
    const n = nodes[i]!;
    const kids = children.get(i) ?? [];
    const isHot = kids.length === 0 ? (hot[n.outcomeLabel ?? n.label] ?? 0) > 1e-9 : kids.map(visit).some(Boolean);
    n.reach = isHot ? 1 : 0;
    return isHot;
  };
  visit(0);
}

export function layoutTree(
  game: EfgJson,
  profile?: readonly (readonly (string | number)[])[],
  spacing = { dx: 150, dy: 34 },
  hotOutcomes?: Readonly<Record<string, number>>,
): TreeLayout {
  const offsets = behaviourOffsets(game);
  const nodes: LaidNode[] = [];
  const edges: LaidEdge[] = [];
  let leaf = 0;
  let maxDepth = 0;
  const place = (index: number, depth: number, reach: number | undefined): number => {
    const n = game.nodes[index]!;
    maxDepth = Math.max(maxDepth, depth);
    const set = n.infoset !== undefined ? game.infosets[n.infoset] : undefined;
    const player = n.type === 'terminal' ? '' : set && set.player >= 0 ? (game.players[set.player] ?? `Player ${set.player + 1}`) : 'Chance';
    const laid: LaidNode = {
      index,
      type: n.type,
      x: depth * spacing.dx,
      y: 0,
      depth,
      label: n.label,
      player,
      playerIndex: set ? set.player : -2,
      ...(n.infoset !== undefined ? { infoset: n.infoset, infosetLabel: set?.label } : {}),
      ...(reach !== undefined ? { reach } : {}),
    };
    nodes[index] = laid;
    if (n.outcome !== undefined && n.type === 'terminal') {
      const o = game.outcomes[n.outcome];
      laid.payoffs = o?.payoffs.map(String);
      laid.outcomeLabel = o?.label;
    } else if (n.type === 'terminal') {
      laid.payoffs = game.players.map(() => '0');
    }
    if (n.type === 'terminal' || !n.children || n.children.length === 0) {
      laid.y = leaf++ * spacing.dy;
      return laid.y;
    }
    const ys: number[] = [];
    n.children.forEach((child, k) => {
      let play: number | undefined;
      let chanceProbability: string | undefined;
      if (set && set.player < 0) {
        chanceProbability = set.probabilities ? String(set.probabilities[k]) : undefined;
        play = chanceProbability !== undefined ? numberOf(chanceProbability) : 1 / n.children!.length;
      } else if (set && profile) {
        const v = profile[set.player]?.[offsets[n.infoset!]! + k];
        play = v === undefined ? undefined : numberOf(v);
      }
      edges.push({ from: index, to: child, action: set?.actions[k] ?? '', ...(chanceProbability !== undefined ? { chanceProbability } : {}), ...(profile ? { play } : {}) });
      const childReach = reach !== undefined && play !== undefined ? reach * play : undefined;
      ys.push(place(child, depth + 1, childReach));
    });
    laid.y = (ys[0]! + ys[ys.length - 1]!) / 2;
    return laid.y;
  };
  place(0, 0, profile ? 1 : undefined);
  if (!profile && hotOutcomes) markOutcomes(nodes, edges, hotOutcomes);
  const groups = new Map<number, number[]>();
  for (const n of nodes) if (n && n.type === 'decision' && n.infoset !== undefined) groups.set(n.infoset, [...(groups.get(n.infoset) ?? []), n.index]);
  const infosetGroups = [...groups.entries()]
    .filter(([, members]) => members.length > 1)
    .map(([infoset, members]) => ({ infoset, label: game.infosets[infoset]?.label ?? '', player: game.players[game.infosets[infoset]?.player ?? 0] ?? '', nodes: members }));
  return { nodes, edges, infosetGroups, width: maxDepth * spacing.dx, height: Math.max(0, leaf - 1) * spacing.dy, depth: maxDepth, leaves: leaf };
}
