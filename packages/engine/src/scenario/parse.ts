/**
 * Scenario text (YAML 1.2, or JSON, which is YAML) -> plain data, remembering where every value
 * came from so that later validation errors can say `file:line:col` as well as the JSON path.
 *
 * The positions are kept in a WeakMap keyed by the returned root object; `positionOf(data, path)`
 * looks them up (the nearest existing ancestor when the path itself is missing, e.g. for a
 * missing property).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, Parser, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { InputError } from '../errors';
import { exceedsUtf8Bytes, LIMITS } from '../limits';
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
 * `file:line:col`; so do text over LIMITS.maxTextBytes and nesting deeper than
 * LIMITS.maxNestingDepth (found on the parser's token tree before anything recursive runs).
 */
export function parseScenarioText(text: string, fileName: string): unknown {
  checkTextSize(text, fileName);
  const lineCounter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    // The exact depth check parses the text once more: only where a quick bound says it may be needed.
    if (nestingUpperBound(text) > LIMITS.maxNestingDepth) checkNesting(text, fileName);
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, version: '1.2' });
  } catch (error) {
    // The YAML library's own parser recurses on some deep shapes (a thousand nested `? ` keys:
    // a fuzz finding) before any depth can be counted: its stack overflow is bad input too.
    if (error instanceof RangeError) throw new InputError('the document is nested too deeply to read', { place: `${fileName}:1:1`, expected: `YAML or JSON nested at most ${LIMITS.maxNestingDepth} levels`, cause: error });
    throw error;
  }
  const firstError = doc.errors[0];
  if (firstError) {
    let pos = firstError.linePos?.[0] ?? lineCounter.linePos(firstError.pos[0]);
    const message = firstError.message.split('\n')[0] ?? firstError.message;
    // A quote left open runs to the end of the file: report where it opens.
    if (/^Missing closing .?quote/i.test(message)) {
      const opening = openQuoteAt(doc, firstError.pos[0]);
      if (opening !== undefined) pos = lineCounter.linePos(opening);
    }
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

/** Refuses text over LIMITS.maxTextBytes (UTF-8). */
function checkTextSize(text: string, fileName: string): void {
  const limit = LIMITS.maxTextBytes;
  if (exceedsUtf8Bytes(text, limit)) {
    throw new InputError(`the text is larger than ${limit / (1024 * 1024)} MiB`, { place: `${fileName}:1:1`, expected: `at most ${limit} bytes` });
  }
}

/**
 * Walks the parser's token tree (yaml's Parser is iterative) with an explicit stack and refuses
 * collections nested deeper than LIMITS.maxNestingDepth, at the line of the first one too deep;
 * deeper input would otherwise overflow the recursive steps that follow.
 */
function checkNesting(text: string, fileName: string): void {
  const limit = LIMITS.maxNestingDepth;
  const lineCounter = new LineCounter();
  type Tok = { type?: string; offset?: number; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
  const stack: { tok: unknown; depth: number }[] = [];
  for (const tok of new Parser(lineCounter.addNewLine).parse(text)) stack.push({ tok, depth: 0 });
  while (stack.length) {
    const { tok, depth } = stack.pop()!;
    if (tok === null || typeof tok !== 'object') continue;
    const t = tok as Tok;
    const collection = t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection';
    const d = collection ? depth + 1 : depth;
    if (d > limit) {
      const pos = lineCounter.linePos(t.offset ?? 0);
      throw new InputError(`nesting deeper than ${limit} levels`, { place: `${fileName}:${pos.line}:${pos.col}`, expected: `at most ${limit} levels of nesting` });
    }
    if (t.type === 'document') stack.push({ tok: t.value, depth: d });
    for (const item of t.items ?? []) {
      if (item.key) stack.push({ tok: item.key, depth: d });
      if (item.value) stack.push({ tok: item.value, depth: d });
    }
  }
}

/**
 * A quick upper bound on the nesting depth of a YAML or JSON text, in one pass over its characters:
 * per line, its indentation (each block level indents at least one more column), the block
 * indicators that open a level on the line itself (`- `, `? `), and the depth of flow brackets
 * (`[`, `{`) outside quoted scalars and comments, plus a margin of two. Every real document's depth
 * is at most this bound (quoted text that spans lines can only raise it), so a bound within the
 * limit proves the document within it without parsing it twice.
 */
export function nestingUpperBound(text: string): number {
  let bound = 0;
  let flow = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let indent = 0;
    while (i < n && (text[i] === ' ' || text[i] === '\t')) {
      indent++;
      i++;
    }
    let indicators = 0;
    while (i < n && (text[i] === '-' || text[i] === '?') && (i + 1 >= n || text[i + 1] === ' ' || text[i + 1] === '\n')) {
      indicators++;
      i++;
      while (i < n && text[i] === ' ') i++;
    }
    let lineFlow = flow;
    let quote = '';
    for (; i < n && text[i] !== '\n'; i++) {
      const c = text[i]!;
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = '';
      } else if ((c === '"' || c === "'") && (i === 0 || ' \t[{,:'.includes(text[i - 1]!))) {
        quote = c;
      } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      } else if (c === '[' || c === '{') {
        flow++;
        if (flow > lineFlow) lineFlow = flow;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
    }
    bound = Math.max(bound, indent + indicators + lineFlow + 2);
    i++;
  }
  return bound;
}

/** Offset of the quoted scalar that runs into the error at `errorOffset` (a quote never closed). */
function openQuoteAt(doc: ReturnType<typeof parseDocument>, errorOffset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[1] >= errorOffset) {
        found = found === undefined ? node.range[0] : Math.min(found, node.range[0]);
      }
    },
  });
  return found;
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
