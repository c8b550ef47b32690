/**
 * Compiles a scenario's `models.crisis` section into the flat arrays the weekly kernel runs on
 * (./simulate.ts): node indices, link tables, action gates, parameter table with samplers, calendar
 * items and the deterrence hand-off. Everything a run samples is a *parameter*: a cited or derived
 * number with its range (sampled by inverse CDF, one uniform each, in the order of their keys),
 * or a fitted launch-model coefficient (normal). Errors are `InputError`s at JSON paths
 * (`$.models.crisis.mechanisms[id=x].effect`).
 *
 * Node layout of a run's state vector x:
 *   stocks | auxiliaries (in dependency order) | policies | calendar signals | actions | talks, level
 * A link's cause is measured from its reference: its start value for variables and states
 * (`reference: start`, the default), zero for actions and calendar signals (or `reference: zero`).
 */
import { InputError } from '../errors';
import { getAt, resolvePath, type Mechanism, type Scenario } from '../scenario/index';
import { getDeterrenceModel } from '../deterrence/index';
import { crisisSectionSchema, isDerived, CALENDAR_PREFIX, type CrisisQuantity, type CrisisSection, type LinkForm } from './schema';
import { checkCondensation } from './ladder';
import { dayNumber, type ResolvedCalendarItem, type SignalShape } from './calendar';
import { makeSampler, normalQuantile, type Sampler, type SamplingShape } from './inverse-cdf';
import { fitLaunchModel, type LaunchModel } from './launch-model';
import { cholesky } from '../numeric/cholesky';
import { AEG_OUTCOME_CODES } from './deterrence-handoff';

export const BASE = '$.models.crisis';

export type NodeKind = 'stock' | 'auxiliary' | 'policy' | 'calendar' | 'action' | 'state';

export interface NodeInfo {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: { en: string; 'zh-Hant'?: string };
  readonly unit: string;
  readonly bounds: readonly [number, number];
}

export interface ParamSpec {
  /** JSON path of the number in the scenario (its identity across variants). */
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** Range sampled by ensembles and varied by the tornado (lo = hi for a fixed number). */
  readonly lo: number;
  readonly hi: number;
  readonly provenance: 'cited' | 'assumed' | 'derived' | 'fitted';
  /** Draws the value from a uniform u in (0, 1) (inverse CDF). */
  readonly sampler: Sampler;
}

export interface CompiledLink {
  readonly id: string;
  /** Scenario mechanism id, when the link is one. */
  readonly mechanism: string | null;
  readonly form: LinkForm;
  readonly cause: number;
  readonly effect: number;
  readonly param: number;
  /** How the cause is measured: 0 from its start value, 1 from zero, 2 from `refValue`. */
  readonly refMode: 0 | 1 | 2;
  readonly refValue: number;
  readonly place: string;
}

export interface CompiledAction {
  readonly id: string;
  readonly actor: string;
  readonly label: { en: string; 'zh-Hant'?: string };
  readonly node: number;
  readonly kind: 'event' | 'launch-days';
  /** Parameter index of the weekly probability (event) or of the recent launch days (launch-days). */
  readonly param: number;
  readonly talksMask: number;
  readonly levelMask: number;
  readonly requires: number;
  readonly during: number;
  readonly thenTalks: number;
  readonly thenLevel: number;
  readonly cancels: number;
  readonly rung: number;
  readonly once: boolean;
  /** Logit links into this action: [start, end) in the logit link table. */
  readonly logitStart: number;
  readonly logitEnd: number;
  /** Pulse links from this action: [start, end) in the pulse table. */
  readonly pulseStart: number;
  readonly pulseEnd: number;
}

export interface MechanismStatus {
  readonly id: string;
  readonly cause: string;
  readonly effect: string;
  /** The scenario's sign: "+", "-", or "0" (the source reports no effect). */
  readonly sign: '+' | '-' | '0';
  readonly status: 'drives' | 'deterrence' | 'inert';
  readonly form?: string;
  readonly causeNode?: string;
  readonly effectNode?: string;
  readonly strength?: { value: number; lo: number; hi: number; provenance: string };
  readonly reason?: string;
}

export interface OutcomeSpec {
  readonly id: string;
  readonly label: { en: string; 'zh-Hant'?: string };
  readonly kind: 'action' | 'talks' | 'level';
  /** Action index, talks status or ladder level. */
  readonly target: number;
}

export interface DeterrenceHandoff {
  readonly modelId: 'aeg';
  readonly selection: 'worst' | 'best' | 'mean';
  /** The binding's parameters (utilities and the Defender type split at the start). */
  readonly binding: Readonly<Record<string, number>>;
  readonly challengerHard: number;
  readonly tacticalCredibility: number;
  readonly strikeCost: number;
  readonly statusQuo: number;
  readonly strategicPerStrikeCost: number;
  readonly statusQuoPerUnit: number;
  /** Crisis level per AEG outcome, in the order SQ, DC, DD, ED, DE, EE. */
  readonly outcomeLevels: readonly number[];
}

export interface CompiledCrisisModel {
  readonly scenarioId: string;
  readonly variant: string | null;
  readonly start: string;
  readonly startDay: number;
  readonly defaultWeeks: number;
  readonly sampling: SamplingShape;
  readonly nodes: readonly NodeInfo[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly counts: { readonly stocks: number; readonly auxiliaries: number; readonly policies: number; readonly calendar: number; readonly actions: number };
  readonly offsets: { readonly aux: number; readonly policy: number; readonly calendar: number; readonly action: number; readonly talks: number; readonly level: number };
  readonly params: readonly ParamSpec[];
  /**
   * Which uniform of a run's epistemic draws each parameter uses: the rank of its key among the
   * model's keys (sorted), so that two variants of a scenario give a parameter the same uniform.
   */
  readonly uniformIndex: Int32Array;
  /** Parameter index of each node's initial value (stocks, auxiliaries, policies), -1 otherwise. */
  readonly initialParam: Int32Array;
  readonly halfLifeParam: Int32Array;
  readonly growthParam: Int32Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly flows: readonly CompiledLink[];
  readonly levels: readonly CompiledLink[];
  readonly logits: readonly CompiledLink[];
  readonly pulses: readonly CompiledLink[];
  /** Pulse links whose cause is a calendar signal. */
  readonly calendarPulses: readonly CompiledLink[];
  readonly actions: readonly CompiledAction[];
  readonly calendar: readonly ResolvedCalendarItem[];
  readonly calendarKinds: readonly string[];
  readonly exerciseNode: number;
  readonly launch: { readonly model: LaunchModel; readonly zParams: readonly number[]; readonly cholesky: readonly (readonly number[])[] } | null;
  readonly ladder: { readonly levels: CrisisSection['ladder']['levels']; readonly threshold: number; readonly source: string; readonly rationale?: string };
  readonly deterrence: DeterrenceHandoff | null;
  readonly outcomes: readonly OutcomeSpec[];
  readonly mechanisms: readonly MechanismStatus[];
  readonly fanNodes: readonly number[];
  readonly section: CrisisSection;
}

export interface CompileOptions {
  variant?: string | null;
  /** Overrides the section's sampling shape. */
  sampling?: SamplingShape;
}

/** The scenario's crisis section, parsed (when the scenario came through validateScenario it already is). */
export function crisisSection(scenario: Scenario): CrisisSection {
  const raw = (scenario.models as { crisis?: unknown }).crisis;
  if (raw === undefined) throw new InputError('the scenario has no crisis model', { place: BASE, expected: 'a models.crisis section (docs/simulation.md)' });
  const parsed = crisisSectionSchema().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(issue.message, { place: `${BASE}${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}` });
  }
  return parsed.data;
}

function numberAt(scenario: Scenario, path: string, place: string): { value: number; lo: number; hi: number } {
  let node: unknown;
  try {
    node = getAt(scenario, resolvePath(scenario, path));
  } catch (error) {
    throw new InputError(`the path ${path} does not exist in the scenario (${(error as Error).message})`, { place, expected: 'the JSON path of a number or a cited value' });
  }
  if (typeof node === 'number') return { value: node, lo: node, hi: node };
  const cited = node as { value?: unknown; range?: unknown } | null;
  if (cited && typeof cited.value === 'number') {
    const r = Array.isArray(cited.range) ? (cited.range as number[]) : [cited.value, cited.value];
    return { value: cited.value, lo: r[0]!, hi: r[1]! };
  }
  throw new InputError(`the value at ${path} is not a number or a cited number`, { place, expected: 'a number or { value, range?, ... }' });
}

class ParamTable {
  readonly specs: ParamSpec[] = [];
  private readonly byKey = new Map<string, number>();
  constructor(
    private readonly scenario: Scenario,
    private readonly shape: SamplingShape,
  ) {}

  /** Adds a quantity; `bounds` clamps derived values and ranges. */
  add(q: CrisisQuantity, key: string, label: string, bounds?: readonly [number, number]): number {
    const hit = this.byKey.get(key);
    if (hit !== undefined) return hit;
    let value: number;
    let lo: number;
    let hi: number;
    let provenance: ParamSpec['provenance'];
    if (isDerived(q)) {
      const scale = q.scale ?? 1;
      const offset = q.offset ?? 0;
      const parts = [q.from, ...(q.plus ?? [])].map((p, i) => numberAt(this.scenario, p, i === 0 ? `${key}.from` : `${key}.plus[${i - 1}]`));
      const sum = (f: (x: { value: number; lo: number; hi: number }) => number) => parts.reduce((s, x) => s + f(x), 0);
      value = offset + scale * sum((x) => x.value);
      const a = offset + scale * sum((x) => x.lo);
      const b = offset + scale * sum((x) => x.hi);
      lo = Math.min(a, b);
      hi = Math.max(a, b);
      provenance = 'derived';
    } else {
      // A cited number, or one the scenario derives from others (its value and range already computed).
      value = q.value;
      lo = q.range?.[0] ?? q.value;
      hi = q.range?.[1] ?? q.value;
      provenance = q.derived !== undefined ? 'derived' : q.cite !== undefined ? 'cited' : 'assumed';
    }
    if (bounds) {
      const clamp = (x: number) => Math.min(bounds[1], Math.max(bounds[0], x));
      if (value < bounds[0] || value > bounds[1]) {
        throw new InputError(`value ${value} lies outside the bounds [${bounds[0]}, ${bounds[1]}]`, { place: key, expected: `a number in [${bounds[0]}, ${bounds[1]}]` });
      }
      lo = clamp(lo);
      hi = clamp(hi);
    }
    lo = Math.min(lo, value);
    hi = Math.max(hi, value);
    const spec: ParamSpec = { key, label, value, lo, hi, provenance, sampler: makeSampler(lo, value, hi, this.shape) };
    this.byKey.set(key, this.specs.length);
    this.specs.push(spec);
    return this.specs.length - 1;
  }

  addNormal(key: string, label: string): number {
    const spec: ParamSpec = { key, label, value: 0, lo: -1.959964, hi: 1.959964, provenance: 'fitted', sampler: { kind: 4, table: null, sample: normalQuantile } };
    this.byKey.set(key, this.specs.length);
    this.specs.push(spec);
    return this.specs.length - 1;
  }
}

function mask(list: readonly number[] | undefined, all: number): number {
  if (!list) return all;
  let m = 0;
  for (const x of list) m |= 1 << x;
  return m;
}

export function compileCrisisModel(scenario: Scenario, options: CompileOptions = {}): CompiledCrisisModel {
  const s = crisisSection(scenario);
  const sampling = options.sampling ?? s.sampling ?? 'pert';
  const table = new ParamTable(scenario, sampling);
  const vPath = (id: string) => `${BASE}.variables[id=${id}]`;

  // Nodes.
  const stocks = s.variables.filter((v) => v.kind === 'stock');
  const policies = s.variables.filter((v) => v.kind === 'policy');
  const auxiliaries = orderAuxiliaries(s);
  const calendarKinds = [...new Set(s.calendar.map((c) => c.kind))];
  const nodes: NodeInfo[] = [];
  const push = (id: string, kind: NodeKind, label: NodeInfo['label'], unit: string, bounds: readonly [number, number]) => nodes.push({ id, kind, label, unit, bounds });
  for (const v of [...stocks, ...auxiliaries, ...policies]) push(v.id, v.kind, v.label, v.unit, v.bounds);
  for (const k of calendarKinds) push(`${CALENDAR_PREFIX}${k}`, 'calendar', { en: `Calendar: ${k}` }, 'signal', [0, 10]);
  for (const a of s.actions) push(a.id, 'action', a.label, a.kind === 'launch-days' ? 'launch days per week' : 'occurrences per week', [0, 7]);
  push('state.talks', 'state', { en: 'US-DPRK talks status (0 none, 1 contacts, 2 talks, 3 freeze deal)', 'zh-Hant': '美朝談判狀態' }, 'status 0-3', [0, 3]);
  push('state.level', 'state', { en: 'Crisis level on the condensed escalation ladder', 'zh-Hant': '升級階梯層級' }, 'level', [0, s.ladder.levels.length - 1]);
  const nodeIndex = new Map(nodes.map((n, i) => [n.id, i]));
  const offsets = {
    aux: stocks.length,
    policy: stocks.length + auxiliaries.length,
    calendar: stocks.length + auxiliaries.length + policies.length,
    action: stocks.length + auxiliaries.length + policies.length + calendarKinds.length,
    talks: nodes.length - 2,
    level: nodes.length - 1,
  };

  // Variables: initial values, half-lives, growth.
  const n = nodes.length;
  const initialParam = new Int32Array(n).fill(-1);
  const halfLifeParam = new Int32Array(n).fill(-1);
  const growthParam = new Int32Array(n).fill(-1);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  nodes.forEach((node, i) => {
    lower[i] = node.bounds[0];
    upper[i] = node.bounds[1];
  });
  for (const v of s.variables) {
    const i = nodeIndex.get(v.id)!;
    initialParam[i] = table.add(v.initial, `${vPath(v.id)}.initial`, `${v.label.en}: start value`, v.bounds);
    if (v.halfLifeWeeks) {
      halfLifeParam[i] = table.add(v.halfLifeWeeks, `${vPath(v.id)}.halfLifeWeeks`, `${v.label.en}: half-life (weeks)`);
      if (table.specs[halfLifeParam[i]!]!.lo <= 0) throw new InputError('a half-life must be > 0 weeks', { place: `${vPath(v.id)}.halfLifeWeeks` });
    }
    if (v.growth) growthParam[i] = table.add(v.growth, `${vPath(v.id)}.growth`, `${v.label.en}: growth per week`);
  }

  // Actions.
  const actorIds = new Set(scenario.actors.map((a) => a.id));
  s.actions.forEach((a) => {
    if (!actorIds.has(a.actor)) throw new InputError(`unknown actor "${a.actor}"`, { place: `${BASE}.actions[id=${a.id}].actor`, expected: 'an actor id of the scenario' });
  });

  // Links (mechanisms and the model's own), grouped by form.
  const mechanismsById = new Map<string, Mechanism>(scenario.mechanisms.map((m) => [m.id, m]));
  const flows: CompiledLink[] = [];
  const levels: CompiledLink[] = [];
  const logitsByAction = s.actions.map(() => [] as CompiledLink[]);
  const pulsesByAction = s.actions.map(() => [] as CompiledLink[]);
  const calendarPulses: CompiledLink[] = [];
  const mechanisms: MechanismStatus[] = [];
  const addLink = (l: { id: string; form: LinkForm; cause: string; effect: string; strength: CrisisQuantity; reference?: 'start' | 'zero' | number }, place: string, mechanism: Mechanism | null) => {
    const cause = nodeIndex.get(l.cause);
    const effect = nodeIndex.get(l.effect);
    if (cause === undefined) throw new InputError(`unknown variable "${l.cause}"`, { place: `${place}.cause` });
    if (effect === undefined) throw new InputError(`unknown variable "${l.effect}"`, { place: `${place}.effect` });
    const param = table.add(l.strength, `${place}.strength`, `${mechanism ? 'mechanism' : 'link'} ${l.id}: ${l.cause} → ${l.effect}`);
    const spec = table.specs[param]!;
    if (mechanism && mechanism.sign === '0') {
      // No effect reported: the strength is zero, its range may allow a small effect either way.
      if (spec.value !== 0) {
        throw new InputError(`the scenario states sign "0" (no effect) for mechanism ${mechanism.id}, but its strength is ${spec.value}`, {
          place: `${place}.strength`,
          expected: 'a strength of 0 (with a range around it), or drives: false with a reason',
        });
      }
    } else if (mechanism) {
      const wanted = mechanism.sign === '+' ? 1 : -1;
      const bad = (x: number) => x * wanted < 0;
      if (spec.value === 0 || bad(spec.value) || bad(spec.lo) || bad(spec.hi)) {
        throw new InputError(
          `the scenario states sign "${mechanism.sign}" for mechanism ${mechanism.id}, but its strength ${spec.value} (range [${spec.lo}, ${spec.hi}]) ${spec.value === 0 ? 'is zero' : 'has the other sign'}`,
          { place: `${place}.strength`, expected: mechanism.sign === '+' ? 'a strength > 0 with a range in [0, ∞)' : 'a strength < 0 with a range in (-∞, 0]' },
        );
      }
    }
    const causeKind = nodes[cause]!.kind;
    const event = causeKind === 'action' || causeKind === 'calendar';
    const refMode: 0 | 1 | 2 = typeof l.reference === 'number' ? 2 : l.reference === 'zero' || event ? 1 : 0;
    const link: CompiledLink = { id: l.id, mechanism: mechanism?.id ?? null, form: l.form, cause, effect, param, refMode, refValue: typeof l.reference === 'number' ? l.reference : 0, place };
    if (l.form === 'flow') flows.push(link);
    else if (l.form === 'level') levels.push(link);
    else if (l.form === 'logit') logitsByAction[effect - offsets.action]!.push(link);
    else if (causeKind === 'calendar') calendarPulses.push(link);
    else pulsesByAction[cause - offsets.action]!.push(link);
    return spec;
  };

  s.mechanisms.forEach((m) => {
    const place = `${BASE}.mechanisms[id=${m.id}]`;
    const mech = mechanismsById.get(m.id);
    if (!mech) throw new InputError(`unknown mechanism "${m.id}"`, { place: `${place}.id`, expected: 'the id of a mechanism in $.mechanisms' });
    const base = { id: m.id, cause: mech.cause, effect: mech.effect, sign: mech.sign };
    if ('drives' in m) mechanisms.push({ ...base, status: 'inert', reason: m.reason });
    else if (m.form === 'deterrence') {
      if (!s.deterrence) throw new InputError('a deterrence mechanism needs the deterrence section', { place: `${BASE}.deterrence` });
      mechanisms.push({ ...base, status: 'deterrence', form: 'deterrence', causeNode: m.cause, effectNode: m.effect });
    } else {
      const spec = addLink(m, place, mech);
      mechanisms.push({ ...base, status: 'drives', form: m.form, causeNode: m.cause, effectNode: m.effect, strength: { value: spec.value, lo: spec.lo, hi: spec.hi, provenance: spec.provenance } });
    }
  });
  const listed = new Set(s.mechanisms.map((m) => m.id));
  const missing = scenario.mechanisms.filter((m) => !listed.has(m.id)).map((m) => m.id);
  if (missing.length > 0) {
    throw new InputError(`mechanism${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of the scenario ${missing.length > 1 ? 'have' : 'has'} no entry: give an equation form with a strength, or drives: false with a reason`, {
      place: `${BASE}.mechanisms`,
      expected: 'one entry per mechanism of $.mechanisms',
    });
  }
  s.links.forEach((l) => addLink(l, `${BASE}.links[id=${l.id}]`, null));

  // Action table (logit and pulse links laid out contiguously).
  const logits: CompiledLink[] = [];
  const pulses: CompiledLink[] = [];
  const calendarNode = (name: string | undefined) => (name === undefined ? -1 : nodeIndex.get(name)!);
  let launchParams: CompiledCrisisModel['launch'] = null;
  const actions: CompiledAction[] = s.actions.map((a, k) => {
    const place = `${BASE}.actions[id=${a.id}]`;
    const kind = a.kind ?? 'event';
    let param: number;
    if (kind === 'event') {
      param = table.add(a.probability!, `${place}.probability`, `${a.label.en}: weekly probability`, [0, 1]);
    } else {
      param = table.add(a.recentLaunchDays!, `${place}.recentLaunchDays`, `${a.label.en}: launch days in the 52 weeks before the start`, [0, 365]);
      if (launchParams) throw new InputError('only one launch-days action is supported', { place: `${place}.kind` });
      const model = fitLaunchModel();
      const zParams = model.covariates.map((c) => table.addNormal(`${place}.fit.${c}`, `launch model coefficient ${c} (fitted on CNS 2012-2019; standard normal deviate)`));
      launchParams = { model, zParams, cholesky: cholesky(model.fit.covariance) };
    }
    const logitStart = logits.length;
    logits.push(...logitsByAction[k]!);
    const pulseStart = pulses.length;
    pulses.push(...pulsesByAction[k]!);
    return {
      id: a.id,
      actor: a.actor,
      label: a.label,
      node: offsets.action + k,
      kind,
      param,
      talksMask: mask(a.when?.talks, 0b1111),
      levelMask: mask(a.when?.level, -1),
      requires: a.when?.requires === undefined ? -1 : nodeIndex.get(a.when.requires)!,
      during: calendarNode(a.when?.during),
      thenTalks: a.then?.talks ?? -1,
      thenLevel: a.then?.level ?? -1,
      cancels: calendarNode(a.then?.cancels),
      rung: a.rung ?? -1,
      once: a.once === true,
      logitStart,
      logitEnd: logits.length,
      pulseStart,
      pulseEnd: pulses.length,
    };
  });

  // Calendar.
  const eventsById = new Map(scenario.events.map((e) => [e.id, e]));
  const calendar: ResolvedCalendarItem[] = s.calendar.map((c) => {
    const place = `${BASE}.calendar[id=${c.id}]`;
    let from = c.from;
    let to = c.to;
    if (c.event !== undefined) {
      const e = eventsById.get(c.event);
      if (!e) throw new InputError(`unknown event "${c.event}"`, { place: `${place}.event`, expected: 'an event id of the scenario' });
      from ??= e.date;
      to ??= e.endDate ?? e.date;
    }
    const shape: SignalShape = c.shape ?? 'window';
    const fromDay = dayNumber(from!, false, `${place}.from`);
    const toDay = to === undefined ? (shape === 'once' ? fromDay : dayNumber(from!, true, `${place}.from`)) : dayNumber(to, true, `${place}.to`);
    if (toDay < fromDay) throw new InputError(`"to" (${to}) is before "from" (${from})`, { place: `${place}.to` });
    const intensityParam = c.intensity === undefined ? -1 : table.add(c.intensity, `${place}.intensity`, `${c.label.en}: intensity`, [0, 10]);
    return { id: c.id, kind: c.kind, shape, from: fromDay, to: toDay, everyYear: c.everyYear === true, intensityParam };
  });

  // Ladder and deterrence hand-off.
  checkCondensation(s.ladder.levels, `${BASE}.ladder.levels`);
  if (s.ladder.levels.length > 30) throw new InputError('at most 30 ladder levels', { place: `${BASE}.ladder.levels` });
  let deterrence: DeterrenceHandoff | null = null;
  if (s.deterrence) {
    const d = s.deterrence;
    const dPlace = `${BASE}.deterrence`;
    const binding = scenario.models.deterrence?.[d.model];
    if (!binding) throw new InputError(`the scenario has no models.deterrence.${d.model} binding to take the utilities from`, { place: `${dPlace}.model` });
    const params: Record<string, number> = {};
    for (const [name, cited] of Object.entries(binding.parameters)) params[name] = cited.value;
    const model = getDeterrenceModel(d.model);
    for (const p of model.parameters) params[p.name] ??= p.default;
    const outcomeLevels = AEG_OUTCOME_CODES.map((code) => {
      const level = d.outcomes[code];
      if (level === undefined) throw new InputError(`no crisis level for deterrence outcome ${code}`, { place: `${dPlace}.outcomes`, expected: AEG_OUTCOME_CODES.join(', ') });
      return level;
    });
    const stratParam = table.add(d.strategicPerStrikeCost, `${dPlace}.strategicPerStrikeCost`, 'deterrence hand-off: drop of strategic credibility per unit of strike cost');
    const sqParam = table.add(d.statusQuoPerUnit, `${dPlace}.statusQuoPerUnit`, "deterrence hand-off: drop of the Challenger's status-quo utility per unit of sanctions");
    deterrence = {
      modelId: 'aeg',
      selection: d.selection,
      binding: params,
      challengerHard: nodeIndex.get(d.challengerHard)!,
      tacticalCredibility: nodeIndex.get(d.tacticalCredibility)!,
      strikeCost: nodeIndex.get(d.strikeCost)!,
      statusQuo: nodeIndex.get(d.statusQuo)!,
      strategicPerStrikeCost: stratParam,
      statusQuoPerUnit: sqParam,
      outcomeLevels,
    };
  }

  const outcomes: OutcomeSpec[] = s.outcomes.map((o) => {
    if (o.when.action !== undefined) return { id: o.id, label: o.label, kind: 'action', target: s.actions.findIndex((a) => a.id === o.when.action) };
    if (o.when.talks !== undefined) return { id: o.id, label: o.label, kind: 'talks', target: o.when.talks };
    return { id: o.id, label: o.label, kind: 'level', target: o.when.level! };
  });
  if (outcomes.length > 30) throw new InputError('at most 30 outcomes', { place: `${BASE}.outcomes` });

  const fanNodes = s.variables.filter((v) => v.fan).map((v) => nodeIndex.get(v.id)!);
  const start = s.start ?? scenario.asOf;
  const startDay = dayNumber(start, false, `${BASE}.start`);
  return {
    scenarioId: scenario.id,
    variant: options.variant ?? null,
    start,
    startDay,
    defaultWeeks: s.weeks ?? 104,
    sampling,
    nodes,
    nodeIndex,
    counts: { stocks: stocks.length, auxiliaries: auxiliaries.length, policies: policies.length, calendar: calendarKinds.length, actions: s.actions.length },
    offsets,
    params: table.specs,
    uniformIndex: uniformOrder(table.specs),
    initialParam,
    halfLifeParam,
    growthParam,
    lower,
    upper,
    flows,
    levels,
    logits,
    pulses,
    calendarPulses,
    actions,
    calendar,
    calendarKinds,
    exerciseNode: nodeIndex.get(`${CALENDAR_PREFIX}exercise`) ?? -1,
    launch: launchParams,
    ladder: { levels: [...s.ladder.levels].sort((a, b) => a.level - b.level), threshold: s.ladder.nuclearThreshold, source: s.ladder.source, rationale: s.ladder.rationale },
    deterrence,
    outcomes,
    mechanisms,
    fanNodes,
    section: s,
  };
}

function uniformOrder(specs: readonly ParamSpec[]): Int32Array {
  const sorted = specs.map((p, i) => [p.key, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out = new Int32Array(specs.length);
  sorted.forEach(([, i], rank) => (out[i] = rank));
  return out;
}

/** Auxiliaries in an order where each comes after the auxiliaries its level links read. */
function orderAuxiliaries(s: CrisisSection): CrisisSection['variables'] {
  const aux = s.variables.filter((v) => v.kind === 'auxiliary');
  const ids = new Set(aux.map((v) => v.id));
  const deps = new Map(aux.map((v) => [v.id, new Set<string>()]));
  for (const m of [...s.mechanisms, ...s.links]) {
    const l = m as { form?: string; cause?: string; effect?: string };
    if (l.form === 'level' && l.effect && l.cause && ids.has(l.cause)) deps.get(l.effect)?.add(l.cause);
  }
  const out: CrisisSection['variables'] = [];
  const state = new Map<string, 0 | 1 | 2>();
  const visit = (id: string, trail: string[]) => {
    const st = state.get(id) ?? 0;
    if (st === 2) return;
    if (st === 1) throw new InputError(`auxiliary variables depend on each other in a loop: ${[...trail, id].join(' → ')}`, { place: `${BASE}.variables[id=${id}]`, expected: 'level links without cycles (use a stock to close a loop)' });
    state.set(id, 1);
    for (const d of deps.get(id)!) visit(d, [...trail, id]);
    state.set(id, 2);
    out.push(aux.find((v) => v.id === id)!);
  };
  for (const v of aux) visit(v.id, []);
  return out;
}
