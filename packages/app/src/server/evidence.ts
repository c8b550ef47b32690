/**
 * Evidence routes (docs/evidence.md, docs/api.md): analyse an article without storing it, store
 * articles with their evidence, list, read and delete them, and ask what the stored articles say about
 * a stored scenario (report and proposed patch; nothing is applied).
 *
 * Bad input (empty text, binary text, no date, unknown language, too large) is a 422 with the message
 * the CLI prints (`place: reason`, the place being the file name given or "article"); nothing is
 * stored on error.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LIMITS } from '@brink/engine/limits';
import { ARTICLE_LANGUAGES, type EvidenceArticle } from '@brink/engine/evidence';
import type { Scenario } from '@brink/engine/scenario';
import { EVIDENCE_ENGINE_VERSION, evidenceJson, gazetteerFor } from '../evidence-files';
import { analyseText, evidenceFor, exampleArticles, storedToEvidenceArticle } from '../evidence-service';
import { ErrorBodySchema, notFound } from './errors';
import { addRoute } from './routes';
import { IdParam, VersionQuery } from './schemas';
import { loadScenarioOr404 } from './scenarios';
import type { ServerContext } from './context';

const err = (description: string) => ({ description, schema: ErrorBodySchema });

const ArticleRequestSchema = z
  .object({
    text: z.string().describe(`The article's text (at most ${LIMITS.maxArticleBytes} bytes of UTF-8). It may start with " date YYYY-MM-DD ".`),
    date: z.string().optional().describe('The article date (YYYY-MM-DD) when the text has no date header.'),
    lang: z.string().optional().describe(`Language instead of detecting it: ${ARTICLE_LANGUAGES.join(', ')}.`),
    fileName: z.string().max(200).optional().describe('File name (used in error places and as the source id).'),
    title: z.string().max(500).optional(),
    scenarioId: z.string().max(200).optional().describe('Scenario whose actors resolve names (default: the server\'s default scenario).'),
  })
  .describe('An article to read.');

const Span = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
const EvidenceSchema = z
  .object({
    file: z.string(),
    date: z.string(),
    language: z.enum(ARTICLE_LANGUAGES),
    sentences: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
    mentions: z.array(Span.extend({ kind: z.enum(['person', 'organisation', 'state']), id: z.string().nullable(), name_en: z.string().nullable(), via: z.string() })),
    quantities: z.array(Span.extend({ value: z.number(), unit: z.string(), approx: z.string().nullable() })),
    dates: z.array(Span.extend({ value: z.string(), range: z.tuple([z.string(), z.string()]), relative: z.boolean(), precision: z.string() })),
    events: z.array(
      Span.extend({
        code: z.string(),
        root: z.string(),
        goldstein: z.number(),
        plover: z.string().nullable(),
        source: z.string(),
        target: z.string().nullable(),
        modality: z.string(),
        name: z.string(),
        sources: z.array(z.string()),
        targets: z.array(z.string()),
        trigger: Span,
      }),
    ),
    claims: z.array(Span.extend({ speaker: z.string(), speaker_name_en: z.string().nullable(), verb: z.string(), verb_start: z.number().int(), verb_end: z.number().int() })),
  })
  .describe('The evidence of one article, as `brink ingest --json` prints it: offsets are indices into `text`.');

const ArticleSummarySchema = z.object({
  id: z.string(),
  textHash: z.string(),
  fileName: z.string().nullable(),
  title: z.string().nullable(),
  date: z.string(),
  language: z.string(),
  createdAt: z.string(),
  counts: z.record(z.string(), z.number()),
});
const ArticleDetailSchema = ArticleSummarySchema.extend({ text: z.string(), evidence: EvidenceSchema, engineVersion: z.string() });
const ArticleCreatedSchema = z.object({ created: z.boolean(), article: ArticleDetailSchema });
const EvidenceReportSchema = z
  .object({
    scenario: z.object({ id: z.string(), version: z.number().int(), asOf: z.string() }),
    usedExamples: z.boolean().describe('True when nothing is stored and the example articles were used.'),
    report: z.record(z.string(), z.unknown()).describe('Values supported/contradicted/updated, newer events, missing actors, mechanisms and claims.'),
    patch: z.record(z.string(), z.unknown()).describe('The proposed patch ({ scenario, articles, changes }).'),
    patchYaml: z.string().describe('The proposed patch as YAML, to review.'),
  })
  .describe('What the stored articles say about a scenario.');

async function scenarioFor(ctx: ServerContext, id: string | undefined, version?: number): Promise<{ scenario: Scenario; version: number }> {
  const scenarioId = id ?? ctx.defaultScenarioId;
  if (!scenarioId) throw notFound('no scenario: give scenarioId (no default scenario is loaded)', '$.scenarioId');
  const record = await loadScenarioOr404(ctx.store, scenarioId, version);
  return { scenario: record.scenario as unknown as Scenario, version: record.version };
}

export function registerEvidenceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  const analyse = async (body: z.infer<typeof ArticleRequestSchema>) => {
    const { scenario } = await scenarioFor(ctx, body.scenarioId);
    const gazetteer = gazetteerFor(scenario);
    const fileName = body.fileName ?? 'article';
    return analyseText(body.text, gazetteer, { file: fileName, fileName, ...(body.date !== undefined ? { date: body.date } : {}), ...(body.lang !== undefined ? { lang: body.lang } : {}) });
  };

  addRoute(
    app,
    {
      method: 'POST',
      url: '/api/evidence/analyse',
      tag: 'evidence',
      summary: 'Read an article without storing it: mentions, quantities, dates, CAMEO events, claims',
      body: ArticleRequestSchema,
      write: true,
      responses: { 200: { description: 'The evidence', schema: EvidenceSchema }, 404: err('Unknown scenario'), 413: err('Body too large'), 422: err('Bad article: empty, binary, no date, unknown language, too large (same messages as the CLI)') },
    },
    async ({ body }) => {
      const a = await analyse(body);
      return evidenceJson(a.file!, a.evidence);
    },
  );

  addRoute(
    app,
    {
      method: 'POST',
      url: '/api/articles',
      tag: 'evidence',
      summary: 'Read an article and store it with its evidence (the same text is stored once)',
      body: ArticleRequestSchema,
      write: true,
      responses: { 201: { description: 'Stored', schema: ArticleCreatedSchema }, 200: { description: 'Already stored', schema: ArticleCreatedSchema }, 404: err('Unknown scenario'), 413: err('Body too large'), 422: err('Bad article (nothing stored)') },
    },
    async ({ body }, _request, reply) => {
      const a = await analyse(body);
      const { record, created } = await store.putArticle({
        id: a.id,
        fileName: body.fileName ?? null,
        title: body.title ?? null,
        date: a.evidence.date,
        language: a.evidence.language,
        text: a.text,
        evidence: evidenceJson(a.file!, a.evidence),
        engineVersion: EVIDENCE_ENGINE_VERSION,
      });
      return reply.status(created ? 201 : 200).send({ created, article: record });
    },
  );

  addRoute(
    app,
    { method: 'GET', url: '/api/articles', tag: 'evidence', summary: 'List stored articles (newest date first)', responses: { 200: { description: 'The articles', schema: z.object({ articles: z.array(ArticleSummarySchema) }) } } },
    async () => ({ articles: await store.listArticles() }),
  );

  const IdParams = z.strictObject({ id: IdParam });
  addRoute(
    app,
    { method: 'GET', url: '/api/articles/:id', tag: 'evidence', summary: 'A stored article with its text and evidence', params: IdParams, responses: { 200: { description: 'The article', schema: ArticleDetailSchema }, 404: err('Unknown id') } },
    async ({ params }) => {
      const record = await store.getArticle(params.id);
      if (!record) throw notFound(`no article "${params.id}"`, 'id');
      return record;
    },
  );

  addRoute(
    app,
    { method: 'DELETE', url: '/api/articles/:id', tag: 'evidence', summary: 'Delete a stored article', params: IdParams, write: true, responses: { 204: { description: 'Deleted' }, 404: err('Unknown id') } },
    async ({ params }, _request, reply) => {
      if (!(await store.deleteArticle(params.id))) throw notFound(`no article "${params.id}"`, 'id');
      return reply.status(204).send();
    },
  );

  addRoute(
    app,
    {
      method: 'GET',
      url: '/api/evidence/:id',
      tag: 'evidence',
      summary: 'What the stored articles say about a scenario: report and proposed patch (nothing is applied)',
      params: IdParams,
      query: VersionQuery,
      responses: { 200: { description: 'Report and patch', schema: EvidenceReportSchema }, 404: err('Unknown scenario or version') },
    },
    async ({ params, query }) => {
      const { scenario, version } = await scenarioFor(ctx, params.id, query.version);
      const stored = await store.allArticles();
      const articles: EvidenceArticle[] = stored.map(storedToEvidenceArticle);
      let usedExamples = false;
      if (articles.length === 0) {
        usedExamples = true;
        articles.push(...(await exampleArticles(gazetteerFor(scenario))));
      }
      const result = evidenceFor(scenario, articles, `${scenario.id} v${version}`);
      return { scenario: { id: scenario.id, version, asOf: scenario.asOf }, usedExamples, report: result.report, patch: result.patch, patchYaml: result.patchYaml };
    },
  );
}
