/**
 * A tiny route table: each route is declared once with its zod schemas; `addRoute` registers the
 * Fastify handler (validating params, query and body with those schemas) and records the route
 * for the OpenAPI document.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { ApiError, fromZodError } from './errors';

export interface ResponseDoc {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface RouteDoc {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Fastify path, e.g. /api/scenarios/:id */
  url: string;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON body schema; `bodyTypes` adds other accepted media types (documented as strings). */
  body?: z.ZodType;
  bodyTypes?: string[];
  responses: Record<number, ResponseDoc>;
  /** Needs a token with the write role when tokens are enforced (docs/deploy.md, "Access"). */
  write?: boolean;
  /** The role the route needs (default: write when `write`, else read). */
  role?: 'read' | 'write' | 'admin';
}

/** The role a route needs. */
export function roleOfRoute(doc: Pick<RouteDoc, 'write' | 'role'>): 'read' | 'write' | 'admin' {
  return doc.role ?? (doc.write ? 'write' : 'read');
}

export interface Parsed<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export const routeTable: RouteDoc[] = [];

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export function addRoute<D extends RouteDoc>(
  app: FastifyInstance,
  doc: D,
  handler: (input: Parsed<Infer<D['params']>, Infer<D['query']>, Infer<D['body']>>, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>,
): void {
  if (!routeTable.some((r) => r.method === doc.method && r.url === doc.url)) routeTable.push(doc);
  app.route({
    method: doc.method,
    url: doc.url,
    config: { role: roleOfRoute(doc) },
    handler: async (request, reply) => {
      const params = doc.params ? parseOr(doc.params, request.params, 'params', 400) : undefined;
      const query = doc.query ? parseOr(doc.query, request.query ?? {}, 'query', 400) : undefined;
      let body: unknown = request.body;
      if (doc.body) {
        if (isJsonBody(doc, request)) body = parseOr(doc.body, request.body, '$', 422);
        else if (!acceptsRaw(doc, request)) {
          throw new ApiError(415, 'unsupported_media_type', `send a JSON body (content-type application/json)${doc.bodyTypes?.length ? ` or one of ${doc.bodyTypes.join(', ')}` : ''}`, 'content-type');
        }
      }
      return handler({ params, query, body } as Parsed<Infer<D['params']>, Infer<D['query']>, Infer<D['body']>>, request, reply);
    },
  });
}

function acceptsRaw(doc: RouteDoc, request: FastifyRequest): boolean {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || (doc.bodyTypes ?? []).includes(type);
}

/**
 * A JSON body parsed by Fastify, to be checked with the route's schema. Routes that accept raw text
 * (`bodyTypes`) read application/json as a raw string and parse it themselves; on every other route
 * a string is a parsed JSON string value (`"x"`), which the schema must reject.
 */
function isJsonBody(doc: RouteDoc, request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) return false;
  return typeof request.body !== 'string' || !doc.bodyTypes?.length;
}

function parseOr<T extends z.ZodType>(schema: T, data: unknown, root: string, status: 400 | 422): z.infer<T> {
  const r = schema.safeParse(data);
  if (!r.success) throw fromZodError(r.error, root === '$' ? '$' : root, status);
  return r.data;
}
