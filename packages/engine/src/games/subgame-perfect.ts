/**
 * Subgame-perfect equilibria in pure behaviour strategies, and fast backward induction.
 *
 * Sources:
 * - Selten (1965, 1975): a subgame-perfect equilibrium (SPE) induces a Nash equilibrium in every
 *   subgame. Kuhn (1953) / Zermelo: in a finite game of perfect information, backward induction
 *   gives an SPE in pure strategies.
 * - Gambit 16's `gambit-enumpure -P` (SubgameBehavSolver wrapped around EnumPureStrategySolver):
 *   solve the subgames bottom-up; in each, collapse every child subgame to the payoff vector of
 *   one of its equilibria and list the pure Nash equilibria of the collapsed subgame's *reduced*
 *   strategic form; every combination is an SPE. An information set that a player's own earlier
 *   choice inside the same subgame rules out gets no action (printed as all zeros), as in Gambit.
 * - OpenSpiel's backward_induction.py for the one-equilibrium variant with a named tie-breaking
 *   policy (chance nodes in the same recursion).
 *
 * Equations. With node outcomes o(v) (non-terminal outcomes accumulate along the play) and
 * children c_a(v):
 *
 *   V(v) = o(v) + V(c_{a*}(v))                       at a decision node of player i,
 *          with a* in argmax_a V_i(c_a(v))            (ties: several SPE, or the tie policy),
 *   V(v) = o(v) + sum_a p_a V(c_a(v))                at a chance node,
 *   V(v) = o(v)                                      at a terminal node.
 *
 * Variants: `backwardInductionOnStates` runs the recursion on a generated tree through a narrow
 * state interface; `solveSubgamePerfect(game, { mixed: true })` gives one SPE in behaviour
 * strategies of a two-player game, each subgame solved by the sequence-form LCP (Koller, Megiddo &
 * von Stengel 1996), which exists even when no pure SPE does.
 *
 * Subgame roots are found in linear time (see extensive/tree.ts). Nodes are stored in pre-order,
 * so walking the node array backwards visits children before parents: no recursion, any depth.
 */
import { InputError } from '../errors';
import { Rational } from '../numeric/rational';
import { behaviorLayout, behaviorPayoffs, splitByInfoset } from './behavior';
import { extractSubgame } from './extensive/subgame';
import { solveSequenceFormLcp } from './sequence-form-lcp';
import { isPerfectInformation, treeFacts } from './extensive/tree';
import { CHANCE, type Equilibrium, type ExtensiveFormGame, type SolveResult } from './types';

/** How backward induction picks among actions with equal value for the mover. */
export type TieBreak = 'first' | 'last';

export interface SubgamePerfectOptions {
  /** Stop listing after this many equilibria (then `complete` is false). Default 100000. */
  readonly maxEquilibria?: number;
  /**
   * Also stop when the listed profiles would hold more than this many numbers in total (a large
   * tree with payoff ties has exponentially many SPE, each as long as the tree). Default 1e7.
   */
  readonly maxOutputSize?: number;
  /** Refuse a subgame whose reduced strategic form has more pure profiles than this. Default 2e6. */
  readonly maxProfilesPerSubgame?: number;
  /**
   * Instead of every pure SPE, one SPE in behaviour strategies (two players): each subgame is
   * solved by the sequence-form LCP (Koller, Megiddo & von Stengel 1996), so it exists even when
   * no pure SPE does. `complete` is then false.
   */
  readonly mixed?: boolean;
}

const NO_ACTION = -1;

/**
 * One SPE by backward induction in a perfect-information game (chance nodes allowed, any number of
 * players), in exact rational arithmetic. Linear in the number of nodes. `tieBreak` names the
 * policy among equally good actions: 'first' (lowest action index) or 'last'.
 */
export function backwardInduction(game: ExtensiveFormGame, tieBreak: TieBreak = 'first'): Equilibrium<Rational> {
  if (!isPerfectInformation(game)) {
    throw new InputError('backward induction needs perfect information (every information set of a player has one node); use solveSubgamePerfect', {
      place: 'game',
      expected: 'a game of perfect information',
    });
  }
  const nP = game.players.length;
  const nodes = game.nodes;
  const n = nodes.length;
  const values: Rational[] = new Array<Rational>(n * nP);
  const choice = new Int32Array(game.infosets.length).fill(NO_ACTION);
  const zero = Rational.ZERO;
  for (let v = n - 1; v >= 0; v--) {
    const node = nodes[v]!;
    const base = v * nP;
    if (node.type === 'terminal') {
      for (let i = 0; i < nP; i++) values[base + i] = zero;
    } else if (node.type === 'chance') {
      const probs = game.infosets[node.infoset]!.probabilities!;
      for (let i = 0; i < nP; i++) {
        let sum = zero;
        for (let a = 0; a < node.children.length; a++) {
          const p = probs[a]!;
          if (p.num === 0n) continue;
          sum = sum.add(p.mul(values[node.children[a]! * nP + i]!));
        }
        values[base + i] = sum;
      }
    } else {
      const mover = game.infosets[node.infoset]!.player;
      const kids = node.children;
      let best = 0;
      let bestValue = values[kids[0]! * nP + mover]!;
      for (let a = 1; a < kids.length; a++) {
        const c = values[kids[a]! * nP + mover]!.cmp(bestValue);
        if (c > 0 || (c === 0 && tieBreak === 'last')) {
          best = a;
          bestValue = values[kids[a]! * nP + mover]!;
        }
      }
      choice[node.infoset] = best;
      const cb = kids[best]! * nP;
      for (let i = 0; i < nP; i++) values[base + i] = values[cb + i]!;
    }
    if (node.outcome !== undefined) {
      const pay = game.outcomes[node.outcome]!.payoffs;
      for (let i = 0; i < nP; i++) values[base + i] = values[base + i]!.add(pay[i]!);
    }
  }
  const profile = pureBehaviorProfile(game, choice);
  return { profile, payoffs: values.slice(0, nP) };
}

/**
 * The narrow state interface of OpenSpiel's `backward_induction.py`, for trees that are generated
 * rather than stored (model builders): a state knows whether it is terminal, who moves (`CHANCE` =
 * -1 for chance), its actions or chance outcomes, its children, and the payoffs. `rewards` (payoffs
 * collected on entering the state) accumulate along the play, like Gambit's non-terminal outcomes.
 */
export interface SequentialState {
  isTerminal(): boolean;
  /** Payoff vector at a terminal state. */
  returns(): readonly number[];
  currentPlayer(): number;
  legalActions(): readonly number[];
  /** Chance states: (action, probability) pairs. */
  chanceOutcomes(): readonly (readonly [number, number])[];
  child(action: number): SequentialState;
  rewards?(): readonly number[];
  /** A key under which the chosen action is recorded in the returned policy. */
  key?(): string;
}

export interface StateBackwardInduction {
  readonly values: number[];
  /** Chosen action per decision state with a key. */
  readonly policy: Map<string, number>;
  /** The action chosen at the root (undefined at a chance or terminal root). */
  readonly rootAction: number | undefined;
}

/**
 * Backward induction over a generated tree (floating point), with an explicit stack (no recursion
 * limit) and chance nodes in the same pass. Ties are broken by `tieBreak` on exact float equality.
 */
export function backwardInductionOnStates(root: SequentialState, tieBreak: TieBreak = 'first'): StateBackwardInduction {
  interface Frame {
    state: SequentialState;
    actions: readonly number[];
    probs: readonly number[] | undefined;
    next: number;
    values: number[][];
  }
  const policy = new Map<string, number>();
  const open = (state: SequentialState): Frame => {
    if (state.isTerminal()) return { state, actions: [], probs: undefined, next: 0, values: [] };
    if (state.currentPlayer() === CHANCE) {
      const outcomes = state.chanceOutcomes();
      return { state, actions: outcomes.map((o) => o[0]), probs: outcomes.map((o) => o[1]), next: 0, values: [] };
    }
    return { state, actions: state.legalActions(), probs: undefined, next: 0, values: [] };
  };
  const close = (f: Frame): { value: number[]; action: number | undefined } => {
    const own = f.state.rewards?.();
    let value: number[];
    let action: number | undefined;
    if (f.state.isTerminal()) value = [...f.state.returns()];
    else if (f.probs) {
      value = f.values[0]!.map(() => 0);
      f.values.forEach((v, a) => v.forEach((x, i) => (value[i]! += f.probs![a]! * x)));
    } else {
      const mover = f.state.currentPlayer();
      let best = 0;
      for (let a = 1; a < f.values.length; a++) {
        const d = f.values[a]![mover]! - f.values[best]![mover]!;
        if (d > 0 || (d === 0 && tieBreak === 'last')) best = a;
      }
      action = f.actions[best];
      value = [...f.values[best]!];
      const key = f.state.key?.();
      if (key !== undefined) policy.set(key, action!);
    }
    if (own) value = value.map((x, i) => x + own[i]!);
    return { value, action };
  };
  const stack: Frame[] = [open(root)];
  for (;;) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.actions.length) {
      stack.push(open(top.state.child(top.actions[top.next++]!)));
      continue;
    }
    const done = close(top);
    stack.pop();
    if (stack.length === 0) return { values: done.value, policy, rootAction: done.action };
    stack[stack.length - 1]!.values.push(done.value);
  }
}

/** Flat behaviour profile (Gambit order) from one action (or NO_ACTION) per information set. */
function pureBehaviorProfile(game: ExtensiveFormGame, choice: Int32Array): Rational[][] {
  const layout = behaviorLayout(game);
  return layout.infosetsOf.map((owned) => {
    const flat: Rational[] = [];
    for (const s of owned) {
      const k = game.infosets[s]!.actions.length;
      for (let a = 0; a < k; a++) flat.push(choice[s] === a ? Rational.ONE : Rational.ZERO);
    }
    return flat;
  });
}

/**
 * A set of SPE of one subgame sharing the local choices: `choices` are (infoset, action) pairs of
 * the subgame's own region; `parts[j]` lists interchangeable solutions of the j-th child subgame
 * (all with the same value), any one of which completes the equilibrium.
 */
interface SubgameSolution {
  readonly value: readonly Rational[];
  readonly choices: readonly number[];
  readonly parts: readonly (readonly SubgameSolution[])[];
}

interface LocalEquilibrium {
  readonly value: Rational[];
  readonly choices: number[];
}

/**
 * Every subgame-perfect equilibrium in pure behaviour strategies (as Gambit 16's
 * `gambit-enumpure -q -P`). Complete unless more than `maxEquilibria` exist.
 */
export function solveSubgamePerfect(game: ExtensiveFormGame, options: SubgamePerfectOptions = {}): SolveResult {
  if (options.mixed) return mixedSubgamePerfect(game);
  const profileLength = behaviorLayout(game).length.reduce((a, b) => a + b, 0);
  const maxEquilibria = Math.max(1, Math.min(options.maxEquilibria ?? 100000, Math.floor((options.maxOutputSize ?? 1e7) / Math.max(1, profileLength))));
  const maxProfiles = options.maxProfilesPerSubgame ?? 2e6;
  // As Gambit: a game in which no player ever moves has no equilibrium to print.
  if (!game.infosets.some((s) => s.player >= 0)) return { method: 'spe', complete: true, exact: true, equilibria: [] };
  const facts = treeFacts(game);
  const nP = game.players.length;
  const n = game.nodes.length;
  const solutions = new Map<number, SubgameSolution[]>();

  for (let r = n - 1; r >= 0; r--) {
    if (!facts.isSubgameRoot[r]) continue;
    const rNode = game.nodes[r]!;
    if (rNode.type !== 'terminal' && rNode.children.every((c) => facts.isSubgameRoot[c] || game.nodes[c]!.type === 'terminal')) {
      // Fast path (every child is a leaf of this subgame): perfect-information decision or chance node.
      const local = solveSingleNode(game, r, solutions, nP);
      if (local.length === 0) return finish(game, [], maxEquilibria);
      solutions.set(r, local);
      continue;
    }
    const region = collectRegion(game, facts.isSubgameRoot, r);
    const childSolutionGroups: SubgameSolution[][][] = [];
    let empty = false;
    for (const c of region.childRoots) {
      const sols = solutions.get(c)!;
      solutions.delete(c);
      if (sols.length === 0) {
        empty = true;
        break;
      }
      childSolutionGroups.push(groupByValue(sols));
    }
    if (empty) return finish(game, [], maxEquilibria);
    const result: SubgameSolution[] = [];
    // Odometer over the distinct value vectors of the child subgames.
    const pick = new Array<number>(childSolutionGroups.length).fill(0);
    for (;;) {
      const leafValue = new Map<number, readonly Rational[]>();
      const parts: SubgameSolution[][] = [];
      region.childRoots.forEach((c, j) => {
        const group = childSolutionGroups[j]![pick[j]!]!;
        leafValue.set(c, group[0]!.value);
        parts.push(group);
      });
      for (const eq of solveRegion(game, region, leafValue, nP, maxProfiles)) {
        result.push({ value: eq.value, choices: eq.choices, parts });
      }
      let j = 0;
      while (j < pick.length) {
        pick[j]!++;
        if (pick[j]! < childSolutionGroups[j]!.length) break;
        pick[j] = 0;
        j++;
      }
      if (j === pick.length) break;
    }
    if (result.length === 0) return finish(game, [], maxEquilibria);
    solutions.set(r, result);
  }
  return finish(game, solutions.get(0) ?? [], maxEquilibria);
}

/** Solutions of a subgame whose root's children are all terminal nodes or subgame roots. */
function solveSingleNode(game: ExtensiveFormGame, r: number, solutions: Map<number, SubgameSolution[]>, nP: number): SubgameSolution[] {
  const node = game.nodes[r] as Exclude<ExtensiveFormGame['nodes'][number], { type: 'terminal' }>;
  const zero = new Array<Rational>(nP).fill(Rational.ZERO);
  const childGroups: (SubgameSolution[][] | undefined)[] = [];
  const fixedValue: (readonly Rational[])[] = [];
  for (const c of node.children) {
    const child = game.nodes[c]!;
    if (child.type === 'terminal') {
      childGroups.push(undefined);
      fixedValue.push(child.outcome === undefined ? zero : game.outcomes[child.outcome]!.payoffs);
      continue;
    }
    const sols = solutions.get(c)!;
    solutions.delete(c);
    if (sols.length === 0) return [];
    const groups = sols.length === 1 ? [sols] : groupByValue(sols);
    childGroups.push(groups);
    fixedValue.push(zero);
  }
  const rootPay = node.outcome === undefined ? undefined : game.outcomes[node.outcome]!.payoffs;
  const withOutcome = (v: readonly Rational[]): readonly Rational[] => (rootPay ? v.map((x, i) => x.add(rootPay[i]!)) : v);
  const out: SubgameSolution[] = [];
  if (node.type === 'decision') {
    // For each action a and each value group g of child a, a is optimal exactly when every other
    // child plays one of its equilibria worth at most g's value to the mover: those are merged into
    // one part, so the count stays linear in the number of groups (no product over children).
    const mover = game.infosets[node.infoset]!.player;
    const terminalGroup = (a: number): SubgameSolution[] => [{ value: fixedValue[a]!, choices: [], parts: [] }];
    const groupsOf = (a: number): SubgameSolution[][] => childGroups[a] ?? [terminalGroup(a)];
    node.children.forEach((_, a) => {
      for (const g of groupsOf(a)) {
        const v = g[0]!.value;
        const parts: SubgameSolution[][] = [];
        let feasible = true;
        node.children.forEach((__, b) => {
          if (!feasible || childGroups[b] === undefined) {
            if (b !== a && childGroups[b] === undefined && fixedValue[b]![mover]!.gt(v[mover]!)) feasible = false;
            return;
          }
          if (b === a) {
            parts.push(g);
            return;
          }
          const admissible = childGroups[b]!.filter((h) => h[0]!.value[mover]!.le(v[mover]!)).flat();
          if (admissible.length === 0) feasible = false;
          else parts.push(admissible);
        });
        if (feasible) out.push({ value: withOutcome(v), choices: [node.infoset, a], parts });
      }
    });
    return out;
  }
  const pick = new Array<number>(node.children.length).fill(0);
  for (;;) {
    const parts: SubgameSolution[][] = [];
    const vals: (readonly Rational[])[] = [];
    childGroups.forEach((g, a) => {
      if (g === undefined) vals.push(fixedValue[a]!);
      else {
        parts.push(g[pick[a]!]!);
        vals.push(g[pick[a]!]![0]!.value);
      }
    });
    // Chance node: the value is the expectation over the picked child equilibria.
    const probs = game.infosets[node.infoset]!.probabilities!;
    const v = zero.slice();
    vals.forEach((cv, a) => {
      const p = probs[a]!;
      if (!p.isZero()) for (let i = 0; i < nP; i++) v[i] = v[i]!.add(p.mul(cv[i]!));
    });
    out.push({ value: withOutcome(v), choices: [], parts });
    let j = 0;
    while (j < pick.length) {
      const g = childGroups[j];
      if (g !== undefined && ++pick[j]! < g.length) break;
      pick[j] = 0;
      j++;
    }
    if (j === pick.length) break;
  }
  return out;
}

function groupByValue(sols: readonly SubgameSolution[]): SubgameSolution[][] {
  const groups = new Map<string, SubgameSolution[]>();
  for (const s of sols) {
    const key = s.value.map((x) => x.toString()).join(',');
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return [...groups.values()];
}

interface Region {
  readonly root: number;
  /** Nodes of the subgame outside its child subgames, pre-order. */
  readonly nodes: readonly number[];
  /** Roots of the maximal proper subgames inside, pre-order. */
  readonly childRoots: readonly number[];
  readonly isLeaf: ReadonlySet<number>;
}

function collectRegion(game: ExtensiveFormGame, isRoot: Uint8Array, r: number): Region {
  const nodes: number[] = [];
  const childRoots: number[] = [];
  const stack = [r];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v !== r && isRoot[v]) {
      childRoots.push(v);
      continue;
    }
    nodes.push(v);
    const node = game.nodes[v]!;
    if (node.type !== 'terminal') for (let a = node.children.length - 1; a >= 0; a--) stack.push(node.children[a]!);
  }
  return { root: r, nodes, childRoots, isLeaf: new Set(childRoots) };
}

/** Pure Nash equilibria of the collapsed subgame's reduced strategic form. */
function solveRegion(game: ExtensiveFormGame, region: Region, leafValue: ReadonlyMap<number, readonly Rational[]>, nP: number, maxProfiles: number): LocalEquilibrium[] {
  const decisionNodes = region.nodes.filter((v) => game.nodes[v]!.type === 'decision');
  const zeros = (): Rational[] => new Array<Rational>(nP).fill(Rational.ZERO);

  const valueOf = (v: number, act: Int32Array): Rational[] => {
    const node = game.nodes[v]!;
    let val: Rational[];
    if (v !== region.root && region.isLeaf.has(v)) return [...leafValue.get(v)!];
    if (node.type === 'terminal') val = zeros();
    else if (node.type === 'chance') {
      val = zeros();
      const probs = game.infosets[node.infoset]!.probabilities!;
      node.children.forEach((c, a) => {
        const p = probs[a]!;
        if (p.isZero()) return;
        const cv = valueOf(c, act);
        for (let i = 0; i < nP; i++) val[i] = val[i]!.add(p.mul(cv[i]!));
      });
    } else {
      const a = act[node.infoset]!;
      if (a < 0) throw new Error(`internal: node ${v} reached without an action`);
      val = valueOf(node.children[a]!, act);
    }
    if (node.outcome !== undefined) {
      const pay = game.outcomes[node.outcome]!.payoffs;
      for (let i = 0; i < nP; i++) val[i] = val[i]!.add(pay[i]!);
    }
    return val;
  };

  const act = new Int32Array(game.infosets.length).fill(NO_ACTION);

  // Fast path: a single decision node whose children are all leaves (perfect information).
  if (decisionNodes.length === 0) return [{ value: valueOf(region.root, act), choices: [] }];
  if (decisionNodes.length === 1 && decisionNodes[0] === region.root) {
    const node = game.nodes[region.root]!;
    if (node.type === 'decision' && game.infosets[node.infoset]!.actions.length > 0) {
      const mover = game.infosets[node.infoset]!.player;
      const childVals = node.children.map((_, a) => {
        act[node.infoset] = a;
        return valueOf(region.root, act);
      });
      let best = childVals[0]![mover]!;
      for (const cv of childVals) if (cv[mover]!.gt(best)) best = cv[mover]!;
      const out: LocalEquilibrium[] = [];
      childVals.forEach((cv, a) => {
        if (cv[mover]!.eq(best)) out.push({ value: cv, choices: [node.infoset, a] });
      });
      return out;
    }
  }

  // Information sets of the region per player, in first-appearance order, with the player's own
  // previous (infoset, action) inside the region (perfect recall: the same for every member).
  const infosetsOf: number[][] = Array.from({ length: nP }, () => []);
  const seen = new Set<number>();
  const ownParent = new Map<number, [number, number]>();
  const facts = treeFacts(game);
  for (const v of decisionNodes) {
    const s = (game.nodes[v] as { infoset: number }).infoset;
    if (seen.has(s)) continue;
    seen.add(s);
    const player = game.infosets[s]!.player;
    infosetsOf[player]!.push(s);
    let child = v;
    let u = facts.parent[v]!;
    while (child !== region.root && u >= 0) {
      const un = game.nodes[u]!;
      if (un.type === 'decision' && game.infosets[un.infoset]!.player === player) {
        ownParent.set(s, [un.infoset, facts.parentAction[child]!]);
        break;
      }
      child = u;
      u = facts.parent[u]!;
    }
  }

  // Reduced pure strategies: an action at each information set not ruled out by own choices.
  const strategies: Int32Array[][] = infosetsOf.map((owned) => {
    const list: Int32Array[] = [];
    const cur = new Int32Array(owned.length);
    const pos = new Map(owned.map((s, k) => [s, k]));
    const rec = (k: number): void => {
      if (k === owned.length) {
        if (list.length >= maxProfiles) {
          throw new InputError(`a subgame has more than ${maxProfiles} reduced pure strategies for one player`, {
            place: `node ${region.root}`,
            expected: 'a smaller subgame (or raise maxProfilesPerSubgame)',
          });
        }
        list.push(cur.slice());
        return;
      }
      const s = owned[k]!;
      const par = ownParent.get(s);
      const reachable = par === undefined || cur[pos.get(par[0])!] === par[1];
      if (!reachable) {
        cur[k] = NO_ACTION;
        rec(k + 1);
        return;
      }
      for (let a = 0; a < game.infosets[s]!.actions.length; a++) {
        cur[k] = a;
        rec(k + 1);
      }
    };
    rec(0);
    return list;
  });

  const sizes = strategies.map((l) => l.length);
  let total = 1;
  for (const k of sizes) total *= k;
  if (total > maxProfiles) {
    throw new InputError(`a subgame's reduced strategic form has ${total} pure profiles, more than the limit ${maxProfiles}`, {
      place: `node ${region.root}`,
      expected: 'a smaller subgame (or raise maxProfilesPerSubgame)',
    });
  }
  const stride: number[] = [];
  let acc = 1;
  for (const k of sizes) {
    stride.push(acc);
    acc *= k;
  }
  const table: Rational[][] = new Array<Rational[]>(total);
  const idx = new Array<number>(nP).fill(0);
  for (let p = 0; p < total; p++) {
    let rest = p;
    for (let i = 0; i < nP; i++) {
      idx[i] = rest % sizes[i]!;
      rest = Math.floor(rest / sizes[i]!);
      const owned = infosetsOf[i]!;
      const st = strategies[i]![idx[i]!]!;
      for (let k = 0; k < owned.length; k++) act[owned[k]!] = st[k]!;
    }
    table[p] = valueOf(region.root, act);
  }
  // Best payoff of player i against each profile of the others.
  const bestAgainst: Map<number, Rational>[] = [];
  for (let i = 0; i < nP; i++) {
    const m = new Map<number, Rational>();
    for (let p = 0; p < total; p++) {
      const own = Math.floor(p / stride[i]!) % sizes[i]!;
      const key = p - own * stride[i]!;
      const v = table[p]![i]!;
      const b = m.get(key);
      if (b === undefined || v.gt(b)) m.set(key, v);
    }
    bestAgainst.push(m);
  }
  const out: LocalEquilibrium[] = [];
  for (let p = 0; p < total; p++) {
    let nash = true;
    for (let i = 0; i < nP && nash; i++) {
      const own = Math.floor(p / stride[i]!) % sizes[i]!;
      if (table[p]![i]!.lt(bestAgainst[i]!.get(p - own * stride[i]!)!)) nash = false;
    }
    if (!nash) continue;
    const choices: number[] = [];
    let rest = p;
    for (let i = 0; i < nP; i++) {
      const st = strategies[i]![rest % sizes[i]!]!;
      rest = Math.floor(rest / sizes[i]!);
      infosetsOf[i]!.forEach((s, k) => choices.push(s, st[k]!));
    }
    out.push({ value: table[p]!, choices });
  }
  return out;
}

function finish(game: ExtensiveFormGame, rootSolutions: readonly SubgameSolution[], maxEquilibria: number): SolveResult {
  const equilibria: Equilibrium<Rational>[] = [];
  let complete = true;
  const nI = game.infosets.length;
  const emit = (assign: Int32Array, value: readonly Rational[]): boolean => {
    if (equilibria.length >= maxEquilibria) {
      complete = false;
      return false;
    }
    equilibria.push({ profile: pureBehaviorProfile(game, assign), payoffs: [...value] });
    return true;
  };
  const apply = (assign: Int32Array, sol: SubgameSolution): void => {
    for (let k = 0; k < sol.choices.length; k += 2) assign[sol.choices[k]!] = sol.choices[k + 1]!;
  };
  // Depth-first over branch points only: groups with one member are applied without recursion.
  const expand = (pending: (readonly SubgameSolution[])[], assign: Int32Array, value: readonly Rational[]): boolean => {
    while (pending.length > 0) {
      const group = pending.pop()!;
      if (group.length === 1) {
        apply(assign, group[0]!);
        for (const part of group[0]!.parts) pending.push(part);
        continue;
      }
      for (const sol of group) {
        const a2 = assign.slice();
        apply(a2, sol);
        const p2 = [...pending, ...sol.parts];
        if (!expand(p2, a2, value)) return false;
      }
      return true;
    }
    return emit(assign, value);
  };
  for (const sol of rootSolutions) {
    const assign = new Int32Array(nI).fill(NO_ACTION);
    apply(assign, sol);
    if (!expand([...sol.parts], assign, sol.value)) break;
  }
  return { method: 'spe', complete, exact: true, equilibria };
}

/**
 * One SPE in behaviour strategies of a two-player game: bottom-up over the subgames, a
 * perfect-information node takes its first best action, any other subgame (with its child subgames
 * collapsed to their values) is solved by the sequence-form LCP.
 */
function mixedSubgamePerfect(game: ExtensiveFormGame): SolveResult {
  if (game.players.length !== 2) {
    throw new InputError(`the mixed subgame-perfect solver needs 2 players, the game has ${game.players.length}`, { place: 'game', expected: 'a two-player game' });
  }
  const facts = treeFacts(game);
  const nP = 2;
  const dist: (readonly Rational[] | undefined)[] = new Array<readonly Rational[] | undefined>(game.infosets.length);
  const value = new Map<number, readonly Rational[]>();
  const zero = [Rational.ZERO, Rational.ZERO];
  const leafValue = (c: number): readonly Rational[] => {
    const child = game.nodes[c]!;
    if (child.type === 'terminal') return child.outcome === undefined ? zero : game.outcomes[child.outcome]!.payoffs;
    const v = value.get(c)!;
    value.delete(c);
    return v;
  };
  for (let r = game.nodes.length - 1; r >= 0; r--) {
    if (!facts.isSubgameRoot[r]) continue;
    const node = game.nodes[r]!;
    if (node.type === 'terminal') continue;
    let v: Rational[];
    if (node.children.every((c) => facts.isSubgameRoot[c] || game.nodes[c]!.type === 'terminal')) {
      const vals = node.children.map(leafValue);
      if (node.type === 'chance') {
        const probs = game.infosets[node.infoset]!.probabilities!;
        v = zero.slice();
        vals.forEach((cv, a) => {
          for (let i = 0; i < nP; i++) v[i] = v[i]!.add(probs[a]!.mul(cv[i]!));
        });
      } else {
        const mover = game.infosets[node.infoset]!.player;
        let best = 0;
        vals.forEach((cv, a) => {
          if (cv[mover]!.gt(vals[best]![mover]!)) best = a;
        });
        dist[node.infoset] = vals.map((_, a) => (a === best ? Rational.ONE : Rational.ZERO));
        v = [...vals[best]!];
      }
      if (node.outcome !== undefined) v = v.map((x, i) => x.add(game.outcomes[node.outcome!]!.payoffs[i]!));
    } else {
      const region = collectRegion(game, facts.isSubgameRoot, r);
      const collapsed = new Map(region.childRoots.map((c) => [c, leafValue(c)] as const));
      const sub = extractSubgame(game, r, collapsed);
      const eq = solveSequenceFormLcp(sub.game, { requireExact: true }).equilibria[0]!;
      for (let i = 0; i < nP; i++) {
        const own = behaviorLayout(sub.game).infosetsOf[i]!;
        splitByInfoset(sub.game, i, eq.profile[i] as Rational[]).forEach((d, k) => (dist[sub.infosetOrigin[own[k]!]!] = d));
      }
      v = [...(eq.payoffs as Rational[])];
    }
    value.set(r, v);
  }
  const layout = behaviorLayout(game);
  const profile = layout.infosetsOf.map((owned) => owned.flatMap((s) => [...(dist[s] ?? game.infosets[s]!.actions.map(() => Rational.of(1, game.infosets[s]!.actions.length)))]));
  return { method: 'spe', complete: false, exact: true, equilibria: [{ profile, payoffs: behaviorPayoffs(game, profile) }] };
}
