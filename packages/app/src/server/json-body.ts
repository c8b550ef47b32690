/**
 * The JSON body reader of the API: refuses a body nested deeper than `LIMITS.maxNestingDepth`
 * (docs/limits.md) before parsing it (one linear scan that skips strings), then `JSON.parse`
 * with prototype-poisoning keys refused. Errors are 400 `bad_request` with the place
 * `body:LINE:COL`.
 */
import { jsonTooDeepAt, LIMITS } from '@brink/engine/limits';
import { badRequest } from './errors';

function placeOf(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `body:${before.length}:${before[before.length - 1]!.length + 1}`;
}

export function parseJsonBody(text: string): unknown {
  const deep = jsonTooDeepAt(text, LIMITS.maxNestingDepth);
  if (deep) {
    throw badRequest(`the JSON body is nested deeper than ${LIMITS.maxNestingDepth} levels`, placeOf(text, deep.offset), `at most ${LIMITS.maxNestingDepth} levels of nesting (docs/limits.md)`);
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
