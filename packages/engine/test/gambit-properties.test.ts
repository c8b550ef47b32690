/**
 * Property tests of the game engine (fast-check, fixed seeds): round trips of every format, and
 * every reported profile is a Nash equilibrium, checked exactly.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { behaviorMaxGain, behaviorPayoffs } from '../src/games/behavior';
import { eliminateDominated } from '../src/games/dominance';
import { enumMixed } from '../src/games/enum-mixed';
import { enumPure } from '../src/games/enum-pure';
import { parseEfg, writeEfg } from '../src/games/formats/efg';
import { gameFromJson, gameToJson } from '../src/games/formats/json';
import { parseNfg, writeNfg } from '../src/games/formats/nfg';
import { parseGame, writeGame } from '../src/games/formats/parse-game';
import { lemkeHowson } from '../src/games/lemke-howson';
import { countReducedStrategies, reducedNormalForm, reducedStrategies, reducedToBehavior } from '../src/games/reduced-normal-form';
import { mixedMaxGain, mixedMaxGainFloat, strategyCounts } from '../src/games/strategic';
import { CHANCE, type ExtensiveFormGame, type Game, type GameNode, type Infoset, type NormalFormGame, type Outcome } from '../src/games/types';
import { Rational } from '../src/numeric/rational';

const readGames = (dir: string): { file: string; game: Game }[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.nfg') || f.endsWith('.efg'))
    .sort()
    .map((f) => ({ file: f, game: parseGame(readFileSync(path.join(dir, f), 'utf8'), f) }));

// The repository's own example games (always present).
const examples = readGames(path.resolve(process.cwd(), 'examples/games'));
// Gambit's games live in ../shared (next to the repository on the development machines), not in a
// user's clone: without them the round trip over Gambit's games is skipped.
const root = path.resolve(process.cwd(), '../shared/conformance/gambit/games');
const gambitAvailable = existsSync(root);
const conformance = gambitAvailable ? readGames(root) : [];

const canon = (g: Game): string => JSON.stringify(gameToJson(g));

// ---------- generators ----------

const rational = fc.tuple(fc.integer({ min: -6, max: 6 }), fc.constantFrom(1, 1, 1, 2, 3)).map(([n, d]) => Rational.of(n, d));
const label = fc.string({ maxLength: 4 });

function nfgArb(players: number, maxStrategies: number, payoff: fc.Arbitrary<Rational> = rational): fc.Arbitrary<NormalFormGame> {
  return fc.array(fc.integer({ min: 1, max: maxStrategies }), { minLength: players, maxLength: players }).chain((counts) => {
    const cells = counts.reduce((p, c) => p * c, 1);
    return fc
      .record({
        title: label,
        payoffs: fc.array(fc.array(payoff, { minLength: players, maxLength: players }), { minLength: cells, maxLength: cells }),
        named: fc.boolean(),
        labels: fc.option(fc.array(fc.constantFrom('', 'a', 'b', 'c d', 'e"f'), { minLength: cells, maxLength: cells }), { nil: undefined }),
      })
      .map(({ title, payoffs, named, labels }) => ({
        kind: 'nfg' as const,
        title,
        players: counts.map((_, i) => `P${i + 1}`),
        strategies: counts.map((c, i) => Array.from({ length: c }, (_, k) => (named ? `s${i}${k}` : String(k + 1)))),
        payoffs,
        ...(labels ? { outcomeLabels: labels } : {}),
      }));
  });
}

/**
 * Random extensive games with perfect recall: a tree where each decision node belongs to a player;
 * a player who moved may or may not observe the last move (when it does not, sibling nodes after
 * another player's move share one information set).
 */
const efgArb: fc.Arbitrary<ExtensiveFormGame> = fc
  .record({
    players: fc.integer({ min: 1, max: 3 }),
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 64, maxLength: 64 }),
    payoffs: fc.array(rational, { minLength: 200, maxLength: 200 }),
  })
  .map(({ players, seed, payoffs }) => {
    let k = 0;
    const rnd = (m: number): number => seed[k++ % seed.length]! % m;
    let p = 0;
    const pay = (): Rational => payoffs[p++ % payoffs.length]!;
    const nodes: GameNode[] = [];
    const infosets: Infoset[] = [];
    const outcomes: Outcome[] = [];
    const counters = new Map<number, number>();
    const newInfoset = (player: number, actions: number): number => {
      const number = (counters.get(player) ?? 0) + 1;
      counters.set(player, number);
      infosets.push({
        number,
        player,
        label: `i${player}.${number}`,
        actions: Array.from({ length: actions }, (_, a) => `a${a}`),
        ...(player === CHANCE ? { probabilities: actions === 2 ? [Rational.of(1, 3), Rational.of(2, 3)] : Array.from({ length: actions }, () => Rational.of(1, actions)) } : {}),
      });
      return infosets.length - 1;
    };
    const outcome = (): number => {
      outcomes.push({ number: outcomes.length + 1, label: `o${outcomes.length + 1}`, payoffs: Array.from({ length: players }, pay) });
      return outcomes.length - 1;
    };
    // build(depth, sharedInfoset): sharedInfoset lets sibling subtrees start in the same infoset.
    const build = (depth: number, shared?: { infoset: number }): number => {
      const id = nodes.length;
      if (depth === 0 || (shared === undefined && rnd(5) === 0)) {
        nodes.push({ type: 'terminal', label: '', ...(rnd(4) > 0 ? { outcome: outcome() } : {}) });
        return id;
      }
      if (shared) {
        const s = infosets[shared.infoset]!;
        const node = { type: 'decision' as const, label: '', infoset: shared.infoset, children: [] as number[] };
        nodes.push(node);
        for (let a = 0; a < s.actions.length; a++) node.children.push(build(depth - 1));
        return id;
      }
      const chance = rnd(4) === 0;
      const player = chance ? CHANCE : rnd(players);
      const nA = 2 + rnd(2);
      const infoset = newInfoset(player, nA);
      const node = { type: chance ? ('chance' as const) : ('decision' as const), label: '', infoset, children: [] as number[], ...(rnd(6) === 0 ? { outcome: outcome() } : {}) };
      nodes.push(node);
      // Another player moving next without observing this move: one infoset over all children.
      const hidden = !chance && players > 1 && depth > 1 && rnd(3) === 0 ? newInfoset((player + 1) % players, 2) : undefined;
      for (let a = 0; a < nA; a++) node.children.push(build(depth - 1, hidden !== undefined ? { infoset: hidden } : undefined));
      return id;
    };
    build(4);
    return { kind: 'efg' as const, title: 'random', players: Array.from({ length: players }, (_, i) => `P${i + 1}`), nodes, infosets, outcomes };
  });

// ---------- round trips ----------

describe('round trips', () => {
  const roundTrip = (games: { file: string; game: Game }[]): void => {
    for (const { file, game } of games) {
      const again = game.kind === 'nfg' ? parseNfg(writeNfg(game), file) : parseEfg(writeEfg(game), file);
      expect(canon(again), file).toBe(canon(game));
      expect(canon(gameFromJson(JSON.parse(JSON.stringify(gameToJson(game))))), file).toBe(canon(game));
    }
  };

  it('every example game (examples/games) survives write + parse, and JSON', () => {
    expect(examples.map((e) => e.game.kind).sort()).toEqual(expect.arrayContaining(['efg', 'nfg']));
    roundTrip(examples);
  });

  it.skipIf(!gambitAvailable)('every Gambit conformance game (../shared/conformance/gambit, skipped when absent) survives write + parse, and JSON', () => {
    expect(conformance.length).toBeGreaterThan(0);
    roundTrip(conformance);
  });

  it('random normal forms survive write + parse (both .nfg versions)', () => {
    fc.assert(
      fc.property(nfgArb(3, 3), (g) => {
        expect(canon(parseGame(writeGame(g), 'x.nfg'))).toBe(canon(g));
      }),
      { seed: 1234, numRuns: 150 },
    );
  });

  it('random extensive forms survive write + parse and JSON', () => {
    fc.assert(
      fc.property(efgArb, (g) => {
        expect(canon(parseEfg(writeEfg(g)))).toBe(canon(g));
        expect(canon(gameFromJson(gameToJson(g)))).toBe(canon(g));
      }),
      { seed: 4321, numRuns: 150 },
    );
  });
});

// ---------- equilibria ----------

const isPureNashBrute = (g: NormalFormGame, digits: number[]): boolean => {
  const counts = strategyCounts(g);
  const profile = digits.map((k, i) => Array.from({ length: counts[i]! }, (_, j) => (j === k ? Rational.ONE : Rational.ZERO)));
  return mixedMaxGain(g, profile).sign() <= 0;
};

describe('every reported profile is a Nash equilibrium (exact check)', () => {
  it('enumpure finds exactly the pure equilibria of random n-player games', () => {
    fc.assert(
      fc.property(nfgArb(3, 3, fc.integer({ min: 0, max: 3 }).map((n) => Rational.fromInt(n))), (g) => {
        const counts = strategyCounts(g);
        const found = new Set(enumPure(g).equilibria.map((e) => e.profile.map((row) => row.findIndex((p) => (p as Rational).eq(Rational.ONE))).join(',')));
        const cells = counts.reduce((p, c) => p * c, 1);
        for (let cell = 0; cell < cells; cell++) {
          const digits: number[] = [];
          let rest = cell;
          for (const c of counts) {
            digits.push(rest % c);
            rest = Math.floor(rest / c);
          }
          expect(found.has(digits.join(','))).toBe(isPureNashBrute(g, digits));
        }
      }),
      { seed: 99, numRuns: 150 },
    );
  });

  it('enummixed: every vertex pair is an equilibrium and the pure equilibria are among them (degenerate games included)', () => {
    fc.assert(
      fc.property(nfgArb(2, 4, fc.integer({ min: -2, max: 2 }).map((n) => Rational.fromInt(n))), (g) => {
        const mixed = enumMixed(g).equilibria;
        expect(mixed.length).toBeGreaterThan(0);
        const keys = new Set(mixed.map((e) => e.profile.flat().join(',')));
        expect(keys.size).toBe(mixed.length);
        for (const e of mixed) expect(mixedMaxGain(g, e.profile as Rational[][]).sign()).toBeLessThanOrEqual(0);
        for (const e of enumPure(g).equilibria) expect(keys.has(e.profile.flat().join(','))).toBe(true);
        // Lemke-Howson ends (lexicographic rule, exact or certified) are extreme equilibria here too.
        for (const guided of [false, true]) {
          const lh = lemkeHowson(g, { guided }).equilibria;
          expect(lh.length).toBeGreaterThan(0);
          for (const e of lh) expect(keys.has(e.profile.flat().join(','))).toBe(true);
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('Lemke-Howson (exact and float) returns equilibria, and the exact ones are extreme equilibria in nondegenerate games', () => {
    fc.assert(
      fc.property(nfgArb(2, 5, fc.integer({ min: -1000, max: 1000 }).map((n) => Rational.fromInt(n))), (g) => {
        const exact = lemkeHowson(g).equilibria;
        expect(exact.length).toBeGreaterThan(0);
        for (const e of exact) expect(mixedMaxGain(g, e.profile as Rational[][]).sign()).toBeLessThanOrEqual(0);
        const all = new Set(enumMixed(g).equilibria.map((e) => e.profile.flat().join(',')));
        for (const e of exact) expect(all.has(e.profile.flat().join(','))).toBe(true);
        // Floating-point paths certified exactly (the mode used for large games).
        const guided = lemkeHowson(g, { guided: true }).equilibria;
        expect(guided.length).toBeGreaterThan(0);
        for (const e of guided) {
          expect(mixedMaxGain(g, e.profile as Rational[][]).sign()).toBeLessThanOrEqual(0);
          expect(all.has(e.profile.flat().join(','))).toBe(true);
        }
        const float = lemkeHowson(g, { arithmetic: 'float' }).equilibria;
        expect(float.length).toBeGreaterThan(0);
        for (const e of float) expect(mixedMaxGainFloat(g, e.profile as number[][])).toBeLessThanOrEqual(1e-6);
      }),
      { seed: 11, numRuns: 100 },
    );
  });

  it('enumpure on extensive forms: behaviour profiles are equilibria with the reduced normal form payoffs', () => {
    fc.assert(
      fc.property(efgArb, (g) => {
        const lists = reducedStrategies(g);
        expect(countReducedStrategies(g)).toEqual(lists.map((l) => l.length));
        fc.pre(lists.reduce((p, r) => p * r.length, 1) <= 400);
        const rnf = reducedNormalForm(g);
        for (const e of enumPure(g).equilibria) {
          expect(behaviorMaxGain(g, e.profile as Rational[][]).sign()).toBeLessThanOrEqual(0);
        }
        // Every reduced pure profile's behaviour payoff equals its reduced-normal-form payoff.
        const counts = strategyCounts(rnf.game);
        const cells = Math.min(rnf.game.payoffs.length, 64);
        for (let cell = 0; cell < cells; cell++) {
          let rest = cell;
          const profile = counts.map((c, i) => {
            const k = rest % c;
            rest = Math.floor(rest / c);
            return reducedToBehavior(g, i, rnf.reduced[i]![k]!);
          });
          expect(behaviorPayoffs(g, profile).map(String)).toEqual(rnf.game.payoffs[cell]!.map(String));
        }
      }),
      { seed: 2024, numRuns: 120 },
    );
  });

  it('iterated strict dominance never removes a strategy played in an equilibrium', () => {
    fc.assert(
      fc.property(nfgArb(2, 4, fc.integer({ min: -3, max: 3 }).map((n) => Rational.fromInt(n))), fc.boolean(), (g, mixed) => {
        const { remaining } = eliminateDominated(g, { mixed });
        for (const e of enumMixed(g).equilibria) {
          e.profile.forEach((row, i) =>
            row.forEach((p, k) => {
              if (!(p as Rational).isZero()) expect(remaining[i]).toContain(k);
            }),
          );
        }
      }),
      { seed: 5, numRuns: 150 },
    );
  });
});
