/**
 * Builds an `ExtensiveFormGame` (games/types.ts) from a nested tree description, so each model
 * states its game as it is drawn in the paper: chance moves for types, decision nodes tagged with
 * an information-set key (nodes a player cannot tell apart share the key), leaves with an outcome
 * code (SQ, DC, DD...) and payoffs.
 *
 * Nodes are numbered in pre-order, information sets in order of first appearance (Gambit's order),
 * payoffs and chance probabilities become exact rationals from their shortest decimal form
 * (0.6 -> 3/5). The last chance probability of a node is 1 minus the others, so they sum to 1 exactly.
 *
 * Labels follow the rules Gambit 17 enforces when it reads a file (src/games/game.h: a non-empty
 * node label is unique in the game, a non-empty information-set label is unique for its player,
 * chance included; outcome labels are non-empty and unique), which Gambit 16 also accepts:
 * node labels are empty (the information set carries the name); leaves with the same outcome code
 * and the same payoffs share one outcome labelled with the code (`SQ`); when one code has several
 * payoff vectors (the AEG's EE differs by type), each gets the code and its variant,
 * `EE (Hard Challenger, strategically Soft Defender)`. The code is the label's first word
 * (`outcomeCode`), so outcome distributions read off the game are keyed by code
 * (`codeDistribution`). A model that reuses a label for two information sets of one player is a
 * programming error and throws.
 */
import { Rational } from '../numeric/rational';
import { CHANCE, type ExtensiveFormGame, type GameNode, type Infoset, type Outcome } from '../games/types';
import { behaviorLayout } from '../games/behavior';

export type TreeSpec =
  | { readonly kind: 'chance'; readonly label: string; readonly branches: readonly { readonly action: string; readonly prob: number; readonly child: TreeSpec }[] }
  | { readonly kind: 'move'; readonly player: number; readonly infoset: string; readonly branches: readonly { readonly action: string; readonly child: TreeSpec }[] }
  | {
      readonly kind: 'leaf';
      /** The outcome code as the paper writes it (one word: SQ, DC, EE...). */
      readonly outcome: string;
      readonly payoffs: readonly number[];
      /** What distinguishes this leaf's payoffs from other leaves with the same code (e.g. the types). */
      readonly variant?: string;
    };

/** The outcome code of an outcome label (its first word). */
export function outcomeCode(label: string): string {
  const space = label.indexOf(' ');
  return space < 0 ? label : label.slice(0, space);
}

/** An outcome distribution keyed by outcome label, summed by outcome code. */
export function codeDistribution(byLabel: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [label, p] of Object.entries(byLabel)) {
    const code = outcomeCode(label);
    out[code] = (out[code] ?? 0) + p;
  }
  return out;
}

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
  const infosetIndex = new Map<string, number>();
  const perPlayerCount = new Map<number, number>();
  const labelsOfPlayer = new Map<number, Set<string>>();

  // Outcomes: one per distinct (code, payoffs), labelled after all leaves are seen.
  const leaves: { code: string; payoffs: readonly number[]; variant?: string | undefined }[] = [];
  const collect = (spec: TreeSpec): void => {
    if (spec.kind === 'leaf') leaves.push({ code: spec.outcome, payoffs: spec.payoffs, variant: spec.variant });
    else for (const b of spec.branches) collect(b.child);
  };
  collect(root);
  const outcomeKey = (code: string, payoffs: readonly number[]) => `${code}\u0000${payoffs.join(',')}`;
  const distinct = new Map<string, { code: string; payoffs: readonly number[]; variant?: string | undefined }>();
  for (const leaf of leaves) if (!distinct.has(outcomeKey(leaf.code, leaf.payoffs))) distinct.set(outcomeKey(leaf.code, leaf.payoffs), leaf);
  const perCode = new Map<string, number>();
  for (const o of distinct.values()) perCode.set(o.code, (perCode.get(o.code) ?? 0) + 1);
  const outcomes: Outcome[] = [];
  const outcomeIndex = new Map<string, number>();
  const usedLabels = new Set<string>();
  for (const [key, o] of distinct) {
    if (/\s/.test(o.code) || o.code === '') throw new Error(`buildGame: outcome code ${JSON.stringify(o.code)} must be one word`);
    let label = o.code;
    if (perCode.get(o.code)! > 1) {
      label = o.variant ? `${o.code} (${o.variant})` : `${o.code} (${o.payoffs.map((x) => toRational(x).toString()).join(', ')})`;
      if (usedLabels.has(label)) label = `${o.code} (${o.payoffs.map((x) => toRational(x).toString()).join(', ')})`;
    }
    usedLabels.add(label);
    outcomeIndex.set(key, outcomes.length);
    outcomes.push({ number: outcomes.length + 1, label, payoffs: o.payoffs.map(toRational) });
  }

  const infosetFor = (key: string, player: number, label: string, actions: string[], probabilities?: Rational[]): number => {
    const existing = infosetIndex.get(key);
    if (existing !== undefined) {
      const s = infosets[existing]!;
      if (s.player !== player || s.actions.join('\u0000') !== actions.join('\u0000')) {
        throw new Error(`buildGame: information set ${key} used with different players or actions`);
      }
      return existing;
    }
    const taken = labelsOfPlayer.get(player) ?? new Set<string>();
    if (label !== '' && taken.has(label)) throw new Error(`buildGame: information-set label ${JSON.stringify(label)} used twice for one player`);
    if (label !== '') taken.add(label);
    labelsOfPlayer.set(player, taken);
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
      nodes.push({ type: 'terminal', label: '', outcome: outcomeIndex.get(outcomeKey(spec.outcome, spec.payoffs))! });
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
      nodes[at] = { type: 'chance', label: '', infoset, children };
    } else {
      const infoset = infosetFor(spec.infoset, spec.player, spec.infoset, spec.branches.map((b) => b.action));
      const children = spec.branches.map((b) => visit(b.child));
      nodes[at] = { type: 'decision', label: '', infoset, children };
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
