/**
 * The scenario's `models.crisis` section: everything the crisis simulation reads (docs/simulation.md).
 *
 *   variables   named state variables with units and bounds: stocks (with a half-life, a growth or
 *               neither), auxiliaries (computed each week from their `level` links) and policies
 *               (constant levels set by the scenario, e.g. the ROK's stance on exercises);
 *   actions     each actor's repertoire: a weekly probability at the starting state, gates on the
 *               talks status and the crisis level, and what an action changes (talks, crisis level);
 *   calendar    scheduled events (exercises, elections, summits, visits) as weekly signals;
 *   mechanisms  the scenario's causal mechanisms, by id: an equation form with a strength, or a
 *               stated reason why the mechanism does not drive the simulation;
 *   links       the model's own causal links, in the same forms;
 *   ladder      the condensed escalation ladder (levels covering Kahn's 44 rungs) and the nuclear threshold;
 *   deterrence  the hand-off at the nuclear threshold to a deterrence model of `models.deterrence`;
 *   outcomes    what an ensemble reports (an action happened, talks reached a status, a level was reached).
 *
 * Every number is a cited value (the scenario's `CitedNumberSchema`: `{ value, range?, cite }`,
 * `{ value, range, assumption }`, or `{ derived: { equals | sum } }` defined by other values), or a
 * value read from elsewhere in the scenario with a scale and an offset (`{ from: "$.issues[...]
 * .position", scale?, offset?, plus? }`, e.g. the ROK's stance on exercises as a share), so that
 * variants that change the scenario move the simulation too. References inside the section (variable,
 * action and calendar ids) are checked here, so `brink scenario validate` reports them with
 * `file:line:col`; references to the rest of the scenario (mechanism, actor and event ids, paths)
 * are checked when the model is compiled (./compile.ts), with JSON paths.
 *
 * The schema is built lazily: the scenario schema (../scenario/schema.ts) references this section
 * and this section uses the scenario's cited-value schemas, so neither may touch the other at load.
 */
import { z } from 'zod';
import { CitedNumberSchema, CiteSchema, IdSchema, MultilingualSchema, PartialDateSchema } from '../scenario/schema';

/** Equation forms of a causal link (docs/simulation.md, "Equations"). */
export const LINK_FORMS = ['flow', 'pulse', 'logit', 'level'] as const;
export type LinkForm = (typeof LINK_FORMS)[number];

/** Node names a link may use besides variable and action ids. */
export const STATE_NODES = ['state.talks', 'state.level'] as const;
export const CALENDAR_PREFIX = 'calendar.';

function build() {
  const Derived = z
    .strictObject({
      from: z.string().regex(/^\$/, 'a JSON path starting with "$"').describe('JSON path of a number (or a cited value) elsewhere in the scenario.'),
      plus: z.array(z.string().regex(/^\$/, 'a JSON path starting with "$"')).optional().describe('Further paths whose numbers are added.'),
      scale: z.number().optional().describe('Multiplies the sum (default 1).'),
      offset: z.number().optional().describe('Added after scaling (default 0).'),
      note: z.string().optional().describe('Why this derivation.'),
    })
    .describe('A value derived from the scenario: offset + scale * (value at `from` + values at `plus`); its range is derived the same way from the ranges there.')
    .meta({ id: 'CrisisDerivedValue' });

  const Quantity = z
    .union([CitedNumberSchema, Derived], { error: quantityError })
    .describe('A cited number, or a value derived from the scenario by JSON path.');

  const Bounds = z
    .tuple([z.number(), z.number()])
    .refine(([lo, hi]) => lo < hi, { message: 'bounds must be [low, high] with low < high' })
    .describe('Range of values the variable can take [low, high] (values are clamped to it).');

  const Variable = z
    .strictObject({
      id: IdSchema,
      label: MultilingualSchema,
      unit: z.string().min(1).describe('Unit, e.g. "index 0-1", "share", "index 0-100".'),
      kind: z.enum(['stock', 'auxiliary', 'policy']).describe('stock: integrates flows and pulses; auxiliary: computed each week from its level links; policy: constant.'),
      bounds: Bounds,
      initial: Quantity.describe('Value at the start (for auxiliaries: the value at the starting state).'),
      halfLifeWeeks: Quantity.optional().describe('Stocks: half-life of the pull back toward the starting value (weeks).'),
      growth: Quantity.optional().describe('Stocks: constant change per week.'),
      fan: z.boolean().optional().describe('Report weekly quantiles (fan chart) of this variable.'),
      description: z.string().optional(),
    })
    .describe('A named state variable of the crisis model.')
    .meta({ id: 'CrisisVariable' });

  const When = z
    .strictObject({
      talks: z.array(z.number().int().min(0).max(3)).min(1).optional().describe('Talks statuses in which the action is possible.'),
      level: z.array(z.number().int().min(0)).min(1).optional().describe('Crisis levels in which the action is possible.'),
      requires: IdSchema.optional().describe('An action (listed earlier) that must have happened this week.'),
      during: z.string().optional().describe('A calendar kind (`calendar.<kind>`) that must be active this week.'),
    })
    .describe('When an action is possible.');

  const Then = z
    .strictObject({
      talks: z.number().int().min(0).max(3).optional().describe('New talks status.'),
      level: z.number().int().min(0).optional().describe('New crisis level.'),
      cancels: z.string().optional().describe('A calendar kind (`calendar.<kind>`) whose item active this week is called off for the rest of its window.'),
    })
    .describe('What an action changes.');

  const Action = z
    .strictObject({
      id: IdSchema,
      actor: IdSchema.describe('Actor id (scenario actors).'),
      label: MultilingualSchema,
      kind: z.enum(['event', 'launch-days']).optional().describe('event (default): happens or not each week; launch-days: a count of launch days from the fitted launch model.'),
      probability: Quantity.optional().describe('event: probability per week at the starting state, in [0, 1].'),
      recentLaunchDays: Quantity.optional().describe('launch-days: launch days in the 52 weeks before the start.'),
      when: When.optional(),
      then: Then.optional(),
      rung: z.number().int().min(0).optional().describe('Ladder level the action itself signals in the week it happens.'),
      once: z.boolean().optional().describe('At most once per run (a decision that is not taken twice).'),
      description: z.string().optional(),
    })
    .describe("An action of an actor's repertoire.")
    .meta({ id: 'CrisisAction' });

  const CalendarItem = z
    .strictObject({
      id: IdSchema,
      kind: IdSchema.describe('Signal the item feeds: links name it `calendar.<kind>`.'),
      label: MultilingualSchema,
      event: IdSchema.optional().describe('A scenario event whose dates the item takes (when from/to are not given).'),
      from: PartialDateSchema.optional(),
      to: PartialDateSchema.optional(),
      shape: z.enum(['window', 'once', 'ramp']).optional().describe('window (default): share of each week inside [from, to]; once: 1 in the week of `from`; ramp: rises from 0 at `from` to 1 at `to`.'),
      everyYear: z.boolean().optional().describe('Repeat on the same dates every year of the horizon.'),
      intensity: Quantity.optional().describe('Multiplies the signal (default 1).'),
      cite: CiteSchema.optional(),
      also: z.array(CiteSchema).optional(),
      assumption: z.string().min(1).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.cite === undefined && v.assumption === undefined && v.event === undefined) {
        ctx.addIssue({ code: 'custom', message: 'needs a "cite", an "assumption" or an "event" of the scenario for its dates', path: [] });
      }
      if (v.event === undefined && v.from === undefined) ctx.addIssue({ code: 'custom', message: 'needs "from" (or an "event" to take the dates from)', path: ['from'] });
    })
    .describe('A scheduled event of the calendar.')
    .meta({ id: 'CrisisCalendarItem' });

  const linkFields = {
    form: z.enum(LINK_FORMS).describe('flow: stock changes by strength * (cause - reference) each week; pulse: effect jumps by strength when the cause happens (per unit of a calendar signal); logit: the action\'s weekly log-odds shift by strength * (cause - reference); level: auxiliary = its start value + strength * (cause - reference).'),
    cause: z.string().min(1).describe('Variable id, action id, `calendar.<kind>`, `state.talks` or `state.level`.'),
    effect: z.string().min(1).describe('Variable id (flow, pulse, level) or action id (logit).'),
    strength: Quantity,
    reference: z
      .union([z.enum(['start', 'zero']), z.number()])
      .optional()
      .describe('What the cause is measured from: its value at the start of the run (default for variables and states), zero (default for actions and calendar signals), or a fixed number (e.g. the policy level the starting state reflects, so that variants with another policy move the system).'),
    note: z.string().optional(),
  };

  const Link = z.strictObject({ id: IdSchema, ...linkFields }).describe("A causal link of the model's own.").meta({ id: 'CrisisLink' });

  const DrivingMechanism = z
    .strictObject({ id: IdSchema.describe('Id of a mechanism of the scenario.'), ...linkFields })
    .describe('A mechanism of the scenario as an equation.');
  const DeterrenceMechanism = z
    .strictObject({
      id: IdSchema,
      form: z.literal('deterrence'),
      cause: z.string().min(1).describe('`state.level` (the crisis reaching the nuclear threshold).'),
      effect: z.string().min(1).describe('`state.level` (the levels the deterrence outcome leads to).'),
      note: z.string().optional(),
    })
    .describe('A mechanism carried by the deterrence hand-off (the `deterrence` section).');
  const InertMechanism = z
    .strictObject({
      id: IdSchema,
      drives: z.literal(false),
      reason: z.string().min(1).describe('Why the mechanism does not drive the simulation.'),
    })
    .describe('A mechanism of the scenario that does not drive the simulation, with the reason.');
  const MechanismLink = z.union([DrivingMechanism, DeterrenceMechanism, InertMechanism]).meta({ id: 'CrisisMechanism' });

  const Level = z
    .strictObject({
      level: z.number().int().min(0),
      label: MultilingualSchema,
      kahn: z.tuple([z.number().int().min(1).max(44), z.number().int().min(1).max(44)]).describe("Kahn's rungs [first, last] the level stands for."),
    })
    .describe('A level of the condensed escalation ladder.');

  const Ladder = z
    .strictObject({
      source: z.string().min(1),
      rationale: z.string().optional(),
      levels: z.array(Level).min(2),
      nuclearThreshold: z.number().int().min(1).describe('Entering this level hands the decision to the deterrence model.'),
    })
    .describe('The condensed escalation ladder.');

  const AegOutcome = z.enum(['SQ', 'DC', 'DD', 'ED', 'DE', 'EE']);
  const Deterrence = z
    .strictObject({
      model: z.literal('aeg').describe("The deterrence model (its binding in models.deterrence gives the utilities)."),
      selection: z.enum(['worst', 'best', 'mean']).describe('Which equilibrium decides when the model has several: worst (deterrence fails most), best, or the mean of all.'),
      challengerHard: IdSchema.describe('Variable read as p_Ch (probability the Challenger is Hard).'),
      tacticalCredibility: IdSchema.describe('Variable read as p_HH + p_HS (the Defender would at least respond in kind).'),
      strikeCost: IdSchema.describe('Variable that scales the strategic credibility (p_HH, p_SH) down as it rises.'),
      strategicPerStrikeCost: Quantity.describe('Relative drop of strategic credibility per unit rise of strikeCost.'),
      statusQuo: IdSchema.describe("Variable that lowers the Challenger's status-quo utility c_SQ as it rises."),
      statusQuoPerUnit: Quantity.describe('Drop of c_SQ per unit rise of the statusQuo variable.'),
      outcomes: z.record(AegOutcome, z.number().int().min(0)).describe('Crisis level each outcome leads to.'),
      cite: CiteSchema.optional(),
      assumption: z.string().optional(),
    })
    .describe('The hand-off to a deterrence model at the nuclear threshold.');

  const Outcome = z
    .strictObject({
      id: IdSchema,
      label: MultilingualSchema,
      when: z
        .strictObject({
          action: IdSchema.optional(),
          talks: z.number().int().min(0).max(3).optional(),
          level: z.number().int().min(0).optional(),
        })
        .refine((w) => [w.action, w.talks, w.level].filter((x) => x !== undefined).length === 1, { message: 'give exactly one of action, talks, level' }),
    })
    .describe('An outcome an ensemble counts (at least once within the horizon).')
    .meta({ id: 'CrisisOutcome' });

  return z
    .strictObject({
      description: z.string().optional(),
      start: PartialDateSchema.optional().describe('Week 0 (default: the scenario\'s asOf).'),
      weeks: z.number().int().min(1).optional().describe('Default horizon in weeks.'),
      sampling: z.enum(['pert', 'triangular', 'uniform']).optional().describe('How ranges are sampled (default pert: beta-PERT around the value).'),
      variables: z.array(Variable).min(1),
      actions: z.array(Action).default([]),
      calendar: z.array(CalendarItem).default([]),
      mechanisms: z.array(MechanismLink).default([]),
      links: z.array(Link).default([]),
      ladder: Ladder,
      deterrence: Deterrence.optional(),
      outcomes: z.array(Outcome).default([]),
    })
    .superRefine(checkSection)
    .describe('The crisis simulation (docs/simulation.md): variables, actions, calendar, mechanisms as equations, links, ladder, outcomes.')
    .meta({ id: 'CrisisModel' });
}

/** The message of a quantity that is neither form: the problems of the form it looks like. */
function quantityError(issue: { input?: unknown; errors?: { path: PropertyKey[]; message: string }[][] }): string {
  const derived = issue.input !== null && typeof issue.input === 'object' && 'from' in issue.input;
  const list = issue.errors?.[derived ? 1 : 0] ?? [];
  if (list.length === 0) return 'expected a cited value { value, range?, cite | assumption } or a derived value { from: "$..." }';
  return list
    .slice(0, 3)
    .map((e) => (e.path.length ? `${e.path.map(String).join('.')}: ` : '') + e.message)
    .join('; ');
}

type Built = ReturnType<typeof build>;
let built: Built | undefined;

/** The zod schema of `models.crisis` (built on first use). */
export function crisisSectionSchema(): Built {
  return (built ??= build());
}

export type CrisisSection = z.infer<Built>;
export type CrisisSectionInput = z.input<Built>;
export type CrisisVariable = CrisisSection['variables'][number];
export type CrisisAction = CrisisSection['actions'][number];
export type CrisisCalendarItem = CrisisSection['calendar'][number];
export type CrisisMechanism = CrisisSection['mechanisms'][number];
export type CrisisLink = CrisisSection['links'][number];
export type CrisisOutcome = CrisisSection['outcomes'][number];
export type CrisisQuantity = CrisisVariable['initial'];
export type DerivedValue = Extract<CrisisQuantity, { from: string }>;

export function isDerived(q: CrisisQuantity): q is DerivedValue {
  return typeof (q as { from?: unknown }).from === 'string';
}

interface SectionLike {
  variables: { id: string; kind: string; bounds: [number, number]; initial: unknown; halfLifeWeeks?: unknown; growth?: unknown }[];
  actions: { id: string; kind?: string; probability?: unknown; recentLaunchDays?: unknown; when?: { requires?: string; during?: string; level?: number[] }; then?: { level?: number; cancels?: string }; rung?: number }[];
  calendar: { id: string; kind: string }[];
  mechanisms: Record<string, unknown>[];
  links: Record<string, unknown>[];
  ladder: { levels: { level: number; kahn: [number, number] }[]; nuclearThreshold: number };
  deterrence?: { challengerHard: string; tacticalCredibility: string; strikeCost: string; statusQuo: string; outcomes: Record<string, number> };
  outcomes: { when: { action?: string; level?: number } }[];
}

/** Cross-references inside the section, reported at the JSON path of the offending field. */
function checkSection(s: SectionLike, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', message, path });
  const ids = new Map<string, string>();
  const unique = (list: { id: string }[], key: string) =>
    list.forEach((el, i) => {
      if (ids.has(el.id)) issue([key, i, 'id'], `duplicate id "${el.id}" (already a ${ids.get(el.id)})`);
      else ids.set(el.id, key === 'variables' ? 'variable' : 'action');
    });
  unique(s.variables, 'variables');
  unique(s.actions, 'actions');
  const calendarKinds = new Set(s.calendar.map((c) => `${CALENDAR_PREFIX}${c.kind}`));
  const calendarIds = new Set<string>();
  s.calendar.forEach((c, i) => {
    if (calendarIds.has(c.id)) issue(['calendar', i, 'id'], `duplicate calendar id "${c.id}"`);
    calendarIds.add(c.id);
  });
  const variables = new Map(s.variables.map((v) => [v.id, v]));
  const actions = new Map(s.actions.map((a, i) => [a.id, i]));
  const levels = new Set(s.ladder.levels.map((l) => l.level));
  const nodeKnown = (name: string) => variables.has(name) || actions.has(name) || calendarKinds.has(name) || (STATE_NODES as readonly string[]).includes(name);
  const nodeHint = 'a variable id, an action id, calendar.<kind> or state.talks / state.level';

  s.variables.forEach((v, i) => {
    const init = v.initial as { value?: number };
    if (typeof init.value === 'number' && (init.value < v.bounds[0] || init.value > v.bounds[1])) {
      issue(['variables', i, 'initial', 'value'], `initial value ${init.value} lies outside the bounds [${v.bounds[0]}, ${v.bounds[1]}]`);
    }
    if (v.kind !== 'stock' && (v.halfLifeWeeks !== undefined || v.growth !== undefined)) {
      issue(['variables', i, v.halfLifeWeeks !== undefined ? 'halfLifeWeeks' : 'growth'], `only stocks have a half-life or a growth (this is a ${v.kind})`);
    }
    const hl = v.halfLifeWeeks as { value?: number; range?: [number, number] } | undefined;
    if (hl && typeof hl.value === 'number' && (hl.value <= 0 || (hl.range && hl.range[0] <= 0))) issue(['variables', i, 'halfLifeWeeks'], 'a half-life must be > 0 weeks');
  });

  s.actions.forEach((a, i) => {
    const kind = a.kind ?? 'event';
    if (kind === 'event') {
      const p = a.probability as { value?: number; range?: [number, number] } | undefined;
      if (p === undefined) issue(['actions', i, 'probability'], 'an event action needs a weekly "probability"');
      else if (typeof p.value === 'number') {
        if (p.value < 0 || p.value > 1) issue(['actions', i, 'probability', 'value'], `a probability must lie in [0, 1], got ${p.value}`);
        else if (p.range && (p.range[0] < 0 || p.range[1] > 1)) issue(['actions', i, 'probability', 'range'], `a probability range must lie in [0, 1], got [${p.range[0]}, ${p.range[1]}]`);
      }
    } else if (a.recentLaunchDays === undefined) {
      issue(['actions', i, 'recentLaunchDays'], 'a launch-days action needs "recentLaunchDays" (launch days in the 52 weeks before the start)');
    }
    const req = a.when?.requires;
    if (req !== undefined) {
      const j = actions.get(req);
      if (j === undefined) issue(['actions', i, 'when', 'requires'], `unknown action "${req}"`);
      else if (j >= i) issue(['actions', i, 'when', 'requires'], `action "${req}" must be listed before "${a.id}" (it must have been decided this week)`);
    }
    for (const [field, name] of [['during', a.when?.during], ['cancels', a.then?.cancels]] as const) {
      if (name !== undefined && !calendarKinds.has(name)) issue(['actions', i, field === 'during' ? 'when' : 'then', field], `unknown calendar kind "${name}"`);
    }
    a.when?.level?.forEach((l, j) => levels.has(l) || issue(['actions', i, 'when', 'level', j], `no ladder level ${l}`));
    if (a.then?.level !== undefined && !levels.has(a.then.level)) issue(['actions', i, 'then', 'level'], `no ladder level ${a.then.level}`);
    if (a.rung !== undefined && !levels.has(a.rung)) issue(['actions', i, 'rung'], `no ladder level ${a.rung}`);
  });

  const checkLink = (key: 'links' | 'mechanisms', i: number, l: Record<string, unknown>) => {
    if (l.drives === false) return;
    const form = l.form as string;
    const cause = l.cause as string;
    const effect = l.effect as string;
    if (!nodeKnown(cause)) issue([key, i, 'cause'], `unknown variable "${cause}" (expected ${nodeHint})`);
    if (form === 'deterrence') {
      if (cause !== 'state.level' || effect !== 'state.level') issue([key, i, form === 'deterrence' && cause !== 'state.level' ? 'cause' : 'effect'], 'a deterrence mechanism links state.level to state.level');
      return;
    }
    if (!nodeKnown(effect)) {
      issue([key, i, 'effect'], `unknown variable "${effect}" (expected ${nodeHint})`);
      return;
    }
    const v = variables.get(effect);
    if (form === 'logit') {
      if (!actions.has(effect)) issue([key, i, 'effect'], `a logit link's effect must be an action, got "${effect}"`);
    } else if (form === 'level') {
      if (v?.kind !== 'auxiliary') issue([key, i, 'effect'], `a level link's effect must be an auxiliary variable, got "${effect}"`);
    } else if (v?.kind !== 'stock') {
      issue([key, i, 'effect'], `a ${form} link's effect must be a stock variable, got "${effect}"`);
    }
    if (form === 'pulse' && !(actions.has(cause) || calendarKinds.has(cause))) issue([key, i, 'cause'], `a pulse link's cause must be an action or a calendar kind, got "${cause}"`);
  };
  s.mechanisms.forEach((m, i) => checkLink('mechanisms', i, m));
  s.links.forEach((l, i) => checkLink('links', i, l));
  const mechanismIds = new Set<string>();
  s.mechanisms.forEach((m, i) => {
    const id = m.id as string;
    if (mechanismIds.has(id)) issue(['mechanisms', i, 'id'], `mechanism "${id}" is listed twice`);
    mechanismIds.add(id);
  });
  const linkIds = new Set<string>();
  s.links.forEach((l, i) => {
    const id = l.id as string;
    if (linkIds.has(id)) issue(['links', i, 'id'], `duplicate link id "${id}"`);
    linkIds.add(id);
  });

  const sorted = [...s.ladder.levels].sort((a, b) => a.level - b.level);
  sorted.forEach((l, k) => {
    if (l.level !== k) issue(['ladder', 'levels'], `ladder levels must be numbered 0, 1, 2, ... without gaps (found ${sorted.map((x) => x.level).join(', ')})`);
  });
  if (!levels.has(s.ladder.nuclearThreshold)) issue(['ladder', 'nuclearThreshold'], `no ladder level ${s.ladder.nuclearThreshold}`);
  if (s.deterrence) {
    const d = s.deterrence;
    for (const field of ['challengerHard', 'tacticalCredibility', 'strikeCost', 'statusQuo'] as const) {
      if (!variables.has(d[field])) issue(['deterrence', field], `unknown variable "${d[field]}"`);
    }
    for (const [code, level] of Object.entries(d.outcomes)) if (!levels.has(level)) issue(['deterrence', 'outcomes', code], `no ladder level ${level}`);
  }
  s.outcomes.forEach((o, i) => {
    if (o.when.action !== undefined && !actions.has(o.when.action)) issue(['outcomes', i, 'when', 'action'], `unknown action "${o.when.action}"`);
    if (o.when.level !== undefined && !levels.has(o.when.level)) issue(['outcomes', i, 'when', 'level'], `no ladder level ${o.when.level}`);
  });
}
