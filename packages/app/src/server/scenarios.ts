/**
 * Scenario routes: list, get (by id and version), versions, the diff of two versions, restore an
 * earlier version, variants, a cited source's stored text, and create from YAML or JSON (validated
 * with @brink/engine's `validateScenario`, then every bound model's input checks for the base and
 * each variant, `checkModelInputs`; syntax errors 400 with `scenario:line:col`, invalid values 422
 * with place and JSON path; nothing is stored on error). Source texts come from the store only; no
 * request reaches the file system.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  applyVariant,
  diffScenarios,
  parseScenarioText,
  validateScenario,
  type Scenario,
  type ScenarioSource,
} from '@brink/engine/scenario';
import { checkModelInputs } from '@brink/engine/model-inputs';
import { isInputError } from '@brink/engine/errors';
import { storedSourceReader, type ScenarioRecord, type SourceInput, type Store } from '../store';
import { badRequest, fromInputError, fromZodError, notFound } from './errors';
import { addRoute } from './routes';
import { jsonSyntaxProblem } from '../input-files';
import {
  AppliedVariantSchema,
  IdParam,
  PostScenarioEnvelopeSchema,
  PostScenarioResultSchema,
  ScenarioDetailSchema,
  ScenarioListSchema,
  ScenarioVersionListSchema,
  SourceTextSchema,
  VariantListSchema,
  VersionQuery,
} from './schemas';
import { ErrorBodySchema } from './errors';
import type { ServerContext } from './context';

const err = (description: string) => ({ description, schema: ErrorBodySchema });

const DiffQuery = z.object({
  from: z.coerce.number().int().positive().optional().describe('The earlier version (default: the one before `to`).'),
  to: z.coerce.number().int().positive().optional().describe('The later version (default: the latest).'),
});

const DiffSide = z
  .object({
    value: z.number(),
    unit: z.string().optional(),
    range: z.tuple([z.number(), z.number()]).optional(),
    grade: z.enum(['stated', 'implied', 'assumed']).describe('How much the value rests on its source.'),
    cite: z.record(z.string(), z.unknown()).optional().describe('Its citation: { source, quote | locator, support, note? }.'),
    assumption: z.string().optional(),
    note: z.string().optional(),
    derived: z.object({ sources: z.array(z.string()), rationale: z.string() }).optional(),
  })
  .describe('A cited value on one side of a diff.');

const ScenarioDiffSchema = z
  .object({
    id: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    fromHash: z.string(),
    toHash: z.string(),
    values: z
      .array(
        z.object({
          where: z.string().describe('Readable JSON path, e.g. $.models.deterrence.aeg.parameters.p_HH.'),
          change: z.enum(['changed', 'added', 'removed']),
          fields: z.array(z.string()).describe('What differs: value, range, grade, cite, assumption, note, derived, unit.'),
          before: DiffSide.optional(),
          after: DiffSide.optional(),
        }),
      )
      .describe('Cited values that changed, were added or removed, with their citations on both sides.'),
    elements: z.array(z.object({ list: z.string(), id: z.string(), change: z.enum(['added', 'removed']) })).describe('Elements (actors, relations, events...) added or removed.'),
    other: z.array(z.object({ where: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })).describe('Other fields that changed.'),
    truncated: z.number().int().describe('Other changes left out (beyond 500).'),
  })
  .describe('What changed between two versions of a scenario.');

const RestoreResultSchema = z
  .object({
    id: z.string(),
    version: z.number().int().describe('The new latest version (or the latest, when it already had that content).'),
    hash: z.string(),
    created: z.boolean(),
    restoredFrom: z.number().int().describe('The version whose content it stores.'),
  })
  .describe('The result of a restore.');
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml', 'text/plain'];
/** File name used in `place` for posted text. */
export const POSTED_FILE_NAME = 'scenario';

export async function loadScenarioOr404(store: Store, id: string, version?: number): Promise<ScenarioRecord> {
  const record = await store.getScenario(id, version);
  if (!record) throw notFound(version === undefined ? `no scenario "${id}"` : `no scenario "${id}" version ${version}`, version === undefined ? 'id' : 'version');
  return record;
}

function scenarioDetail(record: ScenarioRecord) {
  const scenario = record.scenario as unknown as Scenario;
  const sources = (scenario.sources ?? []).map((s) => {
    const textHash = record.sourceHashes[s.id] ?? null;
    return {
      id: s.id,
      textHash,
      title: s.title ?? null,
      publisher: s.publisher ?? null,
      date: s.date ?? null,
      language: s.language ?? null,
      url: s.url ?? null,
      hasText: textHash !== null,
    };
  });
  return {
    id: record.id,
    version: record.version,
    hash: record.hash,
    title: record.title,
    createdAt: record.createdAt,
    scenario: record.scenario,
    text: record.text,
    sources,
  };
}

export function registerScenarioRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  const detailCache = new Map<string, string>();

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/scenarios',
      tag: 'scenarios',
      summary: 'List stored scenarios (latest version of each id)',
      responses: { 200: { description: 'The scenarios', schema: ScenarioListSchema } },
    },
    async () => ({ scenarios: await store.listScenarios() }),
  );

  const IdParams = z.strictObject({ id: IdParam });
  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/scenarios/:id',
      tag: 'scenarios',
      summary: 'Get a scenario version (the latest unless ?version=N)',
      params: IdParams,
      query: VersionQuery,
      responses: { 200: { description: 'The scenario (with an ETag; If-None-Match gives 304)', schema: ScenarioDetailSchema }, 304: { description: 'Not modified' }, 400: err('Bad version'), 404: err('Unknown id or version') },
    },
    async ({ params, query }, request, reply) => {
      // A version never changes, so its answer is cached and carries an ETag.
      const meta = await store.getScenarioSummary(params.id, query.version);
      if (!meta) throw notFound(query.version === undefined ? `no scenario "${params.id}"` : `no scenario "${params.id}" version ${query.version}`, query.version === undefined ? 'id' : 'version');
      const etag = `"${meta.hash.replace(/^sha256:/, '')}-v${meta.version}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      let body = detailCache.get(etag);
      if (body === undefined) {
        const record = await loadScenarioOr404(store, params.id, meta.version);
        body = JSON.stringify(scenarioDetail(record));
        detailCache.set(etag, body);
        if (detailCache.size > 16) detailCache.delete(detailCache.keys().next().value!);
      }
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/scenarios/:id/versions',
      tag: 'scenarios',
      summary: 'List the stored versions of a scenario (oldest first)',
      params: IdParams,
      responses: { 200: { description: 'The versions', schema: ScenarioVersionListSchema }, 404: err('Unknown id') },
    },
    async ({ params }) => {
      const versions = await store.listScenarioVersions(params.id);
      if (versions.length === 0) throw notFound(`no scenario "${params.id}"`, 'id');
      return { versions };
    },
  );

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/scenarios/:id/diff',
      tag: 'scenarios',
      summary: 'What changed between two versions: values (with their citations and grades), elements, other fields',
      description: 'Default: from the version before `to`, to the latest version.',
      params: IdParams,
      query: DiffQuery,
      responses: { 200: { description: 'The changes from `from` to `to`', schema: ScenarioDiffSchema }, 400: err('Bad versions'), 404: err('Unknown id or version') },
    },
    async ({ params, query }) => {
      const to = await loadScenarioOr404(store, params.id, query.to);
      const fromVersion = query.from ?? to.version - 1;
      if (fromVersion < 1) throw badRequest(`version ${to.version} is the first version: there is nothing before it to compare`, 'from', 'a version number below `to`');
      const from = await loadScenarioOr404(store, params.id, fromVersion);
      const diff = diffScenarios(from.scenario as unknown as Scenario, to.scenario as unknown as Scenario);
      return { id: params.id, from: from.version, to: to.version, fromHash: from.hash, toHash: to.hash, ...diff };
    },
  );

  addRoute(
    app,
    {
      method: 'POST',
      url: '/api/scenarios/:id/versions/:version/restore',
      tag: 'scenarios',
      summary: 'Restore an earlier version: its content becomes the newest version (nothing is deleted)',
      params: z.strictObject({ id: IdParam, version: z.coerce.number().int().positive().describe('The version to restore.') }),
      write: true,
      responses: {
        200: { description: 'That content is already the latest version', schema: RestoreResultSchema },
        201: { description: 'Stored as the new latest version', schema: RestoreResultSchema },
        404: err('Unknown id or version'),
      },
    },
    async ({ params }, _request, reply) => {
      const result = await store.restoreScenario(params.id, params.version);
      if (!result) throw notFound(`no scenario "${params.id}" version ${params.version}`, 'version');
      const { record, created } = result;
      return reply.status(created ? 201 : 200).send({ id: record.id, version: record.version, hash: record.hash, created, restoredFrom: record.restoredFrom ?? params.version });
    },
  );

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/scenarios/:id/variants',
      tag: 'scenarios',
      summary: "List a scenario's variants with their changes",
      params: IdParams,
      query: VersionQuery,
      responses: { 200: { description: 'The variants', schema: VariantListSchema }, 404: err('Unknown id or version') },
    },
    async ({ params, query }) => {
      const record = await loadScenarioOr404(store, params.id, query.version);
      const scenario = record.scenario as unknown as Scenario;
      return {
        variants: (scenario.variants ?? []).map((v) => ({ id: v.id, title: v.title, description: v.description, changes: v.changes })),
      };
    },
  );

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/scenarios/:id/variants/:variantId',
      tag: 'scenarios',
      summary: 'The scenario with a variant applied (validated again)',
      params: z.strictObject({ id: IdParam, variantId: IdParam }),
      query: VersionQuery,
      responses: { 200: { description: 'The varied scenario', schema: AppliedVariantSchema }, 404: err('Unknown id, version or variant') },
    },
    async ({ params, query }) => {
      const record = await loadScenarioOr404(store, params.id, query.version);
      const scenario = record.scenario as unknown as Scenario;
      if (!scenario.variants?.some((v) => v.id === params.variantId)) throw notFound(`scenario "${params.id}" has no variant "${params.variantId}"`, 'variantId');
      const readSource = await storedSourceReader(store, record);
      return { id: record.id, variant: params.variantId, scenario: applyVariant(scenario, params.variantId, { readSource }) };
    },
  );

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/scenarios/:id/sources/:sourceId',
      tag: 'scenarios',
      summary: 'The stored text of a source the scenario cites (for highlighting quotes)',
      params: z.strictObject({ id: IdParam, sourceId: IdParam }),
      query: VersionQuery,
      responses: { 200: { description: 'The source and its text', schema: SourceTextSchema }, 404: err('Unknown scenario, or the scenario does not cite the source, or no text is stored') },
    },
    async ({ params, query }) => {
      const record = await loadScenarioOr404(store, params.id, query.version);
      const scenario = record.scenario as unknown as Scenario;
      const cited = (scenario.sources ?? []).find((s) => s.id === params.sourceId);
      if (!cited) throw notFound(`scenario "${params.id}" has no source "${params.sourceId}"`, 'sourceId');
      const hash = record.sourceHashes[params.sourceId];
      const source = hash ? await store.getSource(params.sourceId, hash) : undefined;
      if (!source) throw notFound(`no stored text for source "${params.sourceId}" (it is cited by URL only)`, 'sourceId');
      return {
        id: source.id,
        textHash: source.textHash,
        title: cited.title ?? source.title,
        publisher: cited.publisher ?? source.publisher,
        date: cited.date ?? source.date,
        language: cited.language ?? source.language,
        url: cited.url ?? source.url,
        text: source.text,
      };
    },
  );

  // POST reads the raw text so that syntax errors (YAML or JSON) get a line and column.
  app.register(async (scoped) => {
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(['application/json', ...YAML_TYPES], { parseAs: 'string', bodyLimit: app.initialConfig.bodyLimit }, (_req, body, done) => done(null, body));
    addRoute(
      scoped,
      {
        method: 'POST',
        url: '/api/scenarios',
        tag: 'scenarios',
        summary: 'Store a scenario from YAML or JSON (validated, models checked; a new version when the content is new)',
        description:
          'Body: the scenario file text (application/yaml, text/yaml, text/plain), the scenario object (application/json), or the envelope { text, sources? } (application/json). Quotes are checked against the given source texts, else the stored texts of the same source ids. Every bound model\'s input checks run for the base and each variant (422 with the JSON path). Content already stored answers 200 with the (latest) version that has it; new content becomes the newest version (201). To make older content the newest, restore it (POST /api/scenarios/{id}/versions/{version}/restore).',
        body: PostScenarioEnvelopeSchema,
        bodyTypes: YAML_TYPES,
        write: true,
        responses: {
          200: { description: 'That content was already stored', schema: PostScenarioResultSchema },
          201: { description: 'Stored as a new version', schema: PostScenarioResultSchema },
          400: err('Syntax error (place scenario:line:col)'),
          413: err('Body too large'),
          415: err('Unsupported body type'),
          422: err('Invalid scenario (place, JSON path in the message)'),
        },
      },
      async (_input, request, reply) => {
        const raw = typeof request.body === 'string' ? request.body : '';
        if (raw.trim() === '') throw badRequest('empty body: send the scenario as YAML or JSON', POSTED_FILE_NAME);
        let text = raw;
        let given: SourceInput[] = [];
        // A body sent as JSON must be JSON: its syntax errors are reported as JSON errors (the
        // YAML reader below would call them YAML errors), at the line and column of the problem.
        if (/^application\/json\b/i.test(request.headers['content-type'] ?? '')) checkJsonSyntax(raw);
        let data = parseOrSyntaxError(raw);
        if (isEnvelope(data)) {
          const envelope = PostScenarioEnvelopeSchema.safeParse(data);
          if (!envelope.success) throw fromZodError(envelope.error, '$');
          text = envelope.data.text;
          given = (envelope.data.sources ?? []).map((s) => ({ id: s.id, text: s.text }));
          data = parseOrSyntaxError(text);
        }
        rejectNul(text, POSTED_FILE_NAME);
        given.forEach((s, i) => rejectNul(s.text, `$.sources[${i}].text`));
        const texts = new Map(given.map((s) => [s.id, s.text]));
        for (const id of citedSourceIds(data)) {
          if (texts.has(id)) continue;
          const stored = await store.getSource(id);
          if (stored) texts.set(id, stored.text);
        }
        let scenario: Scenario;
        const readSource = (s: ScenarioSource) => texts.get(s.id);
        try {
          scenario = validateScenario(data, { fileName: POSTED_FILE_NAME, readSource });
          // What the models need, for the base and every variant: a scenario the models cannot run
          // (AEG types summing to 1.25, say) is refused here, not stored to break a page later.
          checkModelInputs(scenario, { readSource });
        } catch (error) {
          if (isInputError(error)) throw fromInputError(error, 422);
          throw error;
        }
        const sources: SourceInput[] = scenario.sources
          .filter((s) => texts.has(s.id))
          .map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, date: s.date, language: s.language, url: s.url ?? null, text: texts.get(s.id)! }));
        const { record, created } = await store.putScenario({ scenario: scenario as never, text, sources });
        return reply.status(created ? 201 : 200).send({ id: record.id, version: record.version, hash: record.hash, created, restoredFrom: record.restoredFrom });
      },
    );
  });
}

/** Throws a 400 naming `scenario:LINE:COL` when `text` is not JSON. */
export function checkJsonSyntax(text: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    const { reason, line, col } = jsonSyntaxProblem(text, error);
    throw badRequest(`malformed JSON body: ${reason}`, `${POSTED_FILE_NAME}:${line}:${col}`, 'a JSON document (or send YAML as application/yaml)');
  }
}

function parseOrSyntaxError(text: string): unknown {
  try {
    return parseScenarioText(text, POSTED_FILE_NAME);
  } catch (error) {
    if (isInputError(error)) throw fromInputError(error, 400);
    throw error;
  }
}

/**
 * NUL is no character of YAML or of a text anyone cites, and PostgreSQL cannot store it in a text
 * column: refuse it up front (400), the same on both dialects, instead of failing in the store.
 */
function rejectNul(text: string, file: string): void {
  const at = text.indexOf('\u0000');
  if (at < 0) return;
  const before = text.slice(0, at).split('\n');
  const place = file === POSTED_FILE_NAME ? `${file}:${before.length}:${before[before.length - 1]!.length + 1}` : file;
  throw badRequest('the text contains a NUL character (U+0000)', place, 'text without NUL characters');
}

function isEnvelope(data: unknown): data is { text: unknown } {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && typeof (data as { text?: unknown }).text === 'string' && !('actors' in data);
}

function citedSourceIds(data: unknown): string[] {
  const sources = (data as { sources?: unknown })?.sources;
  if (!Array.isArray(sources)) return [];
  return sources.map((s) => (s as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string');
}

