/**
 * The small JSON-path dialect scenarios use for error places and variant changes:
 *
 *   $                       the root
 *   .key  or  ["key"]       a property (dotted keys may contain "-", e.g. .zh-Hant)
 *   [2]                     an array element by index
 *   [id=exercises]          the array element whose `id` (or any named field) equals the text
 *
 * Example: `$.issues[id=exercises].positions[actor=rok].position.value`.
 */
import { InputError } from '../errors';

export type PathSegment = string | number;
export type PathSelector = PathSegment | { field: string; equals: string };

/** Formats concrete segments: `$.actors[2].names.en`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '$';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Parses a path of the dialect above; a malformed path throws `InputError`. */
export function parsePath(path: string): PathSelector[] {
  if (!path.startsWith('$')) throw new InputError(`a JSON path must start with "$": ${path}`, { place: path });
  const out: PathSelector[] = [];
  let i = 1;
  const fail = (why: string): never => {
    throw new InputError(`malformed JSON path ${JSON.stringify(path)} at character ${i + 1}: ${why}`, { place: path });
  };
  /** A double-quoted key in JSON syntax; a bad escape (`\q`) is a malformed path, not a SyntaxError. */
  const jsonKey = (quoted: string): string => {
    try {
      return JSON.parse(quoted) as string;
    } catch {
      return fail(`invalid JSON string ${quoted}`);
    }
  };
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      const m = /^[^.[\]]+/.exec(path.slice(i + 1));
      if (!m) fail('expected a property name after "."');
      out.push(m![0]);
      i += 1 + m![0].length;
    } else if (ch === '[' && path[i + 1] === '"') {
      // A JSON string key: scan to its closing quote, honouring escapes.
      let j = i + 2;
      while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
      if (path[j + 1] !== ']') fail('expected "] after a quoted key');
      out.push(jsonKey(path.slice(i + 1, j + 1)));
      i = j + 2;
    } else if (ch === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) fail('missing "]"');
      const inner = path.slice(i + 1, close).trim();
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner) || /^'[^']*'$/.test(inner)) {
        out.push(inner.startsWith('"') ? jsonKey(inner) : inner.slice(1, -1));
      } else {
        const m = /^([A-Za-z_][\w-]*)\s*=\s*(.+)$/.exec(inner);
        if (!m) fail('expected [index], ["key"] or [field=value]');
        const value = m![2]!.trim().replace(/^["']|["']$/g, '');
        out.push({ field: m![1]!, equals: value });
      }
      i = close + 1;
    } else {
      fail(`unexpected ${JSON.stringify(ch)}`);
    }
  }
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/**
 * Resolves a parsed path in `root` to concrete segments; every step must exist, else `InputError`
 * naming the first missing step.
 */
export function resolvePath(root: unknown, path: string | readonly PathSelector[]): PathSegment[] {
  const selectors = typeof path === 'string' ? parsePath(path) : path;
  const concrete: PathSegment[] = [];
  let node: unknown = root;
  for (const sel of selectors) {
    if (typeof sel === 'number') {
      if (!Array.isArray(node) || sel >= node.length) {
        throw new InputError(`no element [${sel}] here (${Array.isArray(node) ? `the array has ${node.length}` : 'not an array'})`, {
          place: formatPath(concrete),
        });
      }
      concrete.push(sel);
      node = node[sel];
    } else if (typeof sel === 'string') {
      if (!isRecord(node) || !Object.prototype.hasOwnProperty.call(node, sel)) {
        throw new InputError(`no property "${sel}" here`, { place: formatPath(concrete) });
      }
      concrete.push(sel);
      node = node[sel];
    } else {
      if (!Array.isArray(node)) throw new InputError(`[${sel.field}=${sel.equals}] needs an array here`, { place: formatPath(concrete) });
      const index = node.findIndex((el) => isRecord(el) && el[sel.field] !== undefined && String(el[sel.field]) === sel.equals);
      if (index < 0) throw new InputError(`no element with ${sel.field}=${sel.equals} here`, { place: formatPath(concrete) });
      concrete.push(index);
      node = node[index];
    }
  }
  return concrete;
}

export function getAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node: unknown = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** Sets the value at an existing concrete path (mutates `root`; the root itself cannot be replaced). */
export function setAt(root: unknown, path: readonly PathSegment[], value: unknown): void {
  if (path.length === 0) throw new InputError('cannot replace the whole scenario', { place: '$' });
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
}

/**
 * A readable path with id selectors instead of indices where the element has an `id` (or, for
 * issue positions, an `actor`): `$.issues[id=exercises].positions[actor=rok].salience`.
 */
export function readablePath(root: unknown, path: readonly PathSegment[]): string {
  let out = '$';
  let node: unknown = root;
  for (const seg of path) {
    if (typeof seg === 'number' && Array.isArray(node)) {
      const el = node[seg];
      if (isRecord(el) && typeof el.id === 'string') out += `[id=${el.id}]`;
      else if (isRecord(el) && typeof el.actor === 'string') out += `[actor=${el.actor}]`;
      else out += `[${seg}]`;
    } else {
      out += formatPath([seg]).slice(1);
    }
    node = node === null || typeof node !== 'object' ? undefined : (node as Record<string | number, unknown>)[seg];
  }
  return out;
}
