/**
 * docs/api.md against the server, so the two cannot drift apart again:
 *  - every route of the OpenAPI document (/api/openapi.json) is documented as `METHOD /api/path`,
 *    and every route the page documents exists on the server;
 *  - the documented request bodies and run options (`{ key?: type, ... }`, nested objects too) have
 *    exactly the schema's keys, the same required/optional marks and the same enum values;
 *  - the page's example run options pass the kind's schema and its check against the default
 *    scenario.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import type { Scenario } from '@brink/engine/scenario';
import { createInlineRunner, getRunKind, runKinds } from '../src/jobs';
import { openStore, type Store } from '../src/store';
import { buildServer } from '../src/server';
import { DEFAULT_SCENARIO_PATH, loadScenarioFile } from '../src/scenario-files';

const DOC = readFileSync(path.resolve(process.cwd(), 'docs/api.md'), 'utf8');
type Json = Record<string, unknown>;

let dir: string;
let store: Store;
let app: FastifyInstance;
let openapi: { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json> } };

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'brink-apidoc-'));
  store = await openStore({ dataDir: dir, env: {} });
  app = await buildServer({ store, runner: createInlineRunner(), webDist: null, loadDefaultScenario: false, env: {} });
  await app.ready();
  openapi = JSON.parse((await app.inject({ url: '/api/openapi.json' })).body) as typeof openapi;
});

afterAll(async () => {
  await app?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A documented shape `{ a?: string, b: { c: number }, d?: "x"|"y" }`: each key, optional mark, value text. */
interface Field {
  optional: boolean;
  value: string;
  fields?: Map<string, Field>;
}

function parseShape(text: string): Map<string, Field> {
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const object = (): Map<string, Field> => {
    const out = new Map<string, Field>();
    expect(text[i]).toBe('{');
    i++;
    for (;;) {
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      const key = /^[A-Za-z_$][\w$]*/.exec(text.slice(i))?.[0];
      if (!key) throw new Error(`docs/api.md: cannot read a key at "${text.slice(i, i + 30)}" in ${text}`);
      i += key.length;
      const optional = text[i] === '?';
      if (optional) i++;
      ws();
      // A key alone (`{ kind, seed? }`) names a field without its type.
      if (text[i] === ',' || text[i] === '}') {
        out.set(key, { optional, value: '' });
        if (text[i] === ',') i++;
        continue;
      }
      if (text[i] !== ':') throw new Error(`docs/api.md: expected ":" after "${key}" in ${text}`);
      i++;
      ws();
      const start = i;
      let fields: Map<string, Field> | undefined;
      if (text[i] === '{') fields = object();
      else {
        let depth = 0;
        while (i < text.length && !(depth === 0 && (text[i] === ',' || text[i] === '}'))) {
          if ('[({'.includes(text[i]!)) depth++;
          if ('])}'.includes(text[i]!)) depth--;
          i++;
        }
      }
      out.set(key, { optional, value: text.slice(start, i).trim(), fields });
      ws();
      if (text[i] === ',') i++;
    }
  };
  return object();
}

/** Compares a documented shape with a JSON Schema object (input side), key by key, recursively. */
function compareShape(where: string, doc: Map<string, Field>, schema: Json): void {
  const props = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  expect([...doc.keys()].sort(), `${where}: documented keys vs the schema's`).toEqual(Object.keys(props).sort());
  for (const [key, field] of doc) {
    const prop = props[key]!;
    expect(field.optional, `${where}.${key}: documented as ${field.optional ? 'optional' : 'required'}`).toBe(!required.has(key));
    if (Array.isArray(prop.enum)) {
      const documented = [...field.value.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      expect(documented.sort(), `${where}.${key}: documented values`).toEqual((prop.enum as string[]).map(String).sort());
    }
    // Nested objects with fixed keys are documented key by key; records ({ name: number }) are not.
    if (prop.type === 'object' && prop.properties) {
      expect(field.fields, `${where}.${key}: documented as an object`).toBeDefined();
      compareShape(`${where}.${key}`, field.fields!, prop);
    }
  }
}

/** `METHOD /api/path` mentions in the page (path params as :name, query strings dropped). */
function documentedRoutes(): { method: string; url: string }[] {
  const out = new Map<string, { method: string; url: string }>();
  for (const m of DOC.matchAll(/`(GET|POST|PUT|PATCH|DELETE) (\/api[^\s`?]*)/g)) out.set(`${m[1]} ${m[2]}`, { method: m[1]!, url: m[2]! });
  return [...out.values()];
}

describe('docs/api.md matches the server', () => {
  it('documents every route of the OpenAPI document', () => {
    const routes = Object.entries(openapi.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(routes.length).toBeGreaterThan(10);
    const documented = new Set(documentedRoutes().map((r) => `${r.method} ${r.url}`));
    expect(routes.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('documents only routes the server has', () => {
    const routes = documentedRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes.filter((r) => !app.hasRoute({ method: r.method as HTTPMethods, url: r.url }));
    expect(missing).toEqual([]);
    // The two reference routes outside the OpenAPI document are documented too.
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['GET /api/openapi.json', 'GET /api/docs']));
  });

  it('documents the JSON request bodies with the schema keys', () => {
    let checked = 0;
    for (const m of DOC.matchAll(/`(POST|PUT|PATCH) (\/api[^\s`]*)` body `(\{[^`]*\})`/g)) {
      const op = openapi.paths[m[2]!.replace(/:(\w+)/g, '{$1}')]?.[m[1]!.toLowerCase()];
      expect(op, `${m[1]} ${m[2]} is a route`).toBeDefined();
      const schema = ((op!.requestBody as Json).content as Record<string, { schema: Json }>)['application/json']!.schema;
      compareShape(`${m[1]} ${m[2]} body`, parseShape(m[3]!), schema);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it("documents each run kind's options with the schema keys, optional marks and values", () => {
    const kinds = runKinds();
    expect(kinds.length).toBeGreaterThan(0);
    for (const kind of kinds) {
      const line = new RegExp(`^\\s*- \`${kind}\`: \`(\\{[^\`]*\\})\``, 'm').exec(DOC);
      expect(line, `docs/api.md documents the options of run kind "${kind}"`).not.toBeNull();
      const schema = openapi.components.schemas[`RunOptions_${kind}`]!;
      compareShape(`RunOptions_${kind}`, parseShape(line![1]!), schema);
    }
  });

  it("the page's example run passes the kind's schema and its check against the default scenario", async () => {
    const examples = [...DOC.matchAll(/Example: `(\{[^`]*\})`/g)].map((m) => JSON.parse(m[1]!) as { kind: string; options: Json });
    expect(examples.length).toBeGreaterThan(0);
    const scenario = (await loadScenarioFile(DEFAULT_SCENARIO_PATH)).scenario as unknown as Scenario;
    for (const example of examples) {
      const spec = getRunKind(example.kind);
      expect(spec, `run kind ${example.kind}`).toBeDefined();
      const options = spec!.options.parse(example.options);
      expect(() => spec!.check?.({ kind: example.kind, scenario, variant: null, seed: 1, options })).not.toThrow();
    }
  });

  it('the shape reader catches drift (a documented key the schema lacks fails)', () => {
    const schema = openapi.components.schemas.RunOptions_deterrence!;
    const drifted = parseShape('{ model?: string, analysis?: "solve"|"sweep"|"map"|"tornado", parameters?: { name: number }, ranges?: { name: [low, high] }, sweep?: { parameter: string, from: number, to: number }, map?: { x: string, y: string, steps?: number, steps2?: number }, tornado?: { only?: string[] } }');
    expect(() => compareShape('drifted', drifted, schema)).toThrow();
  });
});
