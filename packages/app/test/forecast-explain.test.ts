/** Explanations of EUM runs (bargaining/explain.ts) and the SMP path of `brink forecast` on a scenario issue. */
import { describe, expect, it } from 'vitest';
import { explainEum, issueModelInput, keyChallenges, runEum, type EumInput } from '@brink/engine/bargaining';
import { type Issue } from '@brink/engine/scenario';
import { forecastIssue } from '../src/cli/commands/forecast';

const input: EumInput = {
  actors: [
    { name: 'A', capability: 1, position: 0, salience: 1 },
    { name: 'B', capability: 1, position: 100, salience: 1 },
    { name: 'C', capability: 2, position: 40, salience: 0.6 },
  ],
};

describe('explainEum', () => {
  const res = runEum(input, { maxRounds: 1 });
  const weights = input.actors.map((a) => a.capability * a.salience);
  const rounds = explainEum(res, { actorNames: ['A', 'B', 'C'] }, weights);

  it('says who challenged whom, who moved, how and why (round 1 of the hand-derived case)', () => {
    expect(rounds).toHaveLength(1);
    const r = rounds[0]!;
    expect(r.challenges).toBe(res.rounds[0]!.offers.length);
    const a = r.moves.find((m) => m.actor === 0)!;
    expect(a.kind).toBe('compromise');
    expect(a.text).toMatch(/^C challenged A; A compromised, moving 14% of the way toward C/);
    const b = r.moves.find((m) => m.actor === 1)!;
    expect(b.text).toMatch(/^C challenged B; B expected to lose the conflict/);
    expect(r.resisted.map((x) => [x.sender, x.receiver])).toContainEqual([1, 2]);
  });

  it('pull = w |Δx| / Σw, and keyChallenges ranks moves by pull', () => {
    const total = weights.reduce((s, w) => s + w, 0);
    for (const m of rounds[0]!.moves) expect(m.pull).toBeCloseTo((weights[m.actor]! * Math.abs(m.to - m.from)) / total, 12);
    const key = keyChallenges(rounds);
    expect(key[0]!.actor).toBe(1); // B moved 60 points, A only 40/7
    for (let k = 1; k < key.length; k++) expect(key[k - 1]!.pull).toBeGreaterThanOrEqual(key[k]!.pull);
  });
});

describe('forecastIssue with the SMP', () => {
  const assume = (value: number, range?: [number, number]) => ({ value, ...(range ? { range } : {}), assumption: 'test' });
  const issue = issueModelInput(
    {
      id: 'relief',
      title: { en: 'Relief' },
      scale: { min: -10, max: 10, anchors: [{ value: -10, label: { en: 'None' } }, { value: 10, label: { en: 'All' } }] },
      positions: [
        { actor: 'a', position: assume(-8), salience: assume(0.6), clout: assume(1) },
        { actor: 'b', position: assume(2), salience: assume(0.5), clout: assume(0.5) },
        { actor: 'c', position: assume(9), salience: assume(0.9), clout: assume(0.4) },
      ],
    } as unknown as Issue,
    '$.issues[0]',
  );

  it('reports the most likely actor\'s final position in issue units, on the scale', () => {
    const f = forecastIssue(issue, null, 'smp');
    expect(f.positions.length).toBe(f.turns + 1);
    expect(f.forecast.value).toBeGreaterThanOrEqual(-10);
    expect(f.forecast.value).toBeLessThanOrEqual(10);
    expect(f.forecast.value).toBeCloseTo(f.final[f.forecast.mostLikelyActor!]![0]!, 6);
    expect(f.positions[0]!.map((r) => r[0])).toEqual([-8, 2, 9].map((x) => expect.closeTo(x, 9)));
  });
});
