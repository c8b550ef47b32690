/**
 * Every model's Gambit export (`brink deter --export-efg`) follows the label rules Gambit 17 enforces
 * when it reads a file (gambitproject/gambit, src/games/game.h: CheckLabel, CheckInfosetLabel,
 * CheckOutcomeLabel, CheckActionLabel, CheckPlayerLabel and GameNodeRep::SetLabel), which Gambit 16
 * also accepts, and round-trips through our reader to the same game. Gambit 17 refused the
 * earlier exports ("Node label must be unique within the game": every terminal node carried its
 * outcome code; "Infoset label must be unique for the player": brinkmanship's two chance moves).
 *
 * With BRINK_GAMBIT_ENUMPURE set to one or more gambit-enumpure binaries (colon-separated, e.g. a
 * Gambit 16.4.1 and a Gambit 17 build), each export is also read and solved by them; without it that
 * part is skipped, as a user's machine need not have Gambit.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANCE, type ExtensiveFormGame } from '../games/types';
import { parseEfg, writeEfg } from '../games/formats/efg';
import { enginePerfectBayesian } from '../games/perfect-bayesian';
import { createRng } from '../random/index';
import { listDeterrenceModels } from './registry';
import { codeDistribution, outcomeCode } from './efg-builder';
import { outcomeKey } from './verify';
import type { DeterrenceModel } from './model';

/** Gambit's IsValidLabel: no control characters, no leading/trailing whitespace, no two whitespace in a row. */
function validLabel(label: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u001f\u007f]/.test(label) && label === label.trim() && !/\s\s/.test(label);
}

/** The reasons Gambit 17 would refuse the game, as its messages say them (empty: it loads). */
export function gambitLabelProblems(game: ExtensiveFormGame): string[] {
  const problems: string[] = [];
  const seen = (list: string[]) => list.filter((x, i) => list.indexOf(x) !== i);
  if (game.players.some((p) => p === '' || !validLabel(p))) problems.push('Player label must not be empty');
  if (seen([...game.players]).length) problems.push('Player label must be unique within the game');
  const nodeLabels = game.nodes.map((n) => n.label).filter((l) => l !== '');
  if (nodeLabels.some((l) => !validLabel(l))) problems.push('Invalid node label');
  if (seen(nodeLabels).length) problems.push(`Node label must be unique within the game (${[...new Set(seen(nodeLabels))].join(', ')})`);
  for (const player of [CHANCE, ...game.players.map((_, i) => i)]) {
    const labels = game.infosets.filter((s) => s.player === player).map((s) => s.label).filter((l) => l !== '');
    if (labels.some((l) => !validLabel(l))) problems.push('Invalid infoset label');
    if (seen(labels).length) problems.push(`Infoset label must be unique for the player (${player}: ${[...new Set(seen(labels))].join(', ')})`);
  }
  for (const s of game.infosets) {
    if (s.actions.some((a) => a === '' || !validLabel(a))) problems.push('Action label must not be empty');
    if (seen([...s.actions]).length) problems.push('Action label must be unique within the information set');
  }
  const outcomeLabels = game.outcomes.map((o) => o.label);
  if (outcomeLabels.some((l) => l === '' || !validLabel(l))) problems.push('Outcome label must not be empty');
  if (seen(outcomeLabels).length) problems.push(`Outcome label must be unique within the game (${[...new Set(seen(outcomeLabels))].join(', ')})`);
  return problems;
}

/** A parameter point inside the model's ranges that satisfies its checks (drawn until one does). */
function randomPoint(model: DeterrenceModel, seed: number): Record<string, number> {
  const rng = createRng(seed);
  for (let attempt = 0; attempt < 2000; attempt++) {
    const p: Record<string, number> = {};
    for (const spec of model.parameters) p[spec.name] = spec.range[0] + rng.next() * (spec.range[1] - spec.range[0]);
    for (const group of model.probabilityGroups) {
      const sum = group.reduce((s, n) => s + p[n]!, 0);
      for (const n of group) p[n] = p[n]! / sum;
      p[group[group.length - 1]!] = 1 - group.slice(0, -1).reduce((s, n) => s + p[n]!, 0);
    }
    try {
      model.build(p);
      return p;
    } catch {
      // outside the orderings: draw again
    }
  }
  throw new Error(`no valid random point for ${model.id}`);
}

const pureOutcomes = (game: ExtensiveFormGame, model: DeterrenceModel) =>
  [...new Set(enginePerfectBayesian(game, model.offPathBeliefs).map((e) => outcomeKey(codeDistribution(e.outcomes))))].sort();

describe('Gambit .efg exports of the deterrence models', () => {
  for (const model of listDeterrenceModels()) {
    it(`${model.id}: labels follow Gambit 17's rules and the file reads back to the same game`, () => {
      for (const params of [{}, randomPoint(model, 1), randomPoint(model, 2)]) {
        const game = model.build(params);
        expect(gambitLabelProblems(game)).toEqual([]);
        const text = writeEfg(game);
        const back = parseEfg(text, `${model.id}.efg`);
        expect(gambitLabelProblems(back)).toEqual([]);
        expect(back.nodes).toHaveLength(game.nodes.length);
        expect(back.players).toEqual(game.players);
        expect(back.infosets.map((s) => [s.player, s.label, s.actions])).toEqual(game.infosets.map((s) => [s.player, s.label, s.actions]));
        // Outcome names are on outcomes (one per distinct code and payoff vector), not on nodes.
        expect(back.outcomes.map((o) => [o.label, o.payoffs.map(String)])).toEqual(game.outcomes.map((o) => [o.label, o.payoffs.map(String)]));
        expect(back.nodes.every((n) => n.label === '')).toBe(true);
        expect(new Set(back.outcomes.map((o) => outcomeCode(o.label)))).toEqual(new Set(model.outcomes.filter((c) => game.outcomes.some((o) => outcomeCode(o.label) === c))));
        // Writing what was read gives the same file.
        expect(writeEfg(back)).toBe(text);
      }
    });
  }

  it('the perfect Bayesian outcomes of the re-read games equal those of the built games (small models)', () => {
    for (const model of listDeterrenceModels().filter((m) => m.id !== 'aeg')) {
      const game = model.build({});
      expect(pureOutcomes(parseEfg(writeEfg(game), `${model.id}.efg`), model), model.id).toEqual(pureOutcomes(game, model));
    }
  });

  it('flags the labels that Gambit 17 refused in the earlier exports', () => {
    const game = listDeterrenceModels().find((m) => m.id === 'radg')!.build({});
    const old = { ...game, nodes: game.nodes.map((n) => (n.type === 'terminal' ? { ...n, label: game.outcomes[n.outcome!]!.label.split(' ')[0]! } : n)) };
    expect(gambitLabelProblems(old).join('\n')).toMatch(/Node label must be unique within the game/);
  });

  const binaries = (process.env.BRINK_GAMBIT_ENUMPURE ?? '').split(':').filter(Boolean);
  // Skipped without Gambit binaries (see the header): BRINK_GAMBIT_ENUMPURE is unset on this machine.
  it.skipIf(binaries.length === 0)('Gambit itself reads and solves every export (BRINK_GAMBIT_ENUMPURE)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'brink-efg-'));
    for (const model of listDeterrenceModels()) {
      const file = path.join(dir, `${model.id}.efg`);
      writeFileSync(file, writeEfg(model.build(randomPoint(model, 3))));
      for (const bin of binaries) {
        const out = execFileSync(bin, ['-q', file], { encoding: 'utf8', timeout: 60_000 });
        expect(out, `${bin} ${model.id}`).toMatch(/^NE,/m);
      }
    }
  });
});
