/**
 * The run record: what Brink stores about one analysis run and what the API and the web app show
 * of it, declared once. The store's rows map to `RunRecord`, the API's OpenAPI schemas
 * are these zod schemas (`RunDetailSchema` for GET /api/runs/:id, `RunSummarySchema` in lists),
 * and the web client reads the same types. Pure data: no Node or browser API, so every package can
 * import it (docs/decisions/0010).
 *
 * Status moves only forward: queued -> running -> done | failed | cancelled.
 */
import { z } from 'zod';

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export const RunStatusSchema = z.enum(RUN_STATUSES).describe('queued (waiting for a worker), running, done, failed or cancelled.');
export type RunStatus = z.infer<typeof RunStatusSchema>;

/** Everything needed to run it again: the scenario content (by hash), variant, engine, seed, options. */
export const RunProvenanceSchema = z
  .object({
    scenarioHash: z.string().nullable().describe('sha256:<hex> of the scenario content the run used (null for kinds without a scenario).'),
    scenarioId: z.string().nullable(),
    scenarioVersion: z.number().int().nullable(),
    variant: z.string().nullable(),
    engineVersion: z.string().describe('Version of @brink/engine that ran it.'),
    seed: z.number().int().nullable(),
    options: z.record(z.string(), z.unknown()).describe("The run kind's options, as checked."),
  })
  .describe('Provenance of a run.');
export type RunProvenance = z.infer<typeof RunProvenanceSchema>;

/** How a large run was split (absent for runs executed whole). */
export const RunChunksSchema = z
  .object({
    total: z.number().int().min(1).describe('Chunks the run was split into.'),
    done: z.number().int().min(0).describe('Chunks finished and stored.'),
  })
  .describe('Chunks of a run split across workers.');
export type RunChunks = z.infer<typeof RunChunksSchema>;

export const RunRecordSchema = z
  .object({
    id: z.string(),
    kind: z.string().describe('Run kind: deterrence, forecast, solve, ...'),
    status: RunStatusSchema,
    progress: z.number().min(0).max(1),
    provenance: RunProvenanceSchema,
    result: z.unknown().describe("The engine's result (null until done)."),
    error: z.string().nullable().describe('Why it failed (null unless failed).'),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    updatedAt: z.string(),
    reproduces: z.string().nullable().describe('The run this one re-ran from its provenance, if any.'),
    chunks: RunChunksSchema.nullable().optional(),
  })
  .describe('A stored run.');
export type RunRecord = z.infer<typeof RunRecordSchema>;

export const ReproductionSchema = z
  .object({
    of: z.string().describe('The original run.'),
    identical: z.boolean().describe('True when both results are equal (canonical JSON).'),
    engineVersionChanged: z.boolean(),
    differences: z.array(z.string()).describe('JSON paths where the results differ (first 20).'),
  })
  .nullable();
export type Reproduction = z.infer<typeof ReproductionSchema>;

/** A run as GET /api/runs/:id answers it: the record and, for a reproduction, the comparison. */
export const RunDetailSchema = RunRecordSchema.extend({ reproduction: ReproductionSchema }).describe('A stored run.');
export type RunDetail = z.infer<typeof RunDetailSchema>;

/** A run in a list (GET /api/runs): the record without its result. */
export const RunSummarySchema = RunRecordSchema.omit({ result: true }).describe('A stored run, without its result.');
export type RunSummary = z.infer<typeof RunSummarySchema>;
