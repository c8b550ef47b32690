import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseGame, gameToJson } from '@brink/engine/games';
import { layoutTree, behaviourOffsets, numberOf } from './tree-layout';
import { exampleGames } from './examples';

/**
 * The trees laid out: the repository's extensive-form examples (examples/games/*.efg, the Games
 * page's bundled examples), a three-player tree written here, and, where ../shared (the peers' data
 * beside the repository, not part of a user's clone) is present, the first twelve of Gambit's
 * conformance trees as well.
 */
const examplesDir = path.resolve(process.cwd(), 'examples/games');
const gambitDir = path.resolve(process.cwd(), '../shared/conformance/gambit/games');
const THREE_PLAYERS = `EFG 2 R "Three players; C cannot tell (l, z) from r" { "A" "B" "C" }
""

p "" 1 1 "A" { "l" "r" } 0
p "" 2 1 "B" { "x" "y" "z" } 0
t "" 1 "x" { 1, 0, 0 }
t "" 2 "y" { 0, 1, 0 }
p "" 3 1 "C" { "u" "d" } 0
t "" 3 "l z u" { 0, 0, 1 }
t "" 4 "l z d" { 1, 1, 1 }
p "" 3 1 "C" { "u" "d" } 0
t "" 5 "r u" { 2, 0, 0 }
t "" 6 "r d" { 0, 2, 0 }
`;
const trees: [string, string][] = [
  ...readdirSync(examplesDir)
    .filter((f) => f.endsWith('.efg'))
    .sort()
    .map((f): [string, string] => [f, readFileSync(path.join(examplesDir, f), 'utf8')]),
  ...exampleGames.filter((g) => g.fileName.endsWith('.efg')).map((g): [string, string] => [g.fileName, g.text]),
  ['three-players.efg', THREE_PLAYERS],
];
if (existsSync(gambitDir)) {
  for (const f of readdirSync(gambitDir).filter((x) => x.endsWith('.efg')).slice(0, 12)) trees.push([`gambit/${f}`, readFileSync(path.join(gambitDir, f), 'utf8')]);
} else {
  console.warn("tree layout test: ../shared/conformance/gambit is absent (a clone without the peers' data), so Gambit's conformance trees are not laid out; the repository's own trees are");
}

describe('tree layout', () => {
  it('reads exact numbers', () => {
    expect(numberOf('3/5')).toBeCloseTo(0.6);
    expect(numberOf('-2')).toBe(-2);
    expect(numberOf('0.35')).toBe(0.35);
  });

  it('lays out at least the repository\'s trees: two examples, the bundled one and the one written here', () => {
    expect(trees.map(([name]) => name)).toEqual(expect.arrayContaining(['limited-strike.efg', 'resolve-signalling.efg', 'deterrence.efg', 'three-players.efg']));
  });

  it.each(trees)('%s: one position per node, leaves on distinct rows, parents between their children', (file, text) => {
    const json = gameToJson(parseGame(text, file));
    if (json.kind !== 'efg') throw new Error('expected efg');
    const layout = layoutTree(json);
    expect(layout.nodes.filter(Boolean)).toHaveLength(json.nodes.length);
    const leaves = layout.nodes.filter((n) => n.type === 'terminal');
    expect(new Set(leaves.map((n) => n.y)).size).toBe(leaves.length);
    expect(layout.edges).toHaveLength(json.nodes.length - 1);
    for (const n of layout.nodes) {
      const kids = layout.edges.filter((e) => e.from === n.index).map((e) => layout.nodes[e.to]!.y);
      if (kids.length) {
        expect(n.y).toBeGreaterThanOrEqual(Math.min(...kids));
        expect(n.y).toBeLessThanOrEqual(Math.max(...kids));
      }
    }
    // Behaviour offsets cover each player's actions exactly once.
    const offsets = behaviourOffsets(json);
    json.players.forEach((_, p) => {
      const sets = json.infosets.map((s, k) => ({ s, k })).filter(({ s }) => s.player === p);
      const total = sets.reduce((t, { s }) => t + s.actions.length, 0);
      expect(new Set(sets.map(({ k }) => offsets[k])).size).toBe(sets.length);
      for (const { s, k } of sets) expect(offsets[k]! + s.actions.length).toBeLessThanOrEqual(total);
    });
  });

  it('reach probabilities of the leaves sum to 1 under any behaviour profile', () => {
    for (const [file, text] of trees) {
      const json = gameToJson(parseGame(text, file));
      if (json.kind !== 'efg') continue;
      // Uniform behaviour for every player, and a skewed one (the first action twice as likely as each other).
      for (const weight of [(_: number) => 1, (a: number) => (a === 0 ? 2 : 1)]) {
        const profile = json.players.map((_, p) =>
          json.infosets
            .filter((s) => s.player === p)
            .flatMap((s) => {
              const sum = s.actions.reduce((t, _a, a) => t + weight(a), 0);
              return s.actions.map((_a, a) => String(weight(a) / sum));
            }),
        );
        const layout = layoutTree(json, profile);
        const total = layout.nodes.filter((n) => n.type === 'terminal').reduce((t, n) => t + (n.reach ?? 0), 0);
        expect(total, file).toBeCloseTo(1, 9);
      }
    }
  });
});
