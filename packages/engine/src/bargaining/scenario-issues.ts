/**
 * Scenario issues as inputs of the bargaining models.
 *
 * A scenario issue (`$.issues[k]`) has a one-dimensional scale [min, max] with labelled anchors and,
 * per actor, a cited position (issue units), salience (0..1) and clout (>= 0, only ratios matter),
 * each possibly with an uncertainty `range`. Variants are applied before (engine `applyVariant`,
 * or `loadScenarioFile(path, { variant })` in the app), so this module sees one variant at a time.
 *
 * The models work on 0..100 (KTAB's and our EUM's convention): x100 = 100 (x − min)/(max − min),
 * and results are mapped back with `fromModelScale`. SMP gets power = clout and salience·100 on its
 * single dimension; the EUM gets capability = clout and salience as is.
 */
import { InputError } from '../errors';
import type { Issue, Scenario } from '../scenario/index';
import type { EumInput } from './eum/types';
import type { SmpInput } from './smp/types';

export type IssueField = 'position' | 'salience' | 'clout';
export const ISSUE_FIELDS: readonly IssueField[] = ['position', 'salience', 'clout'];

export interface IssueAnchor {
  value: number;
  label: string;
}

export interface IssueActor {
  /** Scenario actor id. */
  id: string;
  /** English name (the id when the scenario has no such actor). */
  name: string;
  position: number;
  salience: number;
  clout: number;
  /** Uncertainty ranges where the scenario gives them (issue units, 0..1, clout units). */
  ranges: Partial<Record<IssueField, [number, number]>>;
  /** True when no settlement can pass without this actor (scenario `veto`). */
  veto: boolean;
  /** JSON path of this actor's entry, for error messages. */
  place: string;
}

/** A stretch of the scale the sources call impossible (scenario `ruledOut`), issue units. */
export interface RuledOutRange {
  range: [number, number];
  reason: string;
}

export interface IssueModelInput {
  issueId: string;
  title: string;
  scale: { min: number; max: number; anchors: IssueAnchor[] };
  actors: IssueActor[];
  ruledOut: RuledOutRange[];
  /** JSON path of the issue. */
  place: string;
}

/** One set of input values, actor by actor (issue units): the base values or a sample. */
export interface IssueValues {
  position: number[];
  salience: number[];
  clout: number[];
}

/** The issues of a scenario (all of them, or the one with id `issueId`) as model inputs. */
export function scenarioIssueInputs(scenario: Scenario, opts: { issue?: string } = {}): IssueModelInput[] {
  const issues = scenario.issues ?? [];
  const names = new Map<string, string>();
  for (const a of scenario.actors ?? []) names.set(a.id, a.names.en);
  const picked = issues.map((issue, k) => ({ issue, k })).filter(({ issue }) => opts.issue === undefined || issue.id === opts.issue);
  if (opts.issue !== undefined && picked.length === 0) {
    throw new InputError(`no issue "${opts.issue}" (issues: ${issues.map((i) => i.id).join(', ') || 'none'})`, { place: '$.issues' });
  }
  return picked.map(({ issue, k }) => issueModelInput(issue, `$.issues[${k}]`, names));
}

/** One issue as a model input. */
export function issueModelInput(issue: Issue, place: string, names: ReadonlyMap<string, string> = new Map()): IssueModelInput {
  const actors = issue.positions.map((p, i): IssueActor => {
    const at = `${place}.positions[${i}]`;
    if (!(p.clout.value > 0)) throw new InputError(`clout must be > 0 for the bargaining models, got ${p.clout.value}`, { place: `${at}.clout.value` });
    if (p.position.value < issue.scale.min || p.position.value > issue.scale.max) {
      throw new InputError(`position ${p.position.value} lies outside the scale [${issue.scale.min}, ${issue.scale.max}]`, { place: `${at}.position.value` });
    }
    const ranges: Partial<Record<IssueField, [number, number]>> = {};
    if (p.position.range) ranges.position = [Math.max(issue.scale.min, p.position.range[0]), Math.min(issue.scale.max, p.position.range[1])];
    if (p.salience.range) ranges.salience = [Math.max(0, p.salience.range[0]), Math.min(1, p.salience.range[1])];
    if (p.clout.range) ranges.clout = [Math.max(1e-9, p.clout.range[0]), p.clout.range[1]];
    return { id: p.actor, name: names.get(p.actor) ?? p.actor, position: p.position.value, salience: p.salience.value, clout: p.clout.value, ranges, veto: p.veto === true, place: at };
  });
  if (actors.length < 2) throw new InputError('an issue needs at least 2 actors to bargain', { place: `${place}.positions` });
  return {
    issueId: issue.id,
    title: issue.title.en,
    scale: { min: issue.scale.min, max: issue.scale.max, anchors: issue.scale.anchors.map((a) => ({ value: a.value, label: a.label.en })) },
    actors,
    ruledOut: (issue.ruledOut ?? []).map((r) => ({ range: [r.range[0], r.range[1]] as [number, number], reason: r.reason })),
    place,
  };
}

/** The base (cited or assumed) values. */
export function baseIssueValues(issue: IssueModelInput): IssueValues {
  return {
    position: issue.actors.map((a) => a.position),
    salience: issue.actors.map((a) => a.salience),
    clout: issue.actors.map((a) => a.clout),
  };
}

/** Issue units -> model scale 0..100. */
export function toModelScale(scale: { min: number; max: number }, x: number): number {
  return (100 * (x - scale.min)) / (scale.max - scale.min);
}

/** Model scale 0..100 -> issue units. */
export function fromModelScale(scale: { min: number; max: number }, x100: number): number {
  return scale.min + ((scale.max - scale.min) * x100) / 100;
}

/** The anchor nearest to x (issue units), and how far it is. */
export function nearestAnchor(scale: { anchors: IssueAnchor[] }, x: number): { anchor: IssueAnchor; distance: number } | undefined {
  let best: { anchor: IssueAnchor; distance: number } | undefined;
  for (const anchor of scale.anchors) {
    const distance = Math.abs(anchor.value - x);
    if (!best || distance < best.distance) best = { anchor, distance };
  }
  return best;
}

/** EUM input on 0..100. */
export function issueToEumInput(issue: IssueModelInput, values: IssueValues = baseIssueValues(issue)): EumInput {
  return {
    name: issue.issueId,
    actors: issue.actors.map((a, i) => ({
      name: a.name,
      capability: values.clout[i]!,
      position: toModelScale(issue.scale, values.position[i]!),
      salience: values.salience[i]!,
      ...(a.veto ? { veto: true } : {}),
    })),
  };
}

/** SMP input with one dimension on 0..100. */
export function issueToSmpInput(issue: IssueModelInput, values: IssueValues = baseIssueValues(issue)): SmpInput {
  return {
    name: issue.issueId,
    description: issue.title,
    actors: issue.actors.map((a, i) => ({ name: a.name.slice(0, 25), power: values.clout[i]! })),
    dimensions: [{ name: issue.issueId }],
    positions: issue.actors.map((_, i) => [toModelScale(issue.scale, values.position[i]!)]),
    saliences: issue.actors.map((_, i) => [100 * values.salience[i]!]),
  };
}
