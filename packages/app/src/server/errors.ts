/**
 * Every error the API answers is JSON `{ error, message, place?, expected? }` (docs/api.md).
 * `ApiError` carries a status and code; the engine's `InputError` becomes a 422 (invalid values)
 * unless the route says it is a syntax problem (400); Fastify's own errors keep their 4xx status.
 * Anything else is a bug: 500 with a generic message, logged with its stack.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isInputError } from '@brink/engine/errors';
import { z } from 'zod';
import { isTaskLimitError } from '../jobs/pool';

export const ErrorBodySchema = z
  .object({
    error: z
      .string()
      .describe('Machine-readable code: bad_request, unauthorized, forbidden, not_found, conflict, too_large, unsupported_media_type, invalid, limit, timeout, too_many_requests, busy, internal.'),
    message: z.string().describe('What went wrong, for people.'),
    place: z.string().optional().describe('Where: file:line:col for text, a JSON path for structured data, a parameter name.'),
    expected: z.string().optional().describe('What was expected there.'),
  })
  .describe('An error.');
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly place?: string,
    readonly expected?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ErrorBody {
    return {
      error: this.code,
      message: this.message,
      ...(this.place !== undefined ? { place: this.place } : {}),
      ...(this.expected !== undefined ? { expected: this.expected } : {}),
    };
  }
}

export const notFound = (message: string, place?: string): ApiError => new ApiError(404, 'not_found', message, place);
export const badRequest = (message: string, place?: string, expected?: string): ApiError => new ApiError(400, 'bad_request', message, place, expected);
export const invalid = (message: string, place?: string, expected?: string): ApiError => new ApiError(422, 'invalid', message, place, expected);

/** Maps an engine InputError to an ApiError: `syntax` -> 400 bad_request, else 422 invalid. */
export function fromInputError(error: { message: string; place?: string; expected?: string }, status: 400 | 422 = 422): ApiError {
  return new ApiError(status, status === 400 ? 'bad_request' : 'invalid', error.message, error.place, error.expected);
}

/** Turns a zod failure into an ApiError naming the JSON path of the first problem. */
export function fromZodError(error: z.ZodError, root: string, status: 400 | 422 = 422): ApiError {
  const issue = error.issues[0]!;
  const segments = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
  const place = root + segments.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return new ApiError(status, status === 400 ? 'bad_request' : 'invalid', `${place}: ${issue.message}${more}`, place);
}

/**
 * A worker pool's limit hit while serving a request (a synchronous solve, a run's check):
 * 'time' -> 422 timeout, 'memory' -> 422 limit, 'queue' (every thread busy) -> 503 busy.
 */
export function fromTaskLimit(error: { limit: 'memory' | 'time' | 'queue'; message: string }, what: string, hint = ''): ApiError {
  if (error.limit === 'queue') return new ApiError(503, 'busy', `${what}: ${error.message}`);
  if (error.limit === 'memory') return new ApiError(422, 'limit', `${what} ${error.message}${hint}`, undefined, 'an input within the limits of docs/limits.md');
  return new ApiError(422, 'timeout', `${what} ${error.message}${hint}`);
}

const FASTIFY_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'timeout',
  409: 'conflict',
  413: 'too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  422: 'invalid',
  429: 'too_many_requests',
  431: 'headers_too_large',
};

function installErrorHandlerLimit(reply: FastifyReply, error: { limit: 'memory' | 'time' | 'queue'; message: string }) {
  const api = fromTaskLimit(error, 'the request');
  if (api.status === 503) void reply.header('retry-after', '5');
  return reply.status(api.status).send(api.body());
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) {
      if (error.status === 503) void reply.header('retry-after', '5');
      return reply.status(error.status).send(error.body());
    }
    if (isTaskLimitError(error)) return installErrorHandlerLimit(reply, error);
    if (isInputError(error)) return reply.status(422).send(fromInputError(error).body());
    if (error instanceof z.ZodError) return reply.status(422).send(fromZodError(error, '$').body());
    const status = (error as FastifyError).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message =
        status === 413
          ? `request body too large (limit ${app.initialConfig.bodyLimit} bytes)`
          : (error as FastifyError).code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
            ? `malformed JSON body: ${error.message}`
            : error.message;
      return reply.status(status).send({ error: FASTIFY_CODES[status] ?? 'bad_request', message });
    }
    request.log.error({ err: error }, 'internal error');
    return reply.status(500).send({ error: 'internal', message: 'internal server error (this is a bug; the server log has the details)' });
  });
}
