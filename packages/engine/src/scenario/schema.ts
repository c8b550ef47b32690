/**
 * The scenario schema (zod 4): one definition gives the TypeScript types, the validator and the
 * JSON Schema that `brink scenario schema` prints for editors.
 *
 * Design (docs/scenario.md): every number that a model consumes is a *cited value*,
 * `{ value, unit?, range?, cite: { source, quote } }` or `{ value, range, assumption: "why" }`.
 * `range` is the uncertainty that ensembles sample and that sensitivity analyses vary. Elements that
 * state facts (events, doctrines, relations, capabilities, mechanisms) carry a `cite` or an
 * `assumption` the same way. A citation of a source that has a `file` must carry a verbatim `quote`
 * (checked against the file); a citation of a URL-only source carries a `locator` instead (we cannot
 * fetch and verify web pages, so we never quote them). See docs/scenario.md.
 *
 * Cross-references (actor ids, source ids) and quotes are checked in ./validate.ts, not here, so that
 * this file stays a plain description of shapes.
 */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { crisisSectionSchema } from '../crisis/schema';

/** Short lowercase identifiers: `dprk`, `kim-jong-un`, `us-rok-alliance`. */
export const IdSchema = z
  .string()
  .max(LIMITS.maxIdLength, `an id of at most ${LIMITS.maxIdLength} characters`)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase id: letters, digits and dashes, e.g. "kim-jong-un"')
  .describe(`Short lowercase identifier (a-z, 0-9, "-"; at most ${LIMITS.maxIdLength} characters), unique within its list.`).meta({ id: 'Id' });

/** ISO date, possibly partial: `2024`, `2024-06`, `2024-06-19`. */
export const PartialDateSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD (quote it in YAML)')
  .describe('ISO 8601 date, possibly partial: "2024", "2024-06" or "2024-06-19".').meta({ id: 'PartialDate' });

export const LanguageTagSchema = z.string().min(2).describe('BCP 47 language tag, e.g. "zh-Hant", "en", "ko".');

/** Names and titles in several languages; English is required. */
export const MultilingualSchema = z
  .strictObject({
    en: z.string().min(1).describe('English.'),
    'zh-Hant': z.string().min(1).optional().describe('Traditional Chinese (as the seed article writes it).'),
    'zh-Hans': z.string().min(1).optional().describe('Simplified Chinese.'),
    ko: z.string().min(1).optional().describe('Korean.'),
    ja: z.string().min(1).optional().describe('Japanese.'),
    ru: z.string().min(1).optional().describe('Russian.'),
  })
  .describe('Text in several languages; "en" is required.').meta({ id: 'Multilingual' });
export type Multilingual = z.infer<typeof MultilingualSchema>;

/**
 * How much a citation rests on its quote (docs/scenario.md, "Grades"):
 * - `states`: the quote states the value: the number (in any written form: 六, 3.48億, 近9成) or, for
 *   a position on an issue scale, the category of the anchor at that value (`scenario validate`
 *   checks that a quote graded `states` contains the number or the anchor's label or quote);
 * - `implies`: the quote gives the direction or ordering only; the magnitude is the modeller's reading,
 *   which the value carries as a `note` (or the citation's `note`) with an uncertainty `range`;
 * - `context`: the quote is background for the value, which is an assumption (`assumption` + `range`).
 */
export const SupportSchema = z
  .enum(['states', 'implies', 'context'])
  .describe('How much the quote supports the value: states (the number or category is in the quote), implies (direction or ordering only), context (background: the value is an assumption).')
  .meta({ id: 'Support' });
export type Support = z.infer<typeof SupportSchema>;

/**
 * A citation. `quote` is a verbatim passage of the source's stored text (compared after normalising
 * whitespace only); it is required when the source has a `file`. For URL-only sources give a
 * `locator` (section, paragraph, table row) and no quote. A citation of a number says how much it
 * supports it (`support`); the modeller's English rendering of a quote lives in `translations`.
 */
export const CiteSchema = z
  .strictObject({
    source: IdSchema.describe('Id of an entry in `sources`.'),
    quote: z.string().min(1).optional().describe('Verbatim passage of the source text (required when the source has a file).'),
    locator: z.string().min(1).optional().describe('Where in the source (for URL-only sources): section, paragraph, table row.'),
    support: SupportSchema.optional().describe('Required when the citation supports a number: states, implies or context.'),
    note: z.string().optional().describe('How the cited passage supports the value (translation, conversion, reading).'),
  })
  .refine((c) => c.quote !== undefined || c.locator !== undefined, {
    message: 'a citation needs a "quote" (sources with a file) or a "locator" (URL-only sources)',
  })
  .describe('A citation: { source, quote, support? } for stored sources, { source, locator, support? } for URL-only sources.').meta({ id: 'Cite' });
export type Cite = z.infer<typeof CiteSchema>;

export const RangeSchema = z
  .tuple([z.number(), z.number()])
  .refine(([lo, hi]) => lo <= hi, { message: 'range must be [low, high] with low <= high' })
  .describe('Uncertainty interval [low, high] that contains the value.');

/** Common provenance: a citation, or an assumption with its rationale. */
const provenanceFields = {
  cite: CiteSchema.optional().describe('Where the value comes from.'),
  also: z.array(CiteSchema).optional().describe('Further citations that corroborate it.'),
  assumption: z.string().min(1).optional().describe('Why this value is assumed (when no source gives it).'),
};

function checkProvenance(v: { cite?: unknown; assumption?: unknown }, ctx: z.RefinementCtx): void {
  if (v.cite === undefined && v.assumption === undefined) {
    ctx.addIssue({ code: 'custom', message: 'needs a "cite" ({ source, quote|locator }) or an "assumption" (the rationale)', path: [] });
  }
}

/**
 * A value defined by other values of the scenario: `equals` one cited number, or the `sum` of
 * several (JSON paths). Its `value` and `range` are computed after variants are applied, so a
 * variant that changes a source changes every value derived from it. In a file they may be left
 * out; when given they must equal the computed ones (so a copy cannot go stale).
 */
export const DerivedSchema = z
  .strictObject({
    equals: z.string().regex(/^\$/, 'a JSON path starting with "$"').optional().describe('JSON path of the cited number this value equals, e.g. "$.models.deterrence.aeg.parameters.p_HH".'),
    sum: z.array(z.string().regex(/^\$/, 'a JSON path starting with "$"')).min(2).optional().describe('JSON paths of the cited numbers this value is the sum of.'),
    within: RangeSchema.optional().describe('Bounds the computed range is clipped to, e.g. [0, 1] for a probability.'),
    rationale: z.string().min(1).describe('Why the value is defined so (the model\'s definition).'),
  })
  .refine((d) => (d.equals === undefined) !== (d.sum === undefined), { message: 'a derived value needs exactly one of "equals" (a JSON path) or "sum" (JSON paths)' })
  .describe('A value defined by other values: { equals: path } or { sum: [paths] }, with its rationale.')
  .meta({ id: 'Derived' });
export type Derived = z.infer<typeof DerivedSchema>;

/** Builds the schema of a cited value of a given type. */
export function citedSchema<T extends z.ZodType>(valueSchema: T) {
  return z
    .strictObject({
      value: valueSchema,
      unit: z.string().optional().describe('Unit, e.g. "USD", "share", "count", "kt".'),
      range: RangeSchema.optional(),
      ...provenanceFields,
      derived: DerivedSchema.optional().describe('This value is defined by others (its value and range are computed).'),
      note: z.string().optional().describe('Remarks: conversions, readings of the source (the reading of an implied value).'),
    })
    .superRefine((v, ctx) => {
      if (v.derived !== undefined) {
        if (v.cite !== undefined || v.assumption !== undefined) {
          ctx.addIssue({ code: 'custom', message: 'a derived value takes its provenance from its sources: no "cite" or "assumption" of its own', path: ['derived'] });
        }
        return;
      }
      checkProvenance(v, ctx);
      const support = v.cite?.support;
      if (v.cite !== undefined && support === undefined) {
        ctx.addIssue({ code: 'custom', message: 'the citation of a value needs "support": states, implies or context', path: ['cite', 'support'] });
      }
      if (v.assumption !== undefined && v.range === undefined) {
        ctx.addIssue({ code: 'custom', message: 'an assumed value needs an uncertainty "range": [low, high]', path: ['range'] });
      }
      if (support === 'implies') {
        if (v.range === undefined) ctx.addIssue({ code: 'custom', message: 'an implied value needs an uncertainty "range": [low, high] (the quote gives its direction, not its size)', path: ['range'] });
        if (v.note === undefined && v.cite?.note === undefined && v.assumption === undefined) {
          ctx.addIssue({ code: 'custom', message: 'an implied value needs its reading: a "note" saying how the quote leads to this value', path: ['note'] });
        }
      }
      if (support === 'context' && v.assumption === undefined) {
        ctx.addIssue({ code: 'custom', message: 'a value whose citation is only context is an assumption: give its rationale in "assumption" (and a "range")', path: ['assumption'] });
      }
    })
    .describe('A value with provenance: { value, unit?, range?, cite } or { value, range, assumption } or { derived }.');
}

/** A cited number. When `range` is given, `range[0] <= value <= range[1]`. */
export const CitedNumberSchema = citedSchema(z.number().describe('The value.')).superRefine((v, ctx) => {
  if (v.range && (v.value < v.range[0] || v.value > v.range[1])) {
    ctx.addIssue({ code: 'custom', message: `value ${v.value} lies outside its range [${v.range[0]}, ${v.range[1]}]`, path: ['value'] });
  }
}).meta({ id: 'CitedNumber', description: 'A cited number: { value, unit?, range?, cite } or { value, range, assumption } or { derived: { equals | sum } }.' });
export type CitedNumber = z.infer<typeof CitedNumberSchema>;

/** A cited share or probability in [0, 1]. */
export const CitedUnitIntervalSchema = CitedNumberSchema.superRefine((v, ctx) => {
  if (v.value < 0 || v.value > 1) ctx.addIssue({ code: 'custom', message: `expected a number in [0, 1], got ${v.value}`, path: ['value'] });
}).meta({ id: 'CitedUnitInterval', description: 'A cited number in [0, 1] (a share, salience or probability).' });

export const SourceSchema = z
  .strictObject({
    id: IdSchema,
    title: z.string().min(1).describe('Title (in the source language; an English gloss may follow).'),
    publisher: z.string().min(1).describe('Publisher or outlet.'),
    author: z.string().optional(),
    date: PartialDateSchema.describe('Publication date.'),
    language: LanguageTagSchema,
    file: z.string().optional().describe('Stored text file, relative to the repository\'s sources/ directory (quotes are checked against it).'),
    url: z.url().optional().describe('Public URL.'),
    notes: z.string().optional(),
  })
  .refine((s) => s.file !== undefined || s.url !== undefined, { message: 'a source needs a "file" or a "url"' })
  .describe('A source the scenario cites.').meta({ id: 'Source' });
export type ScenarioSource = z.infer<typeof SourceSchema>;

export const ActorKindSchema = z.enum(['state', 'person', 'organisation', 'alliance', 'group']);
export type ActorKind = z.infer<typeof ActorKindSchema>;

export const CapabilitySchema = z
  .strictObject({
    id: IdSchema,
    kind: z.string().min(1).describe('e.g. "nuclear", "missile", "conventional", "economic", "diplomatic".'),
    description: z.string().min(1),
    amount: CitedNumberSchema.optional().describe('A quantity, when there is one (tests, missiles, troops, US$).'),
    ...provenanceFields,
  })
  .superRefine(checkProvenance)
  .describe('Something an actor has or can do.').meta({ id: 'Capability' });
export type Capability = z.infer<typeof CapabilitySchema>;

export const ActorSchema = z
  .strictObject({
    id: IdSchema,
    kind: ActorKindSchema,
    names: MultilingualSchema.extend({ 'zh-Hant': z.string().min(1).describe('Traditional Chinese (as the seed article writes it).') }).describe(
      'Names; "en" and "zh-Hant" are required.',
    ),
    aliases: z.array(z.string().min(1)).optional().describe('Other names and spellings (e.g. PRC forms, short forms the article uses).'),
    description: z.string().optional(),
    role: z.string().optional().describe('Office or function, e.g. "President of the ROK (since 2025-06-04)".'),
    state: IdSchema.optional().describe('For persons and organisations: the state they belong to.'),
    affiliation: IdSchema.optional().describe('For persons: the organisation they speak for.'),
    members: z.array(IdSchema).optional().describe('For alliances and groups: member actors.'),
    leader: IdSchema.optional().describe('For states: the head of state or government in the scenario\'s period.'),
    tenure: z.strictObject({ from: PartialDateSchema.optional(), to: PartialDateSchema.optional() }).optional(),
    capabilities: z.array(CapabilitySchema).optional(),
    ...provenanceFields,
  })
  .describe('A state, person, organisation, alliance or group.').meta({ id: 'Actor' });
export type Actor = z.infer<typeof ActorSchema>;

export const RelationTypeSchema = z.enum(['alliance', 'partnership', 'rivalry', 'trade', 'support']);

export const FlowSchema = z
  .strictObject({
    id: IdSchema,
    what: z.string().min(1).describe('What flows (troops, artillery shells, fuel, air-defence missiles, aid, goods).'),
    kind: z.string().optional().describe('e.g. "military", "economic", "technology", "personnel".'),
    amount: CitedNumberSchema.optional(),
    ...provenanceFields,
  })
  .superRefine(checkProvenance)
  .describe('One item flowing along a relation, from `from` to `to`.').meta({ id: 'Flow' });

export const RelationSchema = z
  .strictObject({
    id: IdSchema,
    type: RelationTypeSchema,
    from: IdSchema.describe('Actor id.'),
    to: IdSchema.describe('Actor id.'),
    description: z.string().optional(),
    since: PartialDateSchema.optional(),
    until: PartialDateSchema.optional(),
    strength: CitedNumberSchema.optional().describe('Strength in [0, 1] (for networks and the crisis model).'),
    amounts: z.record(z.string(), CitedNumberSchema).optional().describe('Named amounts, e.g. { exports: { value: 348000000, unit: USD, cite } }.'),
    flows: z.array(FlowSchema).optional().describe('What flows from `from` to `to`.'),
    ...provenanceFields,
  })
  .superRefine(checkProvenance)
  .describe('A directed relation between two actors (alliances and partnerships are read as mutual).').meta({ id: 'Relation' });
export type Relation = z.infer<typeof RelationSchema>;

export const DoctrineSchema = z
  .strictObject({
    id: IdSchema,
    actor: IdSchema,
    kind: z.string().min(1).describe('e.g. "nuclear-use", "legal-status", "deterrence-posture", "diplomacy".'),
    title: MultilingualSchema,
    adopted: PartialDateSchema.optional(),
    description: z.string().min(1),
    ...provenanceFields,
  })
  .superRefine(checkProvenance)
  .describe('A declared policy, law or posture.').meta({ id: 'Doctrine' });
export type Doctrine = z.infer<typeof DoctrineSchema>;

export const IssuePositionSchema = z
  .strictObject({
    actor: IdSchema,
    position: CitedNumberSchema.describe('Position on the issue scale (scale.min..scale.max).'),
    salience: CitedUnitIntervalSchema.describe('How much the actor cares, 0..1.'),
    clout: CitedNumberSchema.describe('Power the actor brings to bear on this issue (>= 0; only ratios matter; 0..1 here).'),
    veto: z.boolean().optional().describe('True when no settlement can pass without this actor (a veto player).'),
  })
  .describe("One actor's stance on an issue.").meta({ id: 'IssuePosition' });
export type IssuePosition = z.infer<typeof IssuePositionSchema>;

export const IssueSchema = z
  .strictObject({
    id: IdSchema,
    title: MultilingualSchema,
    description: z.string().optional(),
    scale: z
      .strictObject({
        min: z.number(),
        max: z.number(),
        anchors: z
          .array(z.strictObject({ value: z.number(), label: MultilingualSchema, cite: CiteSchema.optional() }))
          .min(2)
          .describe('Labelled points of the scale (at least both ends).'),
      })
      .refine((s) => s.min < s.max, { message: 'scale.min must be below scale.max' }),
    positions: z.array(IssuePositionSchema).min(1),
    ruledOut: z.array(z.strictObject({ range: RangeSchema, reason: z.string().min(1), cite: CiteSchema.optional() })).optional().describe('Stretches of the scale the sources call impossible or ruled out, with why.'),
  })
  .describe('A negotiation issue: a one-dimensional scale and each actor\'s position, salience and clout.').meta({ id: 'Issue' });
export type Issue = z.infer<typeof IssueSchema>;

export const EventSchema = z
  .strictObject({
    id: IdSchema,
    date: PartialDateSchema,
    endDate: PartialDateSchema.optional(),
    dateRange: z
      .tuple([PartialDateSchema, PartialDateSchema])
      .optional()
      .describe('Uncertainty [earliest, latest] of an assumed date (events the sources do not date precisely).'),
    status: z.enum(['occurred', 'expected']).default('occurred').optional().describe('"expected" for announced future events.'),
    kind: z.string().min(1).optional().describe('e.g. "nuclear-test", "law", "summit", "statement", "exercise", "treaty", "strike", "election", "report".'),
    title: MultilingualSchema,
    description: z.string().optional(),
    actors: z.array(IdSchema).min(1),
    ...provenanceFields,
  })
  .superRefine(checkProvenance)
  .describe('A dated event.').meta({ id: 'Event' });
export type ScenarioEvent = z.infer<typeof EventSchema>;

export const MechanismSchema = z
  .strictObject({
    id: IdSchema,
    cause: z.string().min(1),
    effect: z.string().min(1),
    sign: z.enum(['+', '-', '0']).describe('"+": more cause, more effect; "-": more cause, less effect; "0": the source reports no effect (the cause was tried and the effect did not follow).'),
    basis: z
      .enum(['reported', 'assessed', 'aim'])
      .optional()
      .describe('What the source says of the link: "reported" (it happened; the default), "assessed" (an expert\'s judgement), "aim" (an actor\'s stated purpose, no effect reported).'),
    actors: z.array(IdSchema).optional(),
    description: z.string().optional(),
    strength: CitedNumberSchema.optional(),
    ...provenanceFields,
  })
  .superRefine(checkProvenance)
  .describe('A causal link the article asserts (for the crisis model).').meta({ id: 'Mechanism' });
export type Mechanism = z.infer<typeof MechanismSchema>;

export const AssessmentSchema = z
  .strictObject({
    id: IdSchema,
    by: IdSchema.describe('Actor id of the expert or official.'),
    about: z.array(IdSchema).optional().describe('Actors the assessment concerns.'),
    statement: z.string().min(1).describe('English paraphrase of the claim.'),
    ...provenanceFields,
  })
  .superRefine(checkProvenance)
  .describe('A claim made by an expert or official quoted in a source.').meta({ id: 'Assessment' });
export type Assessment = z.infer<typeof AssessmentSchema>;

export const CalibrationTargetSchema = z
  .strictObject({
    id: IdSchema,
    description: z.string().min(1),
    period: z.strictObject({ from: PartialDateSchema.optional(), to: PartialDateSchema.optional() }).optional(),
    target: CitedNumberSchema,
  })
  .describe('An observed quantity models can be calibrated against.').meta({ id: 'CalibrationTarget' });
export type CalibrationTarget = z.infer<typeof CalibrationTargetSchema>;

/** True for JSON data whose numbers are all finite; reports the first non-finite number's path. */
function checkFiniteJson(value: unknown, ctx: z.RefinementCtx): void {
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) ctx.addIssue({ code: 'custom', message: `expected a finite number, got ${String(node)}`, path });
    } else if (Array.isArray(node)) node.forEach((x, i) => stack.push({ node: x, path: [...path, i] }));
    else if (node !== null && typeof node === 'object') for (const [k, x] of Object.entries(node)) stack.push({ node: x, path: [...path, k] });
  }
}

/** Any JSON value whose numbers are all finite (`.nan`, `.inf` and `1e309` are refused). */
export const FiniteJsonSchema = z.unknown().superRefine(checkFiniteJson);

/**
 * What a source asks of a model and how the model's outcomes read in this scenario's terms, in the
 * interface languages. Interfaces print it beside the model's results (e.g. the question of the seed
 * article's block 4 for the escalation game), so no scenario-specific text lives in the code.
 */
export const ModelReadingSchema = z
  .strictObject({
    question: MultilingualSchema.describe('The question the source puts that this model answers.'),
    outcomes: z.record(z.string(), MultilingualSchema).optional().describe('Outcome code -> what it means in this scenario (e.g. DC: "the US stands aside").'),
    conclusion: z
      .strictObject({ holds: MultilingualSchema, fails: MultilingualSchema })
      .optional()
      .describe('How to say the answer: when deterrence holds in every equilibrium, and when it can fail.'),
    cite: CiteSchema.optional().describe('Where the source asks the question.'),
  })
  .describe("A model's reading in this scenario: the source's question and the outcomes in its terms.")
  .meta({ id: 'ModelReading' });
export type ModelReading = z.infer<typeof ModelReadingSchema>;

export const VariantChangeSchema = z
  .strictObject({
    path: z
      .string()
      .regex(/^\$/, 'a JSON path starting with "$"')
      .describe('JSON path of an existing value: "$.issues[0].positions[2].position.value" or with selectors "$.issues[id=exercises].positions[actor=rok].position.value".'),
    value: FiniteJsonSchema.describe('The new value (replaces the old one).'),
    rationale: z.string().optional(),
    cite: CiteSchema.optional(),
  })
  .describe('One change of a variant.').meta({ id: 'VariantChange' });

export const VariantSchema = z
  .strictObject({
    id: IdSchema,
    title: MultilingualSchema,
    description: z.string().optional(),
    changes: z.array(VariantChangeSchema).min(1),
  })
  .describe('A named overlay of changes by JSON path.').meta({ id: 'Variant' });
export type Variant = z.infer<typeof VariantSchema>;

export const ModelBindingSchema = z
  .strictObject({
    roles: z.record(z.string(), IdSchema).describe('Model role -> actor id, e.g. { challenger: dprk, defender: usa }.'),
    notes: z.string().optional(),
    scaling: z.string().optional().describe('How scenario quantities map onto model parameters.'),
    parameters: z.record(z.string(), CitedNumberSchema),
    reading: ModelReadingSchema.optional(),
  })
  .describe('Binds a model to scenario actors, with cited parameters.').meta({ id: 'ModelBinding' });
export type ModelBinding = z.infer<typeof ModelBindingSchema>;

export const ModelsSchema = z
  .strictObject({
    deterrence: z.record(z.string(), ModelBindingSchema).describe('Deterrence model id -> binding.'),
    bargaining: z.record(z.string(), ModelBindingSchema.partial({ roles: true, parameters: true })).optional(),
    crisis: z.lazy(() => crisisSectionSchema()).optional().describe('The crisis simulation (packages/engine/src/crisis/schema.ts).'),
  })
  .describe('Parameters of the models, per model.');

/**
 * The modeller's translations, kept apart from what the sources say:
 * - `quotes`: source id -> quote (verbatim, as cited) -> its English rendering;
 * - `prose`: language -> English interface text of the scenario (mechanisms, rationales, variant
 *   descriptions...) -> that text in the language.
 * Keys are compared after normalising whitespace. `by` says whose translations they are.
 */
export const TranslationsSchema = z
  .strictObject({
    by: z.string().min(1).describe('Whose translations these are, e.g. "modeller" (not the sources\').'),
    quotes: z.record(IdSchema, z.record(z.string().min(1), z.string().min(1))).optional().describe('Source id -> quote -> English rendering.'),
    prose: z.record(LanguageTagSchema, z.record(z.string().min(1), z.string().min(1))).optional().describe('Language -> English text -> translation.'),
  })
  .describe("The modeller's translations of quotes (into English) and of the scenario's prose (into other interface languages).")
  .meta({ id: 'Translations' });
export type Translations = z.infer<typeof TranslationsSchema>;

export const ScenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema (for editors).'),
    id: IdSchema,
    title: MultilingualSchema,
    description: z.string().optional(),
    asOf: PartialDateSchema.describe('The date the scenario describes.'),
    sources: z.array(SourceSchema).min(1),
    actors: z.array(ActorSchema).min(1),
    relations: z.array(RelationSchema).default([]),
    doctrines: z.array(DoctrineSchema).default([]),
    issues: z.array(IssueSchema).default([]),
    events: z.array(EventSchema).default([]),
    mechanisms: z.array(MechanismSchema).default([]),
    assessments: z.array(AssessmentSchema).default([]),
    calibration: z.array(CalibrationTargetSchema).default([]),
    variants: z.array(VariantSchema).default([]),
    models: ModelsSchema.default({ deterrence: {} }),
    translations: TranslationsSchema.optional(),
  })
  .describe('A Brink scenario: the actors, relations, doctrines, issues and events of a system, every number cited or assumed.');
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** The scenario schema as JSON Schema (draft 2020-12), for editors and `brink scenario schema`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  // A derived value may leave out its `value` (it is computed): say so to editors.
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  for (const def of Object.values(defs)) {
    const properties = def.properties as Record<string, unknown> | undefined;
    const required = def.required as string[] | undefined;
    if (properties?.derived && properties.value && required?.includes('value')) {
      def.required = required.filter((r) => r !== 'value');
      def.anyOf = [{ required: ['value'] }, { required: ['derived'] }];
    }
  }
  return schema;
}
