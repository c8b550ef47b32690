/**
 * The crisis model of the default scenario: every mechanism drives it with its stated sign or
 * says why it does not; bad input is refused at its JSON path; ensembles are deterministic and
 * independent of how runs are split into chunks; variants share their random numbers; the
 * calendar moves tension and launches; the ladder covers Kahn's 44 rungs.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, isInputError } from '../errors';
import { validateScenario, type Scenario } from '../scenario/index';
import { defaultScenario, repoRoot, scenarioData, variant } from '../../test/crisis-fixture';
import {
  checkCondensation,
  checkEnsembleOptions,
  compareVariants,
  compileCrisisModel,
  FAN_RUNS,
  KAHN_RUNGS,
  linkResponse,
  mergeChunks,
  planChunks,
  simulateChunk,
  simulateEnsemble,
  summariseChunk,
  chunkFromJson,
  chunkToJson,
  type CompiledCrisisModel,
} from './index';

const model = compileCrisisModel(defaultScenario());

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (error) {
    if (isInputError(error)) return error as InputError;
    throw error;
  }
  throw new Error('expected an InputError');
}

/** The scenario data with a change to its crisis section, validated (zod paths) and compiled. */
function broken(change: (crisis: Record<string, unknown>) => void): () => CompiledCrisisModel {
  const data = scenarioData();
  change((data.models as Record<string, unknown>).crisis as Record<string, unknown>);
  return () => compileCrisisModel(validateScenario(data) as Scenario);
}

function entry(list: unknown, id: string): Record<string, unknown> {
  return (list as Record<string, unknown>[]).find((x) => x.id === id)!;
}

describe('the default scenario\'s crisis model', () => {
  it('lists every mechanism of the scenario: an equation or a reason', () => {
    const ids = defaultScenario().mechanisms.map((m) => m.id).sort();
    expect(model.mechanisms.map((m) => m.id).sort()).toEqual(ids);
    expect(ids).toHaveLength(25);
    for (const m of model.mechanisms) {
      if (m.status === 'inert') expect(m.reason!.length).toBeGreaterThan(40);
      else expect(m.form).toBeTruthy();
    }
    expect(model.mechanisms.filter((m) => m.status === 'deterrence').map((m) => m.id)).toEqual(['limited-strike-credibility-dilemma']);
    expect(model.mechanisms.filter((m) => m.status === 'drives').length).toBeGreaterThanOrEqual(20);
  });

  const driving = compileCrisisModel(defaultScenario()).mechanisms.filter((m) => m.status === 'drives');
  it.each(driving.map((m) => [m.id, m] as const))('mechanism %s: raising the cause moves the effect the stated way', (_id, m) => {
    const r = linkResponse(model, m.causeNode!, m.effectNode!);
    const stated = m.sign === '+' ? 1 : m.sign === '-' ? -1 : 0;
    expect(r.direction).toBe(stated);
    // And lowering the cause (where it can fall) moves it the other way, or not at all at a bound.
    if (model.nodes[model.nodeIndex.get(m.causeNode!)!]!.kind === 'action') return;
    const down = linkResponse(model, m.causeNode!, m.effectNode!, -0.1);
    if (stated === 0) expect(down.direction).toBe(0);
    else expect(down.direction).not.toBe(stated);
  });

  it('has 44 Kahn rungs and a condensation that covers them without gaps', () => {
    expect(KAHN_RUNGS).toHaveLength(44);
    expect(KAHN_RUNGS[20]!.name).toMatch(/Local nuclear war: exemplary/);
    expect(() => checkCondensation(model.ladder.levels, '$.models.crisis.ladder.levels')).not.toThrow();
    expect(inputError(() => checkCondensation([{ level: 0, kahn: [1, 3] }, { level: 1, kahn: [5, 44] }], '$.l')).place).toBe('$.l[level=1].kahn');
    expect(inputError(() => checkCondensation([{ level: 0, kahn: [1, 40] }], '$.l')).reason).toMatch(/reach rung 44/);
  });

  it('starts from the deterrence binding and the variants: resolve = p_Ch, credibility = p_HH + p_HS', () => {
    const spec = (m: CompiledCrisisModel, key: string) => m.params.find((p) => p.key === key)!;
    expect(spec(model, '$.models.crisis.variables[id=resolve].initial').value).toBe(0.6);
    expect(spec(model, '$.models.crisis.variables[id=credibility-pyongyang].initial').value).toBeCloseTo(0.6, 12);
    const yoonScenario = variant('yoon-hardline');
    const yoon = compileCrisisModel(yoonScenario);
    const aeg = yoonScenario.models.deterrence.aeg!.parameters;
    expect(spec(yoon, '$.models.crisis.variables[id=credibility-pyongyang].initial').value).toBeCloseTo(aeg.p_HH!.value + aeg.p_HS!.value, 12);
    expect(spec(yoon, '$.models.crisis.variables[id=rok-engagement].initial').value).toBeCloseTo(0.05, 12);
    expect(spec(yoon, '$.models.crisis.variables[id=credibility-allies].initial').value).toBe(0.9);
    // Same keys in the same order: variants draw the same uniforms for the same numbers.
    expect(yoon.params.map((p) => p.key)).toEqual(model.params.map((p) => p.key));
  });
});

describe('docs/simulation.md', () => {
  it('lists every number of the default scenario\'s crisis model', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/simulation.md'), 'utf8');
    const missing = model.params.map((p) => p.key.replace('$.models.crisis.', '')).filter((k) => !doc.includes(`\`${k}\``));
    expect(missing).toEqual([]);
  });
});

describe('bad input is refused at its place', () => {
  it('a mechanism that names an unknown variable', () => {
    const e = inputError(broken((c) => (entry(c.mechanisms, 'russia-balances-china').effect = 'chinas-influence')));
    expect(e.message).toMatch(/\$\.models\.crisis\.mechanisms\[id=russia-balances-china\]\.effect/);
    expect(e.message).toMatch(/unknown variable "chinas-influence"/);
  });

  it('a missing initial value', () => {
    const e = inputError(broken((c) => delete entry(c.variables, 'sanctions').initial));
    expect(e.message).toMatch(/\$\.models\.crisis\.variables\[id=sanctions\]\.initial/);
  });

  it('a probability outside [0, 1]', () => {
    const e = inputError(broken((c) => ((entry(c.actions, 'nuclear-test').probability as Record<string, unknown>).value = 1.5)));
    expect(e.message).toMatch(/\$\.models\.crisis\.actions\[id=nuclear-test\]\.probability/);
    expect(e.message).toMatch(/\[0, 1\]/);
  });

  it('a range with min > max', () => {
    const e = inputError(broken((c) => ((entry(c.variables, 'sanctions').initial as Record<string, unknown>).range = [0.55, 0.25])));
    expect(e.message).toMatch(/\$\.models\.crisis\.variables\[id=sanctions\]\.initial/);
    expect(e.message).toMatch(/low <= high/);
  });

  it('a strength whose sign contradicts the scenario\'s mechanism', () => {
    const e = inputError(broken((c) => (entry(c.mechanisms, 'russia-balances-china').strength = { value: 0.005, range: [0.001, 0.01], assumption: 'wrong sign' })));
    expect(e.place).toBe('$.models.crisis.mechanisms[id=russia-balances-china].strength');
    expect(e.reason).toMatch(/sign "-"/);
  });

  it('a scenario mechanism without an entry, an unknown mechanism id, an unknown derived path', () => {
    expect(inputError(broken((c) => (c.mechanisms = (c.mechanisms as { id: string }[]).filter((m) => m.id !== 'xi-visit-strains-china-dprk')))).reason).toMatch(/xi-visit-strains-china-dprk .*has no entry/);
    expect(inputError(broken((c) => (entry(c.mechanisms, 'russia-balances-china').id = 'no-such-mechanism'))).place).toBe('$.models.crisis.mechanisms[id=no-such-mechanism].id');
    expect(inputError(broken((c) => ((entry(c.variables, 'exercise-scale').initial as Record<string, unknown>).from = '$.issues[id=nope].positions[actor=rok].position'))).place).toBe('$.models.crisis.variables[id=exercise-scale].initial.from');
  });

  it('runs 0 and weeks -1 (option places, which the CLI shows as flags)', () => {
    expect(inputError(() => checkEnsembleOptions({ runs: 0 })).place).toBe('runs');
    expect(inputError(() => checkEnsembleOptions({ weeks: -1 })).place).toBe('weeks');
    expect(inputError(() => simulateEnsemble(model, { runs: 10, weeks: 0 })).place).toBe('weeks');
  });
});

describe('ensembles', () => {
  const runs = 300;
  const weeks = 60;

  it('are deterministic: the same seed gives the same summary, another seed another one', () => {
    const a = simulateEnsemble(model, { runs, weeks, seed: 5 }).summary;
    const b = simulateEnsemble(model, { runs, weeks, seed: 5 }).summary;
    const c = simulateEnsemble(model, { runs, weeks, seed: 6 }).summary;
    expect(b).toEqual(a);
    expect(c.variables).not.toEqual(a.variables);
  });

  it('do not depend on how runs are split into chunks or in which order chunks merge', () => {
    const whole = simulateChunk(model, { seed: 9, firstRun: 0, runCount: runs, weeks });
    const parts = planChunks(runs, 37).map((p) => simulateChunk(model, { seed: 9, weeks, ...p }));
    const shuffled = [...parts].reverse();
    const merged = mergeChunks(shuffled);
    expect(merged).toEqual(whole);
    // Through JSON (a job queue) too.
    expect(mergeChunks(parts.map((p) => chunkFromJson(JSON.parse(JSON.stringify(chunkToJson(p))))))).toEqual(whole);
    expect(() => mergeChunks([parts[0]!, parts[2]!])).toThrow(/consecutive runs/);
  });

  it('report probabilities with Wilson intervals and ordered fan quantiles', () => {
    const { summary } = simulateEnsemble(model, { runs, weeks, seed: 2 });
    expect(summary.outcomes.map((o) => o.id)).toContain('nuclear-test');
    for (const o of summary.outcomes) {
      expect(o.lo).toBeLessThanOrEqual(o.p);
      expect(o.hi).toBeGreaterThanOrEqual(o.p);
      expect(o.hi - o.lo).toBeGreaterThan(0);
    }
    const ladderTotal = summary.ladder.reduce((s, l) => s + l.count, 0);
    expect(ladderTotal).toBe(runs);
    for (const v of summary.variables) {
      expect(v.weeks).toHaveLength(weeks);
      for (const w of v.weeks) expect(w.q05 <= w.q25 && w.q25 <= w.q50 && w.q50 <= w.q75 && w.q75 <= w.q95).toBe(true);
    }
    // Cumulative probabilities end at the outcome probability.
    for (const c of summary.cumulative) expect(c.p.at(-1)).toBe(summary.outcomes.find((o) => o.id === c.id)!.p);
    // Week 0 of a stock's fan is its start distribution: resolve starts at p_Ch's range [0.3, 0.9].
    const resolve = summary.variables.find((v) => v.id === 'resolve')!.weeks[0]!;
    expect(resolve.q05).toBeGreaterThan(0.29);
    expect(resolve.q95).toBeLessThan(0.91);
  });

  it('compare variants run for run: a variant against itself differs by exactly zero', () => {
    const c = compareVariants(model, model, { runs: 200, weeks: 40, seed: 3 });
    for (const d of c.differences) {
      expect(d.diff).toBe(0);
      expect(d.first).toBe(d.second);
    }
  });

  it('compare variants with the same fan charts as their ensembles, beyond FAN_RUNS runs', () => {
    const runs = FAN_RUNS + 500;
    const weeks = 3;
    const c = compareVariants(model, model, { runs, weeks, seed: 7, chunkSize: 1000 });
    const e = simulateEnsemble(model, { runs, weeks, seed: 7, chunkSize: 1000 }).summary;
    expect(c.first.fanRuns).toBe(FAN_RUNS);
    expect(c.first.variables).toEqual(e.variables);
    expect(c.second.variables).toEqual(e.variables);
    expect(c.first.outcomes).toEqual(e.outcomes);
    for (const v of c.first.variables) {
      for (const w of v.weeks) {
        expect(w.q50).toBeGreaterThanOrEqual(w.q05);
        expect(w.q50).toBeLessThanOrEqual(w.q95);
      }
    }
  });

  it('detect the effect of Seoul\'s line with paired intervals that exclude zero', () => {
    const yoon = compileCrisisModel(variant('yoon-hardline'), { variant: 'yoon-hardline' });
    const lee = compileCrisisModel(variant('lee-engagement'), { variant: 'lee-engagement' });
    const c = compareVariants(yoon, lee, { runs: 1500, weeks: 104, seed: 1 });
    const clash = c.differences.find((d) => d.id === 'armed-clash')!;
    // Engagement lowers border tension, so fewer clashes (Lee minus Yoon < 0).
    expect(clash.hi).toBeLessThan(0);
    expect(clash.lo).toBeLessThan(clash.diff);
  });
});

describe('the launch tempo', () => {
  it('forgets launch days older than 52 weeks while the launch action is gated off', () => {
    const data = scenarioData();
    const crisis = (data.models as Record<string, unknown>).crisis as Record<string, unknown>;
    // Gate the launch action on a nuclear test in the same week: closed in almost every week.
    const actions = crisis.actions as Record<string, unknown>[];
    const launch = entry(actions, 'missile-launch');
    launch.when = { requires: 'nuclear-test' };
    actions.splice(actions.indexOf(launch), 1);
    actions.push(launch);
    const gated = compileCrisisModel(validateScenario(data) as Scenario);
    const weeks = 60;
    const { summary } = simulateEnsemble(gated, { runs: 200, weeks, seed: 3 });
    const tempo = summary.variables.find((v) => v.id === 'launch-days-52w')!;
    // At the start the 52-week window holds the recent launch days ([5, 12]); a year later it is empty.
    expect(tempo.weeks[0]!.q50).toBeGreaterThan(4);
    expect(tempo.weeks[weeks - 1]!.q95).toBeLessThan(1);
  });
});

describe('the calendar', () => {
  it('raises US-DPRK tension and launches in exercise weeks', () => {
    const data = scenarioData();
    const crisis = (data.models as Record<string, unknown>).crisis as { calendar: { kind: string; intensity?: unknown }[] };
    for (const c of crisis.calendar) if (c.kind === 'exercise') c.intensity = { value: 0, range: [0, 0], assumption: 'no exercises' };
    const quiet = compileCrisisModel(validateScenario(data));
    const weeks = 60;
    const withEx = simulateEnsemble(model, { runs: 800, weeks, seed: 4 }).summary;
    const without = simulateEnsemble(quiet, { runs: 800, weeks, seed: 4 }).summary;
    // Freedom Shield 2026 runs 9-19 March: weeks 27-28 from 1 September 2025.
    const fs = model.section.calendar.find((c) => c.id === 'freedom-shield')!;
    expect(fs.from).toBe('2026-03-09');
    const tension = (s: typeof withEx, w: number) => s.variables.find((v) => v.id === 'tension-us-dprk')!.weeks[w]!.q50;
    expect(tension(withEx, 28)).toBeGreaterThan(tension(without, 28));
    // Away from the spring exercises (week 5, after the September drills have faded) the two agree more closely.
    expect(Math.abs(tension(withEx, 5) - tension(without, 5))).toBeLessThan(tension(withEx, 28) - tension(without, 28));
    const launches = (s: typeof withEx) => s.actions.find((a) => a.id === 'missile-launch')!.perRun;
    expect(launches(withEx)).toBeGreaterThan(launches(without));
  });
});

describe('summaries', () => {
  it('summarise a merged chunk the same as the ensemble', () => {
    const merged = mergeChunks(planChunks(120, 50).map((p) => simulateChunk(model, { seed: 1, weeks: 20, ...p })));
    expect(summariseChunk(model, merged, 1)).toEqual(simulateEnsemble(model, { runs: 120, weeks: 20, seed: 1, chunkSize: 7 }).summary);
  });
});
