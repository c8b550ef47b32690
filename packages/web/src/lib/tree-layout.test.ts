import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseGame, gameToJson } from '@brink/engine/games';
import { layoutTree, behaviourOffsets, numberOf } from './tree-layout';

const gamesDir = path.resolve(process.cwd(), '../shared/conformance/gambit/games');
const efgFiles = readdirSync(gamesDir).filter((f) => f.endsWith('.efg')).slice(0, 12);

describe('tree layout', () => {
  it('reads exact numbers', () => {
    expect(numberOf('3/5')).toBeCloseTo(0.6);
    expect(numberOf('-2')).toBe(-2);
    expect(numberOf('0.35')).toBe(0.35);
  });

  it.each(efgFiles)('%s: one position per node, leaves on distinct rows, parents between their children', (file) => {
    const json = gameToJson(parseGame(readFileSync(path.join(gamesDir, file), 'utf8'), file));
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
    for (const file of efgFiles) {
      const json = gameToJson(parseGame(readFileSync(path.join(gamesDir, file), 'utf8'), file));
      if (json.kind !== 'efg') continue;
      // Uniform behaviour for every player.
      const profile = json.players.map((_, p) => json.infosets.filter((s) => s.player === p).flatMap((s) => s.actions.map(() => String(1 / s.actions.length))));
      const layout = layoutTree(json, profile);
      const total = layout.nodes.filter((n) => n.type === 'terminal').reduce((t, n) => t + (n.reach ?? 0), 0);
      expect(total).toBeCloseTo(1, 9);
    }
  });
});
