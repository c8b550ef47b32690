/**
 * Access control for deployments off loopback (docs/deploy.md, "Access"): bearer tokens with
 * roles, and rate limits per token.
 *
 * Roles, each including the ones before it:
 * - read: every GET of the API (open to anyone unless `BRINK_OPEN_READS=0`);
 * - write: store scenarios, submit, cancel and reproduce runs, synchronous solves;
 * - admin: the admin routes (`GET /api/admin/status`); no rate limit.
 *
 * Tokens: `BRINK_TOKENS="role:token,role:token,..."` and/or `BRINK_TOKENS_FILE` (JSON
 * `[{ "token": "...", "role": "write", "name": "alice" }]`); `BRINK_TOKEN` alone is one admin
 * token (the older setting). A server bound off loopback refuses to start without a write or admin
 * token. On loopback with no tokens configured, everything is open and unlimited (one analyst on
 * one machine); once tokens are configured they are enforced on loopback too.
 *
 * Rate limits: `BRINK_RATE_LIMIT` requests per minute (default 600) per token, and per client
 * address for requests without a token; 429 `too_many_requests` with `Retry-After`. With the
 * Redis queue the counters live in Redis, so several servers share them.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { InputError } from '@brink/engine/errors';
import { ApiError } from './errors';

export const ROLES = ['read', 'write', 'admin'] as const;
export type Role = (typeof ROLES)[number];
const RANK: Record<Role, number> = { read: 0, write: 1, admin: 2 };

export interface TokenEntry {
  digest: Buffer;
  role: Role;
  name: string;
}

export interface AccessSettings {
  tokens: TokenEntry[];
  /** Whether tokens are checked at all (off loopback, or tokens configured). */
  enforce: boolean;
  /** Whether reads need no token. */
  openReads: boolean;
  /** Requests per minute per token or client address (0: no limit). */
  ratePerMinute: number;
}

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Reads the token settings from the environment (throws InputError naming the setting). */
export function accessFromEnv(env: Record<string, string | undefined>, options: { loopback: boolean; token?: string }): AccessSettings {
  const tokens: TokenEntry[] = [];
  const add = (role: string, token: string, name: string, place: string) => {
    if (!isRole(role)) throw new InputError(`unknown role "${role}"`, { place, expected: ROLES.join(', ') });
    if (token.length < 16) throw new InputError(`the token of "${name}" is shorter than 16 characters`, { place, expected: 'a random token of 16 or more characters' });
    tokens.push({ digest: digest(token), role, name });
  };
  const legacy = options.token ?? env.BRINK_TOKEN;
  if (legacy) tokens.push({ digest: digest(legacy), role: 'admin', name: 'BRINK_TOKEN' });
  for (const [i, entry] of (env.BRINK_TOKENS ?? '').split(',').map((s) => s.trim()).filter(Boolean).entries()) {
    const colon = entry.indexOf(':');
    if (colon < 0) throw new InputError('each entry is role:token', { place: `BRINK_TOKENS[${i}]`, expected: 'read:TOKEN, write:TOKEN or admin:TOKEN' });
    add(entry.slice(0, colon), entry.slice(colon + 1), `BRINK_TOKENS[${i}]`, `BRINK_TOKENS[${i}]`);
  }
  if (env.BRINK_TOKENS_FILE) {
    let list: unknown;
    try {
      list = JSON.parse(readFileSync(env.BRINK_TOKENS_FILE, 'utf8'));
    } catch (error) {
      throw new InputError(`cannot read the tokens file: ${(error as Error).message}`, { place: env.BRINK_TOKENS_FILE });
    }
    if (!Array.isArray(list)) throw new InputError('expected a JSON array of { token, role, name? }', { place: env.BRINK_TOKENS_FILE });
    list.forEach((e: { token?: unknown; role?: unknown; name?: unknown }, i) => {
      if (typeof e?.token !== 'string' || typeof e.role !== 'string') throw new InputError('expected { token, role, name? }', { place: `${env.BRINK_TOKENS_FILE}[${i}]` });
      add(e.role, e.token, typeof e.name === 'string' ? e.name : `${env.BRINK_TOKENS_FILE}[${i}]`, `${env.BRINK_TOKENS_FILE}[${i}]`);
    });
  }
  const enforce = !options.loopback || tokens.length > 0;
  if (!options.loopback && !tokens.some((t) => RANK[t.role] >= RANK.write)) {
    throw new InputError('a server off loopback needs a write or admin token: writes must be authenticated', { place: 'BRINK_TOKENS', expected: '127.0.0.1, or set BRINK_TOKENS (role:token,...) or BRINK_TOKEN' });
  }
  const rate = Number(env.BRINK_RATE_LIMIT ?? 600);
  return { tokens, enforce, openReads: env.BRINK_OPEN_READS !== '0', ratePerMinute: Number.isFinite(rate) && rate >= 0 ? Math.floor(rate) : 600 };
}

/** The token entry a request presents, or null (none, or unknown). */
function presented(request: FastifyRequest, settings: AccessSettings): TokenEntry | null | 'invalid' {
  const header = request.headers.authorization;
  if (!header) return null;
  const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim() ?? '';
  if (!given) return 'invalid';
  const d = digest(given);
  return settings.tokens.find((t) => timingSafeEqual(t.digest, d)) ?? 'invalid';
}

declare module 'fastify' {
  interface FastifyRequest {
    brinkToken?: TokenEntry | null;
  }
}

/** Checks every API request's token against the role its route needs (`roleOf`), and rate-limits. */
export async function installAccess(app: FastifyInstance, settings: AccessSettings, roleOf: (request: FastifyRequest) => Role | null, redis?: Redis): Promise<void> {
  if (!settings.enforce) return;
  app.addHook('onRequest', async (request) => {
    const needed = roleOf(request);
    if (needed === null) return; // not an API route (the web app's files)
    const token = presented(request, settings);
    if (token === 'invalid') throw new ApiError(401, 'unauthorized', 'unknown bearer token', 'authorization', 'Authorization: Bearer <token>');
    request.brinkToken = token;
    if (needed === 'read' && settings.openReads) return;
    if (!token) {
      throw new ApiError(401, 'unauthorized', `this server needs a bearer token with the ${needed} role for ${request.method} ${request.url.split('?')[0]}`, 'authorization', 'Authorization: Bearer <token>');
    }
    if (RANK[token.role] < RANK[needed]) {
      throw new ApiError(403, 'forbidden', `the token "${token.name}" has the ${token.role} role; ${request.method} ${request.url.split('?')[0]} needs ${needed}`, 'authorization');
    }
  });
  if (settings.ratePerMinute > 0) {
    await app.register(rateLimit, {
      global: true,
      hook: 'onRequest',
      max: settings.ratePerMinute,
      timeWindow: 60_000,
      ...(redis ? { redis, nameSpace: 'brink-rate-' } : {}),
      allowList: (request) => roleOf(request) === null || request.brinkToken?.role === 'admin',
      keyGenerator: (request) => (request.brinkToken ? `token:${request.brinkToken.name}` : `ip:${request.ip}`),
      errorResponseBuilder: (_request, context) => {
        const error = new ApiError(429, 'too_many_requests', `more than ${context.max} requests per minute; retry in ${Math.ceil(context.ttl / 1000)} s`);
        (error as unknown as { statusCode: number }).statusCode = 429;
        return error;
      },
    });
  }
}
