/**
 * Walks a scenario and lists every cited value (an object with `value` and a `cite` or an
 * `assumption`) with its JSON path, and resolves the JSON paths variants use
 * (`$.issues[id=exercises].positions[actor=rok].position.value`) for display.
 */
import type { Cite } from '@brink/engine/scenario/schema';

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

/** Splits `$.a[0].b[id=x].c` into segments: 'a', 0, 'b', {id: 'x'}, 'c'. */
export function parsePath(path: string): Array<string | number | { key: string; value: string }> {
  const segs: Array<string | number | { key: string; value: string }> = [];
  const re = /\.([^.[\]]+)|\[(\d+)\]|\[([^=\]]+)=([^\]]+)\]/g;
  let m: RegExpExecArray | null;
  const body = path.replace(/^\$/, '');
  while ((m = re.exec(body))) {
    if (m[1] !== undefined) segs.push(m[1]);
    else if (m[2] !== undefined) segs.push(Number(m[2]));
    else segs.push({ key: m[3]!, value: m[4]!.replace(/^["']|["']$/g, '') });
  }
  return segs;
}

export function resolvePath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const seg of parsePath(path)) {
    if (node === undefined || node === null) return undefined;
    if (typeof seg === 'string') node = isRecord(node) ? node[seg] : undefined;
    else if (typeof seg === 'number') node = Array.isArray(node) ? node[seg] : undefined;
    else node = Array.isArray(node) ? node.find((x) => isRecord(x) && String(x[seg.key]) === seg.value) : undefined;
  }
  return node;
}

export function formatValue(v: unknown): string {
  if (v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en') : String(Number(v.toPrecision(6)));
  if (typeof v === 'string') return v;
  if (isRecord(v) && 'value' in v) return formatValue(v.value);
  if (Array.isArray(v)) return v.length <= 3 && v.every((x) => typeof x !== 'object') ? `[${v.map(formatValue).join(', ')}]` : `[${v.length} items]`;
  if (isRecord(v)) {
    const label = (isRecord(v.title) ? v.title.en : undefined) ?? v.what ?? v.id;
    return label !== undefined ? `{ ${String(label)} }` : `{ ${Object.keys(v).length} fields }`;
  }
  return JSON.stringify(v);
}
