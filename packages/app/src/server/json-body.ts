/**
 * The JSON body reader of the API: refuses a body nested deeper than `LIMITS.maxNestingDepth`
 * (docs/limits.md) before parsing it (one linear scan that skips strings), then `JSON.parse`
 * with prototype-poisoning keys refused. Errors are 400 `bad_request` with the place
 * `body:LINE:COL`.
 */
import { LIMITS } from '@brink/engine/limits';
import { badRequest } from './errors';

function placeOf(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `body:${before.length}:${before[before.length - 1]!.length + 1}`;
}

/** Offset where the nesting first goes deeper than `max`, or -1. */
export function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

export function parseJsonBody(text: string): unknown {
  const deep = tooDeepAt(text, LIMITS.maxNestingDepth);
  if (deep >= 0) {
    throw badRequest(`the JSON body is nested deeper than ${LIMITS.maxNestingDepth} levels`, placeOf(text, deep), `at most ${LIMITS.maxNestingDepth} levels of nesting (docs/limits.md)`);
  }
  if (text.trim() === '') throw badRequest('empty JSON body', 'body:1:1', 'a JSON document');
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__' || (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value)) {
        throw new SyntaxError(`the key "${key}" is not allowed`);
      }
      return value;
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /at position (\d+)/.exec(message);
    throw badRequest(`malformed JSON body: ${message.replace(/ in JSON at position \d+.*$/, '')}`, placeOf(text, at ? Number(at[1]) : text.length), 'a JSON document');
  }
}
