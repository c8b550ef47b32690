/**
 * The OpenAPI 3.1 document, built from the route table (./routes.ts) and the same zod schemas the
 * server validates with (`z.toJSONSchema`, JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 * The scenario schema is the engine's (`scenarioJsonSchema`), as `brink scenario schema` prints it.
 */
import { z } from 'zod';
import { scenarioJsonSchema } from '@brink/engine/scenario';
import { roleOfRoute, routeTable, type RouteDoc } from './routes';
import { getRunKind, runKinds } from '../jobs';
import { ErrorBodySchema } from './errors';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Json;
  delete out.$schema;
  return out;
}

/** Rewrites `#/$defs/X` refs of a schema placed at `#/components/schemas/<name>`. */
function rehome(schema: unknown, name: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rehome(s, name));
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) {
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/') ? `#/components/schemas/${name}/$defs/${v.slice(8)}` : rehome(v, name);
  }
  return out;
}

function parameters(route: RouteDoc): Json[] {
  const out: Json[] = [];
  for (const [where, obj] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!obj) continue;
    for (const [name, field] of Object.entries(obj.shape as Record<string, z.ZodType>)) {
      const schema = jsonSchema(field, 'input');
      const description = typeof schema.description === 'string' ? schema.description : undefined;
      out.push({ name, in: where, required: where === 'path' || !field.safeParse(undefined).success, schema, ...(description ? { description } : {}) });
    }
  }
  return out;
}

export function buildOpenApi(info: { version: string; engineVersion: string }): Json {
  const scenario = scenarioJsonSchema() as Json;
  delete scenario.$schema;
  const paths: Record<string, Json> = {};
  for (const route of routeTable) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const op: Json = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      summary: route.summary,
      tags: [route.tag],
      parameters: parameters(route),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema
              ? { content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } }
              : r.contentType
                ? { content: { [r.contentType]: { schema: { type: 'string' } } } }
                : {}),
          },
        ]),
      ),
    };
    if (route.description) op.description = route.description;
    const role = roleOfRoute(route);
    op['x-brink-role'] = role;
    // On loopback without configured tokens no token is needed ({}); otherwise a bearer token with the role.
    op.security = role === 'read' ? [{}, { bearer: [] }] : [{}, { bearer: [role] }];
    const responses = op.responses as Json;
    const errorRef = { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    if (role !== 'read' || !responses['401']) {
      responses['401'] ??= { description: `No valid bearer token, where tokens are required (role ${role})`, ...errorRef };
      if (role !== 'read') responses['403'] ??= { description: `The token's role is below ${role}`, ...errorRef };
      responses['429'] ??= { description: 'Over the rate limit of the token (Retry-After says when to retry)', ...errorRef };
    }
    if (route.body) {
      const content: Json = {};
      const body = jsonSchema(route.body, 'input');
      content['application/json'] = {
        schema: route.url === '/api/scenarios' ? { oneOf: [{ $ref: '#/components/schemas/Scenario' }, body] } : body,
      };
      for (const type of route.bodyTypes ?? []) content[type] = { schema: { type: 'string', description: 'The scenario file text (YAML or JSON).' } };
      op.requestBody = { required: true, content };
    }
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: op };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Brink API',
      version: info.version,
      description: `Brink: a workbench for analysing nuclear deterrence and diplomacy. Engine ${info.engineVersion}. Errors are JSON { error, message, place?, expected? }. See docs/api.md.`,
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'meta', description: 'Health and this reference' },
      { name: 'scenarios', description: 'Stored scenarios, variants and source texts' },
      { name: 'runs', description: 'Analyses stored with their provenance' },
      { name: 'games', description: 'Gambit game files' },
    ],
    paths,
    components: {
      schemas: {
        Scenario: rehome(scenario, 'Scenario'),
        Error: jsonSchema(ErrorBodySchema, 'output'),
        // The `options` of POST /api/runs, per kind (checked before a run is created).
        ...Object.fromEntries(
          runKinds().map((kind) => {
            const spec = getRunKind(kind)!;
            const name = `RunOptions_${kind}`;
            return [name, { ...(rehome(jsonSchema(spec.options, 'input'), name) as Json), description: spec.summary }];
          }),
        ),
      },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A token with a role (BRINK_TOKENS="role:token,...", BRINK_TOKENS_FILE, or BRINK_TOKEN for one admin token). Roles: read (GET routes; open unless BRINK_OPEN_READS=0), write (store scenarios, submit/cancel/reproduce runs, solve), admin (admin routes, no rate limit). Needed off loopback, and on loopback once tokens are configured. Rate limit: BRINK_RATE_LIMIT requests per minute per token (429). The role each operation needs is in its x-brink-role.',
        },
      },
    },
  };
}
