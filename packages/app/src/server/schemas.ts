/**
 * Request and response schemas of the HTTP API (zod). The server validates requests with them and
 * /api/openapi.json is generated from the very same objects (./openapi.ts), so the two cannot drift.
 */
import { z } from 'zod';
import { GameJsonSchema } from '@brink/engine/games';
import { LIMITS } from '@brink/engine/limits';
import { RUN_STATUSES, RunDetailSchema, RunSummarySchema } from '@brink/engine/records';

/** True when `text` has a C0 control character or DEL (PostgreSQL text cannot even hold NUL). */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** A string used to look something up in the store (an id, a kind, a variant): no control characters. */
const keyString = () => z.string().refine((s) => !hasControlCharacter(s), 'must not contain control characters');

export const IdParam = keyString()
  .min(1)
  .max(LIMITS.maxIdLength, `an id has at most ${LIMITS.maxIdLength} characters (docs/limits.md)`)
  .describe(`An id (at most ${LIMITS.maxIdLength} characters).`);

export const HealthSchema = z
  .object({
    ok: z.literal(true),
    version: z.string().describe('Version of @brink/app.'),
    engineVersion: z.string().describe('Version of @brink/engine (recorded in every run).'),
    store: z.enum(['sqlite', 'postgres']),
    runBackend: z.enum(['local', 'queue']).describe("Where runs execute: this server's worker processes, or `brink worker` processes through the Redis queue."),
    defaultScenarioId: z.string().nullable().describe('Id of the scenario loaded at start-up.'),
    runKinds: z.array(z.string()).describe('Kinds POST /api/runs accepts.'),
  })
  .describe('Server status.');

export const AdminStatusSchema = z
  .object({
    runBackend: z.enum(['local', 'queue']),
    store: z.enum(['sqlite', 'postgres']),
    instanceId: z.string().describe("This server's id as the owner of the runs it executes."),
    runs: z.object({ queued: z.number().int(), running: z.number().int() }).describe('Unfinished runs in the store (every server).'),
    queue: z.object({ name: z.string(), jobs: z.record(z.string(), z.number()) }).nullable().describe('Job counts of the Redis queue, when runs go to it.'),
  })
  .describe('Deployment status.');

export const VersionQuery = z.object({
  version: z.coerce.number().int().positive().optional().describe('Scenario version (default: the latest).'),
});

const Title = z.union([z.string(), z.record(z.string(), z.string())]).nullable().describe('The scenario title (multilingual object).');

export const ScenarioSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    hash: z.string().describe('sha256:<hex> of the canonical JSON of the scenario.'),
    title: Title,
    createdAt: z.string(),
    restoredFrom: z.number().int().nullable().describe('The earlier version whose content this version stores again (a restore), else null.'),
    versions: z.number().int().describe('How many versions of this id are stored.'),
  })
  .describe('The latest version of a stored scenario.');

export const ScenarioListSchema = z.object({ scenarios: z.array(ScenarioSummarySchema) });

export const ScenarioVersionSchema = ScenarioSummarySchema.omit({ versions: true }).describe('One stored version of a scenario.');
export const ScenarioVersionListSchema = z.object({ versions: z.array(ScenarioVersionSchema) });

export const SourceMetaSchema = z
  .object({
    id: z.string(),
    textHash: z.string().nullable().describe('SHA-256 of the stored text, or null when no text is stored.'),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    date: z.string().nullable(),
    language: z.string().nullable(),
    url: z.string().nullable(),
    hasText: z.boolean().describe('True when the text is stored (GET .../sources/:sourceId serves it).'),
  })
  .describe('A source a scenario cites.');

export const ScenarioDetailSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    hash: z.string(),
    title: Title,
    createdAt: z.string(),
    scenario: z.record(z.string(), z.unknown()).describe('The validated scenario (see the Scenario schema, `brink scenario schema`).'),
    text: z.string().nullable().describe('The YAML or JSON text it was stored from.'),
    sources: z.array(SourceMetaSchema),
  })
  .describe('A stored scenario version.');

export const SourceTextSchema = z
  .object({
    id: z.string(),
    textHash: z.string(),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    date: z.string().nullable(),
    language: z.string().nullable(),
    url: z.string().nullable(),
    text: z.string().describe('The stored text, exactly as quotes are checked against it.'),
  })
  .describe('The stored text of a source.');

export const PostScenarioEnvelopeSchema = z
  .strictObject({
    text: z.string().min(1).describe('The scenario as YAML or JSON text.'),
    sources: z
      .array(z.strictObject({ id: z.string().min(1), text: z.string() }))
      .optional()
      .describe('Texts of sources the scenario quotes (else the stored texts with the same source ids are used).'),
  })
  .describe('A scenario as text, with the texts of the sources it quotes.');

export const PostScenarioResultSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    hash: z.string(),
    created: z.boolean(),
    restoredFrom: z.number().int().nullable().describe('When the version answered is a restore: the version it restored.'),
  })
  .describe('The stored version (created: false when that content was already stored).');

export const VariantChangeOut = z.object({ path: z.string(), value: z.unknown(), rationale: z.string().optional(), cite: z.unknown().optional() });
export const VariantListSchema = z.object({
  variants: z.array(
    z.object({
      id: z.string(),
      title: z.unknown(),
      description: z.string().optional(),
      changes: z.array(VariantChangeOut),
    }),
  ),
});
export const AppliedVariantSchema = z.object({ id: z.string(), variant: z.string(), scenario: z.record(z.string(), z.unknown()) });

export const RunKindSchema = z.string().min(1).describe('Run kind: deterrence, forecast or solve (GET /api/health lists them).');

export const CreateRunSchema = z
  .strictObject({
    kind: RunKindSchema,
    scenarioId: IdParam.optional().describe('Default: the default scenario (ignored by kind solve).'),
    version: z.number().int().positive().optional().describe('Default: the latest version.'),
    variant: IdParam.optional().describe('Apply this variant of the scenario first.'),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('Random seed (default 1).'),
    options: z.record(z.string(), z.unknown()).optional().describe('Options of the kind: see the schemas RunOptions_<kind> (docs/api.md).'),
  })
  .describe('An analysis to run and store.');

/** GET /api/runs/:id: the shared run record (@brink/engine/records) with the reproduction comparison. */
export const RunSchema = RunDetailSchema;

export const RunListSchema = z.object({ runs: z.array(RunSummarySchema) });

export const RunListQuery = z.object({
  kind: keyString().optional(),
  status: z.enum(RUN_STATUSES).optional(),
  scenarioId: keyString().optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const RunCreatedSchema = z
  .object({
    id: z.string(),
    status: z.enum(RUN_STATUSES),
    reproduces: z.string().nullable().optional(),
    links: z.object({ self: z.string(), events: z.string() }),
  })
  .describe('The run was created and queued.');

export const SolveRequestSchema = z
  .strictObject({
    format: z.enum(['nfg', 'efg']).describe('Gambit file format.'),
    text: z.string().min(1).describe('The game file text.'),
    method: z.string().optional().describe('Solver method (default: the engine picks one for the game).'),
    lambda: z.number().positive().optional().describe('Logit QRE precision (method logit).'),
  })
  .describe('A game to solve now.');

export const SolveResponseSchema = z
  .object({
    game: GameJsonSchema.describe("The parsed game, as the engine's game JSON (players, strategies and payoffs, or the tree)."),
    result: z
      .object({
        method: z.string(),
        complete: z.boolean(),
        exact: z.boolean(),
        equilibria: z.array(z.object({ profile: z.array(z.array(z.union([z.string(), z.number()]))), payoffs: z.array(z.union([z.string(), z.number()])) })),
      })
      .passthrough()
      .describe('The engine SolveResult; exact values are rationals as strings ("3/5").'),
  })
  .describe('A solved game.');
