/**
 * The scenario schema (zod 4): one definition gives the TypeScript types, the validator and the
 * JSON Schema that `brink scenario schema` prints for editors.
 *
 * Design (ARCHITECTURE.md, "Core types"): every number that a model consumes is a *cited value*,
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
import { crisisSectionSchema } from '../crisis/schema';

/** Short lowercase identifiers: `dprk`, `kim-jong-un`, `us-rok-alliance`. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a lowercase id: letters, digits and dashes, e.g. "kim-jong-un"')
  .describe('Short lowercase identifier (a-z, 0-9, "-"), unique within its list.').meta({ id: 'Id' });

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
 * A citation. `quote` is a verbatim passage of the source's stored text (compared after normalising
 * whitespace only); it is required when the source has a `file`. For URL-only sources give a
 * `locator` (section, paragraph, table row) and no quote.
 */
export const CiteSchema = z
  .strictObject({
    source: IdSchema.describe('Id of an entry in `sources`.'),
    quote: z.string().min(1).optional().describe('Verbatim passage of the source text (required when the source has a file).'),
    locator: z.string().min(1).optional().describe('Where in the source (for URL-only sources): section, paragraph, table row.'),
    note: z.string().optional().describe('How the cited passage supports the value (translation, conversion).'),
  })
  .refine((c) => c.quote !== undefined || c.locator !== undefined, {
    message: 'a citation needs a "quote" (sources with a file) or a "locator" (URL-only sources)',
  })
  .describe('A citation: { source, quote } for stored sources, { source, locator } for URL-only sources.').meta({ id: 'Cite' });
export type Cite = z.infer<typeof CiteSchema>;

const RangeSchema = z
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

/** Builds the schema of a cited value of a given type. */
export function citedSchema<T extends z.ZodType>(valueSchema: T) {
  return z
    .strictObject({
      value: valueSchema,
      unit: z.string().optional().describe('Unit, e.g. "USD", "share", "count", "kt".'),
      range: RangeSchema.optional(),
      ...provenanceFields,
      note: z.string().optional().describe('Remarks: conversions, readings of the source.'),
    })
    .superRefine((v, ctx) => {
      checkProvenance(v, ctx);
      if (v.assumption !== undefined && v.range === undefined) {
        ctx.addIssue({ code: 'custom', message: 'an assumed value needs an uncertainty "range": [low, high]', path: ['range'] });
      }
    })
    .describe('A value with provenance: { value, unit?, range?, cite } or { value, range, assumption }.');
}

/** A cited number. When `range` is given, `range[0] <= value <= range[1]`. */
export const CitedNumberSchema = citedSchema(z.number().describe('The value.')).superRefine((v, ctx) => {
  if (v.range && (v.value < v.range[0] || v.value > v.range[1])) {
    ctx.addIssue({ code: 'custom', message: `value ${v.value} lies outside its range [${v.range[0]}, ${v.range[1]}]`, path: ['value'] });
  }
}).meta({ id: 'CitedNumber', description: 'A cited number: { value, unit?, range?, cite } or { value, range, assumption }.' });
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
    sign: z.enum(['+', '-']).describe('"+": more cause, more effect; "-": more cause, less effect.'),
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

export const VariantChangeSchema = z
  .strictObject({
    path: z
      .string()
      .regex(/^\$/, 'a JSON path starting with "$"')
      .describe('JSON path of an existing value: "$.issues[0].positions[2].position.value" or with selectors "$.issues[id=exercises].positions[actor=rok].position.value".'),
    value: z.unknown().describe('The new value (replaces the old one).'),
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
  })
  .describe('A Brink scenario: the actors, relations, doctrines, issues and events of a system, every number cited or assumed.');
export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/** The scenario schema as JSON Schema (draft 2020-12), for editors and `brink scenario schema`. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
