import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isInputError, InputError } from '../errors';
import {
  applyVariant,
  canonicalJson,
  citationCoverage,
  listVariants,
  formatPath,
  parsePath,
  parseScenarioText,
  resolvePath,
  scenarioHash,
  scenarioJsonSchema,
  ScenarioSchema,
  sha256Hex,
  splitBlocks,
  utf8Bytes,
  validateScenario,
  type Scenario,
} from './index';

const SOURCE_TEXT = ' date 2025-09-01 第一段：北韓擁有核武，\n華府  擔憂。\n\n短標題\n\n第三段說「進展」很重要。';

/** A small valid scenario as YAML, one element per line where the tests need line numbers. */
const MINI = `id: mini
title: { en: Mini }
asOf: "2025-09-01"
sources:
  - { id: art, title: T, publisher: P, date: "2025-09-01", language: zh-Hant, file: art.txt }
  - { id: web, title: W, publisher: Q, date: "2025", language: en, url: "https://example.org/x" }
actors:
  - id: dprk
    kind: state
    names: { en: North Korea, zh-Hant: 北韓 }
    cite: { source: art, quote: "北韓擁有核武" }
  - id: usa
    kind: state
    names: { en: United States, zh-Hant: 美國 }
    cite: { source: web, locator: "para 2" }
issues:
  - id: status
    title: { en: Status }
    scale: { min: 0, max: 100, anchors: [{ value: 0, label: { en: none } }, { value: 100, label: { en: full } }] }
    positions:
      - actor: dprk
        position: { value: 100, range: [0, 120], note: a reading, cite: { source: art, quote: "華府 擔憂", support: implies } }
        salience: { value: 0.9, range: [0.8, 1], assumption: core interest }
        clout: { value: 0.3, range: [0.2, 0.4], assumption: small }
variants:
  - id: soft
    title: { en: Soft }
    changes:
      - { path: "$.issues[id=status].positions[actor=dprk].position.value", value: 60 }
`;

const readSource = (s: { id: string }): string | undefined => (s.id === 'art' ? SOURCE_TEXT : undefined);

function expectInputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(isInputError(error)).toBe(true);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

function load(text: string): Scenario {
  return validateScenario(parseScenarioText(text, 'mini.yaml'), { readSource });
}

describe('parseScenarioText', () => {
  it('parses YAML and JSON to plain data', () => {
    expect(load(MINI).actors.map((a) => a.id)).toEqual(['dprk', 'usa']);
    const json = JSON.stringify(parseScenarioText(MINI, 'mini.yaml'));
    expect(load(json).id).toBe('mini');
  });

  it('names file:line:col of a syntax error', () => {
    const e = expectInputError(() => parseScenarioText('id: x\nasOf: "2025"\ntitle: a: b\nsources: []\n', 'bad.yaml'));
    expect(e.place).toBe('bad.yaml:3:8');
    expect(e.message).toMatch(/YAML syntax error/);
    expect(expectInputError(() => parseScenarioText('id: x\n\tasOf: 1\n', 'tab.yaml')).place).toBe('tab.yaml:2:1');
    expect(expectInputError(() => parseScenarioText('id: x\nactors:\n  - id: a\n   kind: state\n', 'ind.yaml')).place).toMatch(/^ind\.yaml:4:/);
  });

  it('rejects duplicate keys at their line', () => {
    const e = expectInputError(() => parseScenarioText('id: x\nasOf: "2025"\nid: y\n', 'dup.yaml'));
    expect(e.place).toMatch(/^dup\.yaml:3:1$/);
  });
});

describe('validateScenario', () => {
  it('names the JSON path, the expectation and file:line:col of an invalid value', () => {
    const text = MINI.replace('kind: state\n    names: { en: United States', 'kind: planet\n    names: { en: United States');
    const e = expectInputError(() => load(text));
    expect(e.message).toContain('$.actors[id=usa].kind');
    expect(e.message).toMatch(/expected one of "state", "person"/);
    const line = text.split('\n').findIndex((l) => l.includes('kind: planet')) + 1;
    expect(e.place).toBe(`mini.yaml:${line}:5`);
  });

  it('names the path of a missing property and works without positions', () => {
    const data = parseScenarioText(MINI, 'mini.yaml') as { actors: { names: Record<string, string> }[] };
    const copy = JSON.parse(JSON.stringify(data)) as typeof data;
    delete copy.actors[1]!.names['zh-Hant'];
    const e = expectInputError(() => validateScenario(copy, { readSource }));
    expect(e.message).toContain('$.actors[id=usa].names.zh-Hant');
    expect(e.place).toBe('$.actors[1].names.zh-Hant');
  });

  it('requires provenance, and a range for assumptions', () => {
    expect(expectInputError(() => load(MINI.replace('assumption: core interest', 'note: x'))).message).toMatch(/needs a "cite".*or an "assumption"/);
    expect(expectInputError(() => load(MINI.replace('{ value: 0.3, range: [0.2, 0.4], assumption: small }', '{ value: 0.3, assumption: small }'))).message).toMatch(
      /assumed value needs an uncertainty "range"/,
    );
    expect(expectInputError(() => load(MINI.replace('value: 0.9, range: [0.8, 1]', 'value: 0.7, range: [0.8, 1]'))).message).toMatch(/outside its range/);
  });

  it('checks references: unknown actors, positions off the scale, duplicate ids', () => {
    expect(expectInputError(() => load(MINI.replace('- actor: dprk', '- actor: rok'))).message).toMatch(/unknown actor "rok"/);
    expect(expectInputError(() => load(MINI.replace('position: { value: 100,', 'position: { value: 120,'))).message).toMatch(/outside the scale \[0, 100\]/);
    expect(expectInputError(() => load(MINI.replace('- id: usa', '- id: dprk'))).message).toMatch(/duplicate id "dprk"/);
    expect(expectInputError(() => load(MINI.replace('positions[actor=dprk].position.value', 'positions[actor=japan].position.value'))).message).toMatch(
      /does not exist/,
    );
  });

  it('checks event dates: endDate after date, dateRange containing partial dates', () => {
    const event = (extra: string) =>
      `${MINI}events:\n  - { id: e1, date: "2025-06", kind: statement, title: { en: E }, actors: [dprk], assumption: undated, ${extra} }\n`;
    expect(load(event('dateRange: ["2025-06-04", "2025-08-31"]')).events[0]!.dateRange).toEqual(['2025-06-04', '2025-08-31']);
    expect(load(event('dateRange: ["2025", "2025"]')).events).toHaveLength(1);
    expect(expectInputError(() => load(event('dateRange: ["2025-07", "2025-08"]'))).message).toMatch(/must be ordered and contain the date 2025-06/);
    expect(expectInputError(() => load(event('endDate: "2025-05-31"'))).message).toMatch(/endDate 2025-05-31 is before date 2025-06/);
    expect(expectInputError(() => load(event('date2: "2025-13"'))).message).toMatch(/unknown property "date2"/);
    expect(expectInputError(() => load(event('endDate: "2025-13"'))).message).toMatch(/\$\.events\[id=e1\]\.endDate: an ISO date/);
  });

  it('finds quotes after normalising whitespace only', () => {
    // "華府 擔憂" matches "華府  擔憂" (two spaces) in the source; "北韓擁有核武" spans no line break.
    expect(() => load(MINI)).not.toThrow();
    const multiLine = MINI.replace('quote: "華府 擔憂"', 'quote: "北韓擁有核武，\\n華府 擔憂"');
    expect(() => load(multiLine)).not.toThrow();
  });

  it('rejects a quote changed by one character, naming the quote and the source', () => {
    const e = expectInputError(() => load(MINI.replace('quote: "北韓擁有核武"', 'quote: "北韓擁有核彈"')));
    expect(e.message).toContain('「北韓擁有核彈」');
    expect(e.message).toContain('source "art"');
    expect(e.message).toContain('$.actors[id=dprk].cite');
    expect(e.place).toMatch(/^mini\.yaml:11:\d+$/);
    // Punctuation is not normalised: a half-width comma is a different character.
    expect(() => load(MINI.replace('quote: "北韓擁有核武"', 'quote: "北韓擁有核武,"'))).toThrow(/does not occur/);
    expect(expectInputError(() => load(MINI.replace('quote: "北韓擁有核武"', 'quote: "  "'))).message).toMatch(/only whitespace/);
  });

  it('requires quotes for stored sources and forbids them for URL-only sources', () => {
    expect(expectInputError(() => load(MINI.replace('{ source: art, quote: "北韓擁有核武" }', '{ source: art, locator: "p1" }'))).message).toMatch(/need a verbatim "quote"/);
    expect(expectInputError(() => load(MINI.replace('{ source: web, locator: "para 2" }', '{ source: web, quote: "anything" }'))).message).toMatch(
      /no stored file.*cannot be checked/,
    );
    expect(expectInputError(() => load(MINI.replace('{ source: web, locator: "para 2" }', '{ source: nope, locator: "x" }'))).message).toMatch(/unknown source "nope"/);
  });
});

describe('variants', () => {
  it('applies changes by path with selectors and re-validates', () => {
    const s = load(MINI);
    expect(listVariants(s)).toEqual([{ id: 'soft', title: { en: 'Soft' }, description: undefined, changes: 1 }]);
    const v = applyVariant(s, 'soft', { readSource });
    expect(v.issues[0]!.positions[0]!.position.value).toBe(60);
    expect(s.issues[0]!.positions[0]!.position.value).toBe(100);
    expect(scenarioHash(v)).not.toBe(scenarioHash(s));
  });

  it('rejects unknown variants and invalid results', () => {
    const s = load(MINI);
    expect(expectInputError(() => applyVariant(s, 'hard')).message).toMatch(/unknown variant "hard"/);
    const bad = load(MINI.replace('value: 60 }', 'value: 110 }'));
    expect(expectInputError(() => applyVariant(bad, 'soft')).message).toMatch(/variant "soft" makes the scenario invalid.*outside the scale/);
    const withQuote = MINI.replace('value: 60 }', 'value: { value: 50, range: [40, 60], assumption: a test, cite: { source: art, quote: "不存在", support: context } } }').replace('position.value"', 'position"');
    // Quotes inside variant changes are checked with the base scenario already...
    expect(expectInputError(() => load(withQuote)).message).toMatch(/「不存在」 does not occur/);
    // ...and again once the variant is applied.
    const unchecked = validateScenario(parseScenarioText(withQuote, 'mini.yaml'), {});
    expect(expectInputError(() => applyVariant(unchecked, 'soft', { readSource })).message).toMatch(/variant "soft".*「不存在」 does not occur/s);
    expect(applyVariant(unchecked, 'soft').issues[0]!.positions[0]!.position.value).toBe(50);
  });
});

describe('JSON paths', () => {
  it('parses and resolves the dialect', () => {
    expect(parsePath('$.a["b c"][2][id=x].zh-Hant')).toEqual(['a', 'b c', 2, { field: 'id', equals: 'x' }, 'zh-Hant']);
    const s = load(MINI);
    expect(resolvePath(s, '$.issues[id=status].positions[actor=dprk].salience')).toEqual(['issues', 0, 'positions', 0, 'salience']);
    expect(() => parsePath('a.b')).toThrow(InputError);
    expect(() => resolvePath(s, '$.actors[7]')).toThrow(/no element \[7\]/);
  });

  it('reports a bad escape in a quoted key as InputError, and [field=value] never matches a missing field', () => {
    for (const bad of ['$["a\\q"]', '$[ "a\\q" ]']) expect(() => parsePath(bad)).toThrow(InputError);
    expect(() => resolvePath({ list: [{ x: 1 }, { id: 'b' }] }, '$.list[id=undefined]')).toThrow(InputError);
    expect(resolvePath({ list: [{ x: 1 }, { id: 'b' }] }, '$.list[id=b]')).toEqual(['list', 1]);
  });
});

describe('JSON path round trip', () => {
  it('parsePath(formatPath(p)) = p for any keys and indices', () => {
    const segment = fc.oneof(fc.nat({ max: 1000 }), fc.string({ maxLength: 12 }), fc.constantFrom('zh-Hant', '$schema', 'a.b', 'x]y', 'q"r', '[id=1]'));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (path) => {
        expect(parsePath(formatPath(path))).toEqual(path);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('coverage', () => {
  it('numbers non-empty lines from 1, detects headings and maps quotes to blocks', () => {
    const blocks = splitBlocks(SOURCE_TEXT);
    expect(blocks.map((b) => [b.block, b.heading])).toEqual([
      [1, false],
      [2, false],
      [3, true],
      [4, false],
    ]);
    const cov = citationCoverage(load(MINI), 'art', SOURCE_TEXT);
    expect(cov.blocks[0]!.citedBy).toEqual(['$.actors[id=dprk]']);
    expect(cov.blocks[1]!.citedBy).toEqual(['$.issues[id=status].positions[actor=dprk].position']);
    expect(cov.blocks[3]!.citedBy).toEqual([]);
  });
});

describe('scenarioHash', () => {
  it('is SHA-256 (FIPS 180-4 test vectors)', () => {
    expect(sha256Hex(utf8Bytes(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(utf8Bytes('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(utf8Bytes('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto on arbitrary Unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const expected = createHash('sha256').update(text, 'utf8').digest('hex');
        // Lone surrogates are encoded differently (node: U+FFFD); compare only well-formed strings.
        if (/\p{Cs}/u.test(text)) return true;
        return sha256Hex(utf8Bytes(text)) === expected;
      }),
      { seed: 20250901, numRuns: 300 },
    );
  });

  it('ignores key order and formatting, not content', () => {
    const a = { b: 1, a: [1, { y: 'x', x: null }], c: undefined };
    const b = { a: [1, { x: null, y: 'x' }], b: 1 };
    expect(canonicalJson(a)).toBe('{"a":[1,{"x":null,"y":"x"}],"b":1}');
    expect(scenarioHash(a)).toBe(scenarioHash(b));
    expect(scenarioHash({ ...b, b: 2 })).not.toBe(scenarioHash(b));
    const s = load(MINI);
    expect(scenarioHash(load(JSON.stringify(JSON.parse(JSON.stringify(s)), null, 4)))).toBe(scenarioHash(s));
  });
});

describe('JSON Schema', () => {
  it('round-trips through JSON with the top-level properties', () => {
    const schema = JSON.parse(JSON.stringify(scenarioJsonSchema())) as { properties: Record<string, unknown>; required: string[] };
    const shape = Object.keys(ScenarioSchema.shape);
    expect(Object.keys(schema.properties).sort()).toEqual(shape.sort());
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'title', 'asOf', 'sources', 'actors']));
    const defs = (z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as { $defs: Record<string, unknown> }).$defs;
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(['Actor', 'Cite', 'Issue', 'IssuePosition', 'Event', 'Variant', 'ModelBinding']));
  });
});
