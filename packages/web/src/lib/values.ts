/**
 * Walks a scenario and lists every cited value (an object with `value` and a `cite` or an
 * `assumption`) with its JSON path, and resolves the JSON paths variants use
 * (`$.issues[id=exercises].positions[actor=rok].position.value`) for display.
 */
import { getAt, resolvePath } from '@brink/engine/scenario';
import type { Cite } from '@brink/engine/scenario';

export interface CitedEntry {
  path: string;
  value: unknown;
  unit?: string;
  range?: [number, number];
  cite?: Cite;
  assumption?: string;
  note?: string;
  /** For cited statements (events, relations, doctrines...): what is stated, no number. */
  statement?: string;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function listCitedValues(root: unknown): CitedEntry[] {
  const out: CitedEntry[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        const id = isRecord(child) && typeof child.id === 'string' ? `[id=${child.id}]` : isRecord(child) && typeof child.actor === 'string' ? `[actor=${child.actor}]` : `[${i}]`;
        walk(child, path + id);
      });
      return;
    }
    if (!isRecord(node)) return;
    if ('value' in node && ('cite' in node || 'assumption' in node)) {
      out.push({
        path,
        value: node.value,
        unit: node.unit as string | undefined,
        range: node.range as [number, number] | undefined,
        cite: node.cite as Cite | undefined,
        assumption: node.assumption as string | undefined,
        note: node.note as string | undefined,
      });
    }
    else if (('cite' in node || 'assumption' in node) && typeof node.id === 'string') {
      const title = isRecord(node.title) ? (node.title.en as string) : isRecord(node.names) ? (node.names.en as string) : undefined;
      out.push({
        path,
        value: undefined,
        statement: title ?? (node.description as string | undefined) ?? (node.statement as string | undefined) ?? (node.what as string | undefined) ?? (node.cause !== undefined ? `${String(node.cause)} → ${String(node.effect)}` : String(node.id)),
        cite: node.cite as Cite | undefined,
        assumption: node.assumption as string | undefined,
      });
    }
    for (const [key, child] of Object.entries(node)) {
      if (key === 'cite' || key === 'also' || key === 'variants') continue;
      walk(child, `${path}.${key}`);
    }
  };
  walk(root, '$');
  return out;
}

/**
 * The value at a scenario JSON path (`$.issues[id=x].positions[actor=rok].position`, the engine's
 * path syntax, resolved by the engine's own code), or undefined when a step does not exist.
 */
export function valueAtPath(root: unknown, path: string): unknown {
  try {
    return getAt(root, resolvePath(root, path));
  } catch {
    return undefined;
  }
}

/** How `formatValue` names things: actors, lists and records, in the interface language. */
export interface ValueLabels {
  /** An actor's name for its id, or undefined when the text is not an actor id. */
  actor?: (id: string) => string | undefined;
  /** "3 items" in the interface language. */
  items?: (n: number) => string;
  /** "4 fields" in the interface language. */
  fields?: (n: number) => string;
  /** A multilingual title in the interface language. */
  name?: (m: { en: string; [lang: string]: string | undefined }) => string;
  /** Scenario prose in the interface language. */
  prose?: (english: string) => string;
}

const DEFAULT_LABELS: Required<ValueLabels> = {
  actor: () => undefined,
  items: (n) => `${n} items`,
  fields: (n) => `${n} fields`,
  name: (m) => m.en,
  prose: (x) => x,
};

/**
 * A value for display: numbers rounded (no float noise), actor ids as names, lists of up to three
 * things by their labels (else "N items"), records by their title, `what` or id.
 */
export function formatValue(v: unknown, labels: ValueLabels = {}): string {
  const l = { ...DEFAULT_LABELS, ...labels };
  if (v === undefined) return '—';
  if (v === null) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en') : String(Number(v.toPrecision(6)));
  if (typeof v === 'string') return l.actor(v) ?? l.prose(v);
  if (typeof v === 'boolean') return String(v);
  if (isRecord(v) && 'value' in v) return formatValue(v.value, labels);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    if (v.length <= 3 && v.every((x) => typeof x !== 'object' || x === null)) return `[${v.map((x) => formatValue(x, labels)).join(', ')}]`;
    if (v.length <= 3 && v.every((x) => isRecord(x))) return v.map((x) => formatValue(x, labels)).join('; ');
    return l.items(v.length);
  }
  if (isRecord(v)) {
    if (isRecord(v.title) && typeof v.title.en === 'string') return l.name(v.title as { en: string });
    if (isRecord(v.names) && typeof v.names.en === 'string') return l.name(v.names as { en: string });
    if (typeof v.what === 'string') return l.prose(v.what);
    if (typeof v.id === 'string') return v.id;
    return l.fields(Object.keys(v).length);
  }
  return JSON.stringify(v);
}
