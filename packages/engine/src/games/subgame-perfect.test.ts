import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../numeric/rational';
import { behaviorLayout, isBehaviorNash, splitByInfoset } from './behavior';
import { extractSubgame } from './extensive/subgame';
import { parseEfg } from './formats/efg';
import { isPerfectInformation, treeFacts } from './extensive/tree';
import { backwardInduction, backwardInductionOnStates, type SequentialState, solveSubgamePerfect } from './subgame-perfect';
import { CHANCE, type ExtensiveFormGame, type GameNode, type Infoset, type Outcome } from './types';

// Gambit's games and outputs live in ../shared (next to the repository on the development machines),
// not in a user's clone: without them the comparisons with Gambit are skipped; the behaviour tests
// use games written here and the repository's examples/games.
const GAMBIT = path.resolve(process.cwd(), '../shared/conformance/gambit');
const gambitAvailable = existsSync(path.join(GAMBIT, 'games')) && existsSync(path.join(GAMBIT, 'expected'));
const EXAMPLES = path.resolve(import.meta.dirname, '../../../../examples/games');
const example = (file: string): ExtensiveFormGame => parseEfg(readFileSync(path.join(EXAMPLES, file), 'utf8'), file);

const flat = (profile: readonly (readonly Rational[])[]): string => profile.flat().map(String).join(',');

interface Expected {
  game: string;
  runs: { method: string; complete: boolean; equilibria: string[][] }[];
}

function conformanceGames(): { file: string; game: ExtensiveFormGame; expected: Expected }[] {
  if (!gambitAvailable) return [];
  return readdirSync(path.join(GAMBIT, 'expected'))
    .filter((f) => f.endsWith('.efg.json'))
    .sort()
    .map((f) => {
      const expected = JSON.parse(readFileSync(path.join(GAMBIT, 'expected', f), 'utf8')) as Expected;
      const game = parseEfg(readFileSync(path.join(GAMBIT, 'games', expected.game), 'utf8'), expected.game);
      return { file: expected.game, game, expected };
    });
}

// Three players, perfect information, a chance node, outcomes on non-terminal nodes, one payoff tie.
const THREE_PLAYER = `EFG 2 R "hand-built" { "A" "B" "C" }
""
p "" 1 1 "" { "in" "out" } 1 "entry fee" { -1, 0, 0 }
c "" 1 "" { "good" 2/3 "bad" 1/3 } 0
p "" 2 1 "" { "l" "r" } 0
t "" 2 "" { 6, 3, 0 }
p "" 3 1 "" { "x" "y" } 7 "bonus" { 0, 0, 1 }
t "" 3 "" { 0, 3, 4 }
t "" 4 "" { 9, 0, 4 }
t "" 5 "" { 3, 0, 2 }
t "" 6 "" { 2, 2, 2 }
`;

// Selten's entry game: the entrant stays Out (0, 2) or goes In; the incumbent then Fights (-1, -1)
// or Accommodates (1, 1). Nash equilibria: (In, Accommodate) and (Out, Fight); only the first is
// subgame perfect (fighting is not credible).
const ENTRY = `EFG 2 R "entry" { "Entrant" "Incumbent" }
""
p "" 1 1 "" { "Out" "In" } 0
t "" 1 "" { 0, 2 }
p "" 2 1 "" { "Fight" "Accommodate" } 0
t "" 2 "" { -1, -1 }
t "" 3 "" { 1, 1 }
`;

// Player 1 chooses Out (2, 2) or In; In leads to a 2x2 coordination subgame (simultaneous moves).
const ENTRY_THEN_COORDINATION = `EFG 2 R "entry then coordination" { "1" "2" }
""
p "" 1 1 "" { "Out" "In" } 0
t "" 1 "" { 2, 2 }
p "" 1 2 "" { "A" "B" } 0
p "" 2 1 "" { "a" "b" } 0
t "" 2 "" { 3, 1 }
t "" 3 "" { 0, 0 }
p "" 2 1 "" { "a" "b" } 0
t "" 3 "" { 0, 0 }
t "" 4 "" { 1, 3 }
`;

describe('backward induction (hand-built game)', () => {
  const game = parseEfg(THREE_PLAYER, 'hand.efg');

  it('accumulates outcomes along the path, averages chance, and names its tie policy', () => {
    // C at (in, good, r): x gives C 1+4 = 5, y gives 1+4 = 5: a tie. 'first' picks x: B then compares
    // l (3) with r (3 + 0 = 3): another tie, 'first' picks l -> A gets -1 + 2/3*6 + 1/3*3 = 4 > 1 (Out).
    const first = backwardInduction(game, 'first');
    expect(flat(first.profile)).toBe('1,0,1,0,1,0');
    expect(first.payoffs.map(String)).toEqual(['4', '2', '2/3']);
    // 'last' picks y for C (B gets 0 after r) so B prefers l (3): A: -1 + 2/3*6 + 1/3*3 = 4.
    const last = backwardInduction(game, 'last');
    expect(flat(last.profile)).toBe('1,0,1,0,0,1');
    expect(last.payoffs.map(String)).toEqual(['4', '2', '2/3']);
  });

  it('lists every tie combination as a separate SPE', () => {
    const all = solveSubgamePerfect(game);
    expect(all.complete).toBe(true);
    const set = new Set(all.equilibria.map((e) => flat(e.profile as Rational[][])));
    // C: x or y (tie). After x B ties (l or r); after y B strictly prefers l.
    // (x, r): A gets -1 + 2/3*0 + 1/3*3 = 0 < 1 (Out: -1 + 2), so A stays out.
    expect(set).toEqual(new Set(['1,0,1,0,1,0', '0,1,0,1,1,0', '1,0,1,0,0,1']));
    for (const eq of all.equilibria) expect(isBehaviorNash(game, eq.profile as Rational[][])).toBe(true);
  });

  it('rejects imperfect information', () => {
    // The challenger does not see the defender's type (examples/games).
    const g = example('resolve-signalling.efg');
    expect(isPerfectInformation(g)).toBe(false);
    expect(() => backwardInduction(g)).toThrow(/perfect information/);
    expect(() => backwardInduction(parseEfg(ENTRY_THEN_COORDINATION, 'coord.efg'))).toThrow(/perfect information/);
  });
});

describe('subgame-perfect equilibria of small perfect-information trees', () => {
  it("Selten's entry game: (In, Accommodate) is the only SPE, though (Out, Fight) is a Nash equilibrium", () => {
    const game = parseEfg(ENTRY, 'entry.efg');
    const result = solveSubgamePerfect(game);
    expect(result.complete).toBe(true);
    expect(result.equilibria.map((e) => flat(e.profile as Rational[][]))).toEqual(['0,1,0,1']);
    expect(result.equilibria[0]!.payoffs.map(String)).toEqual(['1', '1']);
    expect(flat(backwardInduction(game).profile)).toBe('0,1,0,1');
    const outFight = [[Rational.ONE, Rational.ZERO], [Rational.ONE, Rational.ZERO]];
    expect(isBehaviorNash(game, outFight)).toBe(true);
  });

  it('the limited strike (examples/games): the challenger keeps the status quo, the defender would respond in kind', () => {
    // By hand: after a response in kind the challenger stops (-2 > -10); the defender then prefers
    // responding in kind (-2) to conceding (-3) or escalating (-8); so a strike is worth -2 < 0.
    const game = example('limited-strike.efg');
    const result = solveSubgamePerfect(game);
    expect(result.complete).toBe(true);
    expect(result.equilibria.map((e) => flat(e.profile as Rational[][]))).toEqual(['1,0,1,0,0,1,0']);
    expect(result.equilibria[0]!.payoffs.map(String)).toEqual(['0', '0']);
    for (const tie of ['first', 'last'] as const) expect(flat(backwardInduction(game, tie).profile)).toBe('1,0,1,0,0,1,0');
  });
});

describe('subgame decomposition (imperfect information)', () => {
  it('solves a simultaneous-move subgame, then the move before it', () => {
    // Player 1 chooses Out (2, 2) or In; In leads to a 2x2 coordination subgame.
    const game = parseEfg(ENTRY_THEN_COORDINATION, 'coord.efg');
    const result = solveSubgamePerfect(game);
    // Subgame equilibria: (A, a) worth (3,1) -> In; (B, b) worth (1,3) -> Out.
    expect(new Set(result.equilibria.map((e) => flat(e.profile as Rational[][])))).toEqual(new Set(['0,1,1,0,1,0', '1,0,0,1,0,1']));
    expect(result.equilibria.map((e) => e.payoffs.map(String).join(',')).sort()).toEqual(['2,2', '3,1']);
  });
});

describe.skipIf(!gambitAvailable)('Gambit conformance (gambit-enumpure -q -P; ../shared/conformance/gambit, skipped when absent)', () => {
  const games = conformanceGames();
  it('reproduces the exact set of pure subgame-perfect equilibria of every game', () => {
    let checked = 0;
    for (const { file, game, expected } of games) {
      const run = expected.runs.find((r) => r.method === 'spe');
      if (!run) continue;
      const result = solveSubgamePerfect(game);
      expect(result.complete, file).toBe(true);
      const ours = result.equilibria.map((e) => flat(e.profile as Rational[][])).sort();
      const theirs = run.equilibria.map((e) => e.join(',')).sort();
      expect(ours, file).toEqual(theirs);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(100);
  });

  it('gives Nash equilibria on the trees where Gambit 16 fails, and backward induction is among them', () => {
    for (const { file, game, expected } of games) {
      if (expected.runs.some((r) => r.method === 'spe')) continue;
      const result = solveSubgamePerfect(game);
      expect(result.equilibria.length, file).toBeGreaterThan(0);
      for (const eq of result.equilibria) expect(isBehaviorNash(game, eq.profile as Rational[][]), file).toBe(true);
      if (isPerfectInformation(game)) {
        const set = new Set(result.equilibria.map((e) => flat(e.profile as Rational[][])));
        expect(set.has(flat(backwardInduction(game).profile)), file).toBe(true);
      }
    }
  });

  it('backward induction picks one of the listed SPE on every perfect-information game', () => {
    for (const { file, game, expected } of games) {
      const run = expected.runs.find((r) => r.method === 'spe');
      if (!run || !isPerfectInformation(game) || !game.infosets.some((s) => s.player >= 0)) continue;
      const theirs = new Set(run.equilibria.map((e) => e.join(',')));
      for (const tie of ['first', 'last'] as const) expect(theirs.has(flat(backwardInduction(game, tie).profile)), `${file} ${tie}`).toBe(true);
    }
  });
});

/** A random perfect-information tree: `players` players, chance nodes, integer payoffs in [-3, 3] (ties likely). */
function randomTree(seedPlan: { kinds: number[]; payoffs: number[]; players: number }): ExtensiveFormGame {
  const nodes: GameNode[] = [];
  const infosets: Infoset[] = [];
  const outcomes: Outcome[] = [];
  const nP = seedPlan.players;
  let k = 0;
  let pay = 0;
  const nextPayoffs = (): Rational[] => Array.from({ length: nP }, () => Rational.fromInt(seedPlan.payoffs[pay++ % seedPlan.payoffs.length]!));
  const build = (depth: number): number => {
    const id = nodes.length;
    const kind = depth === 0 ? 0 : seedPlan.kinds[k++ % seedPlan.kinds.length]!;
    if (kind === 0) {
      outcomes.push({ number: outcomes.length + 1, label: '', payoffs: nextPayoffs() });
      nodes.push({ type: 'terminal', label: '', outcome: outcomes.length - 1 });
      return id;
    }
    const width = 2 + (kind % 2);
    const isChance = kind === 3;
    const player = isChance ? CHANCE : kind % nP;
    const infoset = infosets.length;
    infosets.push({
      number: infoset + 1,
      player,
      label: '',
      actions: Array.from({ length: width }, (_, a) => `a${a}`),
      ...(isChance ? { probabilities: width === 2 ? [Rational.of(1, 3), Rational.of(2, 3)] : [Rational.of(1, 2), Rational.ZERO, Rational.of(1, 2)] } : {}),
    });
    const children: number[] = [];
    const placeholder: GameNode = { type: isChance ? 'chance' : 'decision', label: '', infoset, children };
    nodes.push(placeholder);
    for (let a = 0; a < width; a++) children.push(build(depth - 1));
    return id;
  };
  build(4);
  return { kind: 'efg', title: 'random', players: Array.from({ length: nP }, (_, i) => `P${i + 1}`), nodes, infosets, outcomes };
}

describe('properties on random perfect-information trees', () => {
  it('backward induction (both tie policies) is one of the SPE, and every SPE is a Nash equilibrium', () => {
    fc.assert(
      fc.property(
        fc.record({
          kinds: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 12 }),
          payoffs: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 12 }),
          players: fc.integer({ min: 1, max: 3 }),
        }),
        (plan) => {
          const game = randomTree(plan);
          if (!game.infosets.some((s) => s.player >= 0)) return;
          const all = solveSubgamePerfect(game, { maxEquilibria: 500 });
          expect(all.equilibria.length).toBeGreaterThan(0);
          const set = new Set(all.equilibria.map((e) => flat(e.profile as Rational[][])));
          expect(set.size).toBe(all.equilibria.length);
          for (const tie of ['first', 'last'] as const) {
            const bi = backwardInduction(game, tie);
            // With many ties the listing stops early (complete = false); membership is then not checked.
            if (all.complete) expect(set.has(flat(bi.profile))).toBe(true);
            expect(bi.payoffs.length).toBe(game.players.length);
            expect(isBehaviorNash(game, bi.profile)).toBe(true);
          }
          for (const eq of all.equilibria.slice(0, 20)) expect(isBehaviorNash(game, eq.profile as Rational[][])).toBe(true);
        },
      ),
      { seed: 20261127, numRuns: 150 },
    );
  });
});

/** The profile restricted to the subgame at `root`, in the subgame's own Gambit order. */
function restrict(game: ExtensiveFormGame, profile: readonly (readonly Rational[])[], root: number): { sub: ExtensiveFormGame; profile: Rational[][] } {
  const { game: sub, infosetOrigin } = extractSubgame(game, root);
  const byInfoset = new Map<number, Rational[]>();
  game.players.forEach((_, i) => {
    const owned = behaviorLayout(game).infosetsOf[i]!;
    splitByInfoset(game, i, profile[i]!).forEach((d, k) => byInfoset.set(owned[k]!, d));
  });
  const restricted = sub.players.map((_, i) => behaviorLayout(sub).infosetsOf[i]!.flatMap((s) => byInfoset.get(infosetOrigin[s]!)!));
  return { sub, profile: restricted };
}

/** Every subgame of `game` (its root included): the profile restricted to it is an exact Nash equilibrium there. */
function expectNashInEverySubgame(game: ExtensiveFormGame, profile: readonly (readonly Rational[])[], label: string): number {
  const facts = treeFacts(game);
  let subgames = 0;
  for (let r = 0; r < game.nodes.length; r++) {
    if (!facts.isSubgameRoot[r]) continue;
    const { sub, profile: p } = restrict(game, profile, r);
    expect(isBehaviorNash(sub, p), `${label} subgame at node ${r}`).toBe(true);
    subgames++;
  }
  return subgames;
}

const SMALL_TREES: [string, () => ExtensiveFormGame][] = [
  ['entry.efg', () => parseEfg(ENTRY, 'entry.efg')],
  ['coord.efg', () => parseEfg(ENTRY_THEN_COORDINATION, 'coord.efg')],
  ['hand.efg', () => parseEfg(THREE_PLAYER, 'hand.efg')],
  ['limited-strike.efg', () => example('limited-strike.efg')],
  ['resolve-signalling.efg', () => example('resolve-signalling.efg')],
];

describe('mixed subgame-perfect equilibrium (sequence-form LCP in each subgame)', () => {
  it('induces an exact Nash equilibrium in every subgame of small two-player trees', () => {
    for (const [file, make] of SMALL_TREES) {
      const game = make();
      if (game.players.length !== 2) continue;
      const result = solveSubgamePerfect(game, { mixed: true });
      expect(result.complete).toBe(false);
      expect(expectNashInEverySubgame(game, result.equilibria[0]!.profile as Rational[][], file)).toBeGreaterThanOrEqual(1);
    }
    // The entry-then-coordination game has two subgames (the root and the coordination game).
    const coord = parseEfg(ENTRY_THEN_COORDINATION, 'coord.efg');
    expect(expectNashInEverySubgame(coord, solveSubgamePerfect(coord, { mixed: true }).equilibria[0]!.profile as Rational[][], 'coord.efg')).toBe(2);
  });

  it('the pure SPE of small trees are Nash equilibria of every subgame too', () => {
    let checked = 0;
    for (const [file, make] of SMALL_TREES) {
      const game = make();
      for (const eq of solveSubgamePerfect(game).equilibria) {
        expectNashInEverySubgame(game, eq.profile as Rational[][], file);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(7);
  });

  it.skipIf(!gambitAvailable)('induces an exact Nash equilibrium in every subgame of every two-player Gambit conformance tree (skipped without ../shared)', () => {
    let checked = 0;
    let withoutPureSpe = 0;
    for (const { file, game, expected } of conformanceGames()) {
      if (game.players.length !== 2) continue;
      const result = solveSubgamePerfect(game, { mixed: true });
      expect(result.complete).toBe(false);
      const profile = result.equilibria[0]!.profile as Rational[][];
      const facts = treeFacts(game);
      for (let r = 0; r < game.nodes.length; r++) {
        if (!facts.isSubgameRoot[r]) continue;
        const { sub, profile: p } = restrict(game, profile, r);
        expect(isBehaviorNash(sub, p), `${file} subgame at node ${r}`).toBe(true);
      }
      const pure = expected.runs.find((x) => x.method === 'spe');
      if (pure && pure.equilibria.length === 0 && game.infosets.some((s) => s.player >= 0)) withoutPureSpe++;
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(80);
    // Among them, games with no pure SPE at all (e.g. stripped-down poker) still get one here.
    expect(withoutPureSpe).toBeGreaterThanOrEqual(10);
  });

  it.skipIf(!gambitAvailable)('the pure SPE listed for Gambit are Nash equilibria of every subgame too (skipped without ../shared)', () => {
    for (const file of ['e04.efg', 'tim.efg', 'my_2-8.efg', 'condjury.efg', 'reduction_generic_payoffs.efg']) {
      const game = parseEfg(readFileSync(path.join(GAMBIT, 'games', file), 'utf8'), file);
      const facts = treeFacts(game);
      for (const eq of solveSubgamePerfect(game).equilibria) {
        for (let r = 0; r < game.nodes.length; r++) {
          if (!facts.isSubgameRoot[r]) continue;
          const { sub, profile } = restrict(game, eq.profile as Rational[][], r);
          expect(isBehaviorNash(sub, profile), `${file} at ${r}`).toBe(true);
        }
      }
    }
  });
});

/** A stored tree seen through the narrow state interface. */
function efgState(game: ExtensiveFormGame, id = 0): SequentialState {
  const node = game.nodes[id]!;
  const pay = (o: number | undefined): number[] => game.players.map((_, i) => (o === undefined ? 0 : game.outcomes[o]!.payoffs[i]!.toNumber()));
  return {
    isTerminal: () => node.type === 'terminal',
    returns: () => pay(node.outcome),
    currentPlayer: () => (node.type === 'terminal' ? -2 : game.infosets[node.infoset]!.player),
    legalActions: () => (node.type === 'terminal' ? [] : node.children.map((_, a) => a)),
    chanceOutcomes: () => (node.type === 'chance' ? game.infosets[node.infoset]!.probabilities!.map((p, a) => [a, p.toNumber()] as const) : []),
    child: (a) => efgState(game, node.type === 'terminal' ? id : node.children[a]!),
    rewards: () => (node.type === 'terminal' ? game.players.map(() => 0) : pay(node.outcome)),
    key: () => (node.type === 'decision' ? String(node.infoset) : `chance ${id}`),
  };
}

describe('backward induction on a state interface (generated trees)', () => {
  const agree = (file: string, game: ExtensiveFormGame): void => {
    for (const tie of ['first', 'last'] as const) {
      const exact = backwardInduction(game, tie);
      const viaStates = backwardInductionOnStates(efgState(game), tie);
      expect(viaStates.values, file).toHaveLength(game.players.length);
      viaStates.values.forEach((v, i) => expect(v, file).toBeCloseTo(exact.payoffs[i]!.toNumber(), 9));
    }
  };

  it('agrees with the stored-tree version on small perfect-information trees', () => {
    const trees = SMALL_TREES.map(([file, make]) => [file, make()] as const).filter(([, game]) => isPerfectInformation(game));
    expect(trees.map(([file]) => file)).toEqual(['entry.efg', 'hand.efg', 'limited-strike.efg']);
    for (const [file, game] of trees) agree(file, game);
    // The hand-built three-player game: (4, 2, 2/3) whatever the tie policy.
    backwardInductionOnStates(efgState(parseEfg(THREE_PLAYER, 'hand.efg'))).values.forEach((v, i) => expect(v).toBeCloseTo([4, 2, 2 / 3][i]!, 9));
  });

  it.skipIf(!gambitAvailable)('agrees with the stored-tree version on the perfect-information Gambit conformance games (skipped without ../shared)', () => {
    let checked = 0;
    for (const { file, game } of conformanceGames()) {
      if (!isPerfectInformation(game) || !game.infosets.some((s) => s.player >= 0)) continue;
      agree(file, game);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('solves a take-away game: from 15 stones (take 1-3, taking the last stone wins) the mover takes 3', () => {
    const nim = (stones: number, mover: number): SequentialState => ({
      isTerminal: () => stones === 0,
      // The player who just moved took the last stone and wins.
      returns: () => (mover === 1 ? [1, -1] : [-1, 1]),
      currentPlayer: () => mover,
      legalActions: () => [1, 2, 3].filter((k) => k <= stones),
      chanceOutcomes: () => [],
      child: (k) => nim(stones - k, 1 - mover),
      key: () => `${stones}/${mover}`,
    });
    const result = backwardInductionOnStates(nim(15, 0));
    expect(result.values).toEqual([1, -1]);
    expect(result.rootAction).toBe(3);
    // Losing positions are the multiples of 4: the winner always moves to one.
    expect(result.policy.get('9/0')).toBe(1);
  });
});
