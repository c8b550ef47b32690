/**
 * Scenario text (YAML 1.2, or JSON, which is YAML) -> plain data, remembering where every value
 * came from so that later validation errors can say `file:line:col` as well as the JSON path.
 *
 * The positions are kept in a WeakMap keyed by the returned root object; `positionOf(data, path)`
 * looks them up (the nearest existing ancestor when the path itself is missing, e.g. for a
 * missing property).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { InputError } from '../errors';
import { formatPath, type PathSegment } from './json-path';

export interface SourcePosition {
  line: number;
  col: number;
}

interface PositionIndex {
  fileName: string;
  /** formatPath(path) -> position of the value (or of its key, for map entries). */
  byPath: Map<string, SourcePosition>;
}

const positionIndex = new WeakMap<object, PositionIndex>();

/**
 * Parses scenario text. A syntax error (or a duplicate key) throws `InputError` with place
 * `file:line:col`.
 */
export function parseScenarioText(text: string, fileName: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
  const firstError = doc.errors[0];
  if (firstError) {
    const pos = firstError.linePos?.[0] ?? lineCounter.linePos(firstError.pos[0]);
    const message = firstError.message.split('\n')[0] ?? firstError.message;
    throw new InputError(`YAML syntax error: ${message}`, { place: `${fileName}:${pos.line}:${pos.col}`, expected: 'valid YAML or JSON' });
  }
  // A map key that is itself a list or a map (`? [a]: b`, `? ? ? ...`) has no place in a scenario,
  // and turning nested ones into object keys takes time exponential in their depth (fuzzing found
  // 144 bytes of `? ` that took 17 s and then failed): refuse them before building anything.
  let complexKey: YamlNode | undefined;
  try {
    visit(doc, {
      Pair(_key, pair) {
        if (pair.key !== null && !isScalar(pair.key)) {
          complexKey = pair.key as YamlNode;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  } catch (error) {
    throw new InputError('the document is nested too deeply to read', { place: `${fileName}:1:1`, expected: 'YAML or JSON nested at most a few dozen levels', cause: error });
  }
  if (complexKey) {
    const pos = lineCounter.linePos(complexKey.range?.[0] ?? 0);
    throw new InputError('a map key must be plain text or a number, not a list or a map', { place: `${fileName}:${pos.line}:${pos.col}`, expected: 'key: value' });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(`cannot read the document: ${(error as Error).message}`, { place: `${fileName}:1:1`, cause: error });
  }
  if (data !== null && typeof data === 'object') {
    const byPath = new Map<string, SourcePosition>();
    indexNode(doc.contents as YamlNode | null, [], byPath, lineCounter);
    positionIndex.set(data, { fileName, byPath });
  }
  return data;
}

function indexNode(node: YamlNode | null, path: PathSegment[], out: Map<string, SourcePosition>, lc: LineCounter): void {
  if (!node) return;
  if (node.range) out.set(formatPath(path), lc.linePos(node.range[0]));
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const childPath = [...path, key];
      const keyNode = pair.key as YamlNode | null;
      if (keyNode && isScalar(keyNode) && keyNode.range) out.set(formatPath(childPath), lc.linePos(keyNode.range[0]));
      const valueNode = pair.value as YamlNode | null;
      if (valueNode && (isMap(valueNode) || isSeq(valueNode))) {
        indexChildren(valueNode, childPath, out, lc);
      } else if (valueNode?.range && !out.has(formatPath(childPath))) {
        out.set(formatPath(childPath), lc.linePos(valueNode.range[0]));
      }
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => indexNode(item as YamlNode | null, [...path, i], out, lc));
  }
}

/** Indexes the children of a map/seq without overwriting the key position of the container. */
function indexChildren(node: YamlNode, path: PathSegment[], out: Map<string, SourcePosition>, lc: LineCounter): void {
  const key = formatPath(path);
  const had = out.get(key);
  indexNode(node, path, out, lc);
  if (had) out.set(key, had);
}

/**
 * `file:line:col` of the value at `path` in data returned by `parseScenarioText`, or of its nearest
 * ancestor that exists in the text; undefined when the data did not come from the parser.
 */
export function positionOf(data: unknown, path: readonly PathSegment[]): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const index = positionIndex.get(data);
  if (!index) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const pos = index.byPath.get(formatPath(path.slice(0, n)));
    if (pos) return `${index.fileName}:${pos.line}:${pos.col}`;
  }
  return undefined;
}

/** The file name given to `parseScenarioText` for this data, if any. */
export function fileNameOf(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  return positionIndex.get(data)?.fileName;
}
