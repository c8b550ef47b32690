/**
 * Precision and recall of the evidence pipeline against hand annotations (docs/evidence.md,
 * "Quality"). Items are compared as multisets of keys: mentions (text, id), quantities (value, unit),
 * dates (value), events (CAMEO root, source), claims (speaker, verb: the found verb contains the
 * annotated one, 據…報告 contains 報告), speakers (speaker). Shared by the tests and the benchmark.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArticleEvidence } from '../../src/evidence';

export const KINDS = ['mentions', 'quantities', 'dates', 'events', 'claims', 'speakers'] as const;
export type Kind = (typeof KINDS)[number];

export interface Gold {
  mentions: [string, string | null][];
  quantities: [number, string][];
  dates: string[];
  events: [string, string][];
  claims: [string, string][];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export const HERE = path.dirname(new URL(import.meta.url).pathname);

export function readGold(file: string): Gold {
  return JSON.parse(readFileSync(file, 'utf8')) as Gold;
}

function multiset<T>(found: T[], gold: T[], same: (f: T, g: T) => boolean): Score {
  const left = [...gold];
  let tp = 0;
  for (const f of found) {
    const i = left.findIndex((g) => same(f, g));
    if (i >= 0) {
      tp++;
      left.splice(i, 1);
    }
  }
  return { tp, fp: found.length - tp, fn: left.length };
}

export function score(ev: ArticleEvidence, gold: Gold): Record<Kind, Score> {
  const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return {
    mentions: multiset(ev.mentions.map((m) => [m.text, m.id] as [string, string | null]), gold.mentions, eq),
    quantities: multiset(ev.quantities.map((q) => [q.value, q.unit] as [number, string]), gold.quantities, (f, g) => Math.abs(f[0] - g[0]) <= 1e-9 * Math.max(1, Math.abs(g[0])) && f[1] === g[1]),
    dates: multiset(ev.dates.map((d) => d.value), gold.dates, (f, g) => f === g),
    events: multiset(ev.events.map((e) => [e.root, e.source] as [string, string]), gold.events, eq),
    claims: multiset(ev.claims.map((c) => [c.speaker, c.verb] as [string, string]), gold.claims, (f, g) => f[0] === g[0] && f[1].includes(g[1])),
    speakers: multiset(ev.claims.map((c) => c.speaker), gold.claims.map((c) => c[0]), (f, g) => f === g),
  };
}

export function add(a: Record<Kind, Score>, b: Record<Kind, Score>): Record<Kind, Score> {
  const out = {} as Record<Kind, Score>;
  for (const k of KINDS) out[k] = { tp: a[k].tp + b[k].tp, fp: a[k].fp + b[k].fp, fn: a[k].fn + b[k].fn };
  return out;
}

export const precision = (s: Score) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
export const recall = (s: Score) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));

/** The annotated articles: the founding article and Brink's own test articles in three language forms. */
export const ANNOTATED: { name: string; file: string; gold: string }[] = [
  { name: 'founding article (zh-Hant)', file: path.resolve(HERE, '../../../../sources/000_8d664b9cd5e9c824.txt'), gold: path.join(HERE, 'seed.gold.json') },
  { name: 'test article zh-Hant', file: path.join(HERE, 'articles/zh-hant-2025-12-03.txt'), gold: path.join(HERE, 'articles/zh-hant-2025-12-03.gold.json') },
  { name: 'test article zh-Hans', file: path.join(HERE, 'articles/zh-hans-2025-11-20.txt'), gold: path.join(HERE, 'articles/zh-hans-2025-11-20.gold.json') },
  { name: 'test article en', file: path.join(HERE, 'articles/en-2025-12-10.txt'), gold: path.join(HERE, 'articles/en-2025-12-10.gold.json') },
];
