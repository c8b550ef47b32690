/**
 * Grades, derived values, translations, version diffs and the input limits of the scenario format,
 * on a small scenario built for each rule (the default scenario's own checks are in
 * packages/app/test/scenario.test.ts).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isInputError, type InputError } from '../errors';
import { nestingUpperBound } from './parse';
import { LIMITS } from '../limits';
import {
  applyVariant,
  citationCoverage,
  countGrades,
  diffScenarios,
  listGradedValues,
  parseScenarioText,
  proseTranslator,
  quoteTranslation,
  scenarioHash,
  scenarioJsonSchema,
  translationReport,
  validateScenario,
  type Scenario,
} from './index';

const TEXT = '北韓六度驗證核裝置，出口3.48億美元，占其貿易總額近9成。美國擔憂。北韓宣示擁核國地位「不可逆轉」。';
const readSource = (s: { id: string }) => (s.id === 'art' ? TEXT : undefined);

/** One value of each grade, a derived value and a variant that changes its source. */
const BASE = `id: graded
title: { en: Graded }
asOf: "2025-09-01"
sources:
  - { id: art, title: T, publisher: P, date: "2025-09-01", language: zh-Hant, file: art.txt }
actors:
  - { id: dprk, kind: state, names: { en: North Korea, zh-Hant: 北韓 }, cite: { source: art, quote: 北韓六度驗證核裝置 } }
  - { id: usa, kind: state, names: { en: United States, zh-Hant: 美國 }, cite: { source: art, quote: 美國擔憂 } }
relations:
  - id: trade
    type: trade
    from: dprk
    to: usa
    cite: { source: art, quote: 出口3.48億美元 }
    amounts:
      tests: { value: 6, cite: { source: art, quote: 北韓六度驗證核裝置, support: states } }
      exports: { value: 348000000, unit: USD, cite: { source: art, quote: 出口3.48億美元, support: states } }
      share: { value: 0.9, range: [0.85, 0.97], cite: { source: art, quote: 占其貿易總額近9成, support: states } }
      worry: { value: 0.7, range: [0.5, 0.9], note: our reading, cite: { source: art, quote: 美國擔憂, support: implies } }
      guess: { value: 0.3, range: [0.1, 0.5], assumption: no source gives it }
      framed: { value: 0.4, range: [0.2, 0.6], assumption: background only, cite: { source: art, quote: 美國擔憂, support: context } }
      doubled: { derived: { sum: ["$.relations[id=trade].amounts.worry", "$.relations[id=trade].amounts.guess"], within: [0, 1], rationale: worry plus guess } }
      same: { derived: { equals: "$.relations[id=trade].amounts.worry", rationale: equal to worry } }
issues:
  - id: status
    title: { en: Status }
    scale: { min: 0, max: 100, anchors: [{ value: 0, label: { en: none } }, { value: 100, label: { en: Nuclear-armed state, zh-Hant: 擁核國地位 } }] }
    positions:
      - actor: dprk
        position: { value: 100, cite: { source: art, quote: 北韓宣示擁核國地位「不可逆轉」, support: states } }
        salience: { value: 0.9, range: [0.8, 1], assumption: core interest }
        clout: { value: 1, range: [0.5, 1], assumption: its own arsenal }
        veto: true
      - actor: usa
        position: { value: 10, range: [0, 30], assumption: denuclearisation }
        salience: { value: 0.7, range: [0.5, 0.9], assumption: a concern }
        clout: { value: 1, range: [0.9, 1], assumption: reference }
    ruledOut:
      - { range: [0, 49], reason: the DPRK calls its status irreversible, cite: { source: art, quote: 北韓宣示擁核國地位「不可逆轉」, support: states } }
variants:
  - id: worried
    title: { en: Worried }
    changes:
      - { path: "$.relations[id=trade].amounts.worry", value: { value: 0.6, range: [0.4, 0.8], note: less worried, cite: { source: art, quote: 美國擔憂, support: implies } } }
translations:
  by: modeller
  quotes:
    art:
      北韓六度驗證核裝置: North Korea has tested nuclear devices six times
      出口3.48億美元: exported US$348 million
      占其貿易總額近9成: nearly 90% of its total trade
      美國擔憂: the US is worried
      北韓宣示擁核國地位「不可逆轉」: North Korea declares its nuclear status "irreversible"
  prose:
    zh-Hant:
      our reading: 我們的解讀
      no source gives it: 沒有資料來源提供
`;

function load(text: string): Scenario {
  return validateScenario(parseScenarioText(text, 'graded.yaml'), { readSource });
}

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (isInputError(error)) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('grades', () => {
  it('grades each value stated, implied or assumed (context counted apart), derived values by their weakest source', () => {
    const s = load(BASE);
    const byWhere = new Map(listGradedValues(s).map((v) => [v.where.replace('$.relations[id=trade].amounts.', ''), v]));
    expect(byWhere.get('tests')!.grade).toBe('stated');
    expect(byWhere.get('exports')!.grade).toBe('stated');
    expect(byWhere.get('share')!.grade).toBe('stated');
    expect(byWhere.get('worry')!.grade).toBe('implied');
    expect(byWhere.get('guess')!.grade).toBe('assumed');
    expect(byWhere.get('framed')!.grade).toBe('assumed');
    expect(byWhere.get('framed')!.support).toBe('context');
    expect(byWhere.get('doubled')!.grade).toBe('assumed');
    expect(byWhere.get('same')!.grade).toBe('implied');
    // A position states the category of its anchor: 擁核國地位 at 100.
    expect(byWhere.get('$.issues[id=status].positions[actor=dprk].position')!.grade).toBe('stated');
    const counts = countGrades(listGradedValues(s));
    expect(counts).toEqual({ stated: 4, implied: 2, assumed: 8, context: 1, derived: 2, total: 14 });
  });

  it('refuses a "states" citation whose quote does not contain the value, at its line', () => {
    const text = BASE.replace('worry: { value: 0.7, range: [0.5, 0.9], note: our reading, cite: { source: art, quote: 美國擔憂, support: implies } }', 'worry: { value: 0.7, cite: { source: art, quote: 美國擔憂, support: states } }');
    const e = inputError(() => load(text));
    expect(e.message).toContain('$.relations[id=trade].amounts.worry.cite');
    expect(e.message).toMatch(/「美國擔憂」 is graded "states" but does not contain the value 0.7/);
    expect(e.place).toBe(`graded.yaml:${lineOf(text, 'worry: { value: 0.7')}:28`);
    // 近9成 states 0.9, not 0.88.
    expect(inputError(() => load(BASE.replace('share: { value: 0.9,', 'share: { value: 0.88,'))).message).toMatch(/does not contain the value 0.88/);
    // A position states its anchor's category only at the anchor's value.
    expect(inputError(() => load(BASE.replace('position: { value: 100, cite', 'position: { value: 95, cite'))).message).toMatch(/does not contain the value 95/);
  });

  it('requires support on a value\'s citation, a range and a reading for implied values, an assumption for context', () => {
    expect(inputError(() => load(BASE.replace("tests: { value: 6, cite: { source: art, quote: 北韓六度驗證核裝置, support: states } }", 'tests: { value: 6, cite: { source: art, quote: 北韓六度驗證核裝置 } }'))).message).toMatch(
      /citation of a value needs "support"/,
    );
    expect(inputError(() => load(BASE.replace('worry: { value: 0.7, range: [0.5, 0.9], note: our reading,', 'worry: { value: 0.7, note: our reading,'))).message).toMatch(
      /implied value needs an uncertainty "range"/,
    );
    expect(inputError(() => load(BASE.replace('worry: { value: 0.7, range: [0.5, 0.9], note: our reading,', 'worry: { value: 0.7, range: [0.5, 0.9],'))).message).toMatch(
      /implied value needs its reading/,
    );
    expect(inputError(() => load(BASE.replace('framed: { value: 0.4, range: [0.2, 0.6], assumption: background only,', 'framed: { value: 0.4, range: [0.2, 0.6],'))).message).toMatch(
      /citation is only context is an assumption/,
    );
  });
});

describe('coverage by grade', () => {
  it('counts the citations of each block by their support, and citations of facts apart', () => {
    const cov = citationCoverage(load(BASE), 'art', TEXT);
    expect(cov.blocks).toHaveLength(1);
    // states: tests, exports, share, the DPRK's position, the ruled-out stretch; implies: worry (and
    // the variant's worry); context: framed; facts: the two actors and the relation.
    expect(cov.blocks[0]!.support).toEqual({ states: 5, implies: 2, context: 1, facts: 3 });
  });
});

describe('derived values', () => {
  it('computes value and range from the sources, clipped to within', () => {
    const s = load(BASE);
    const amounts = s.relations[0]!.amounts!;
    expect(amounts.doubled!.value).toBe(1);
    expect(amounts.doubled!.range).toEqual([0.6, 1]);
    expect(amounts.same!.value).toBe(0.7);
    expect(amounts.same!.range).toEqual([0.5, 0.9]);
  });

  it('follows a variant that changes a source (every dependant changes)', () => {
    const v = applyVariant(load(BASE), 'worried', { readSource });
    const amounts = v.relations[0]!.amounts!;
    expect(amounts.worry!.value).toBe(0.6);
    expect(amounts.same!.value).toBe(0.6);
    expect(amounts.doubled!.value).toBe(0.9);
    expect(amounts.doubled!.range).toEqual([0.5, 1]);
  });

  it('checks a written value against its derivation, and validates again what it computed', () => {
    const text = BASE.replace('same: { derived:', 'same: { value: 0.5, derived:');
    const e = inputError(() => load(text));
    expect(e.message).toMatch(/value 0.5 differs from its derivation 0.7/);
    expect(e.place).toMatch(new RegExp(`^graded\\.yaml:${lineOf(text, 'same: { value: 0.5')}:`));
    expect(load(BASE.replace('same: { derived:', 'same: { value: 0.7, derived:')).relations[0]!.amounts!.same!.value).toBe(0.7);
    // The validated scenario (with computed values) validates again to the same content.
    const s = load(BASE);
    expect(scenarioHash(validateScenario(JSON.parse(JSON.stringify(s)), { readSource }))).toBe(scenarioHash(s));
  });

  it('refuses missing sources, cycles, values outside their bounds, own provenance and variants that change a derived value', () => {
    expect(inputError(() => load(BASE.replace('"$.relations[id=trade].amounts.guess"', '"$.relations[id=trade].amounts.nope"'))).message).toMatch(/source \$\.relations\[id=trade\]\.amounts\.nope does not exist/);
    const cycle = BASE.replace('equals: "$.relations[id=trade].amounts.worry"', 'equals: "$.relations[id=trade].amounts.doubled"').replace(
      '"$.relations[id=trade].amounts.guess"',
      '"$.relations[id=trade].amounts.same"',
    );
    expect(inputError(() => load(cycle)).message).toMatch(/derived values form a cycle/);
    expect(inputError(() => load(BASE.replace('within: [0, 1], rationale: worry plus guess', 'within: [0, 0.5], rationale: worry plus guess'))).message).toMatch(/derived value 1 lies outside its bounds \[0, 0.5\]/);
    expect(inputError(() => load(BASE.replace('rationale: equal to worry }', 'rationale: equal to worry }, assumption: mine'))).message).toMatch(/takes its provenance from its sources/);
    const variant = BASE.replace('"$.relations[id=trade].amounts.worry", value: { value: 0.6', '"$.relations[id=trade].amounts.same.value", value: { value: 0.6');
    expect(inputError(() => load(variant)).message).toMatch(/changes a derived value; change what it is derived from/);
  });

  it('lets editors leave out the value of a derived value (JSON Schema)', () => {
    const defs = scenarioJsonSchema().$defs as Record<string, { required?: string[]; anyOf?: unknown[] }>;
    expect(defs.CitedNumber!.required ?? []).not.toContain('value');
    expect(defs.CitedNumber!.anyOf).toEqual([{ required: ['value'] }, { required: ['derived'] }]);
  });
});

describe('translations', () => {
  it('looks up quotes and prose after normalising whitespace', () => {
    const s = load(BASE);
    expect(quoteTranslation(s, { source: 'art', quote: '北韓六度驗證核裝置' })).toBe('North Korea has tested nuclear devices six times');
    expect(quoteTranslation(s, { source: 'art', quote: '不在' })).toBeUndefined();
    expect(proseTranslator(s, 'zh-Hant')('our  reading')).toBe('我們的解讀');
    expect(proseTranslator(s, 'zh-Hant')('untranslated')).toBe('untranslated');
    expect(proseTranslator(s, 'en')('our reading')).toBe('our reading');
  });

  it('refuses a translated quote that is not in the source, and a cited quote without a translation', () => {
    expect(inputError(() => load(BASE.replace('美國擔憂: the US is worried', '美國擔憂: the US is worried\n      美國不擔憂: the US is not worried'))).message).toMatch(
      /translated quote 「美國不擔憂」 does not occur in source "art"/,
    );
    const e = inputError(() => load(BASE.replace('      美國擔憂: the US is worried\n', '')));
    expect(e.message).toMatch(/the quote 「美國擔憂」 has no English rendering/);
  });

  it('reports untranslated prose and stale entries', () => {
    const report = translationReport(load(BASE.replace('      no source gives it: 沒有資料來源提供', '      no source gives it: 沒有資料來源提供\n      gone: 已刪')));
    expect(report.untranslatedQuotes).toEqual([]);
    expect(report.prose['zh-Hant']!.stale).toEqual(['gone']);
    expect(report.prose['zh-Hant']!.missing).toEqual(expect.arrayContaining(['background only', 'less worried']));
    expect(report.counts.quotes).toBe(5);
  });
});

describe('diffScenarios', () => {
  it('lists changed values with their citations, added and removed elements, and other fields', () => {
    const a = load(BASE);
    const b = applyVariant(a, 'worried', { readSource });
    const d = diffScenarios(a, b);
    const worry = d.values.find((v) => v.where === '$.relations[id=trade].amounts.worry')!;
    expect(worry.change).toBe('changed');
    expect(worry.fields).toEqual(expect.arrayContaining(['value', 'range', 'note']));
    expect(worry.before!.value).toBe(0.7);
    expect(worry.after!.value).toBe(0.6);
    expect(worry.after!.cite!.quote).toBe('美國擔憂');
    expect(d.values.map((v) => v.where)).toEqual(expect.arrayContaining(['$.relations[id=trade].amounts.same', '$.relations[id=trade].amounts.doubled']));
    const c = load(BASE.replace("  - { id: usa, kind: state, names: { en: United States, zh-Hant: 美國 }, cite: { source: art, quote: 美國擔憂 } }", "  - { id: usa, kind: state, names: { en: USA, zh-Hant: 美國 }, cite: { source: art, quote: 美國擔憂 } }\n  - { id: rok, kind: state, names: { en: South Korea, zh-Hant: 南韓 }, cite: { source: art, quote: 美國擔憂 } }"));
    const d2 = diffScenarios(a, c);
    expect(d2.elements).toEqual([{ list: 'actors', id: 'rok', change: 'added' }]);
    expect(d2.other).toEqual([{ where: '$.actors[id=usa].names.en', before: 'United States', after: 'USA' }]);
    expect(diffScenarios(a, a)).toEqual({ values: [], elements: [], other: [], truncated: 0 });
  });
});

describe('limits and places', () => {
  it('refuses non-finite numbers anywhere, a variant change value included, with the JSON path', () => {
    for (const bad of ['.nan', '.inf', '-.inf', '1e309']) {
      const text = BASE.replace('value: { value: 0.6, range: [0.4, 0.8]', `value: { value: ${bad}, range: [0.4, 0.8]`);
      const e = inputError(() => load(text));
      expect(e.message, bad).toMatch(/expected a finite number/);
      expect(e.message).toContain('$.variants[id=worried].changes[0].value.value');
      expect(e.place).toMatch(new RegExp(`^graded\\.yaml:${lineOf(text, bad === '1e309' ? 'value: 1e309' : `value: ${bad}`)}:`));
    }
    const json = JSON.parse(JSON.stringify(parseScenarioText(BASE, 'graded.yaml'))) as { variants: { changes: { value: unknown }[] }[] };
    json.variants[0]!.changes[0]!.value = Number.POSITIVE_INFINITY;
    expect(inputError(() => validateScenario(json, { readSource })).place).toBe('$.variants[0].changes[0].value');
  });

  it(`refuses ids over ${LIMITS.maxIdLength} characters at their line`, () => {
    const long = 'a'.repeat(LIMITS.maxIdLength + 1);
    const text = BASE.replace('id: graded', `id: ${long}`);
    const e = inputError(() => load(text));
    expect(e.message).toMatch(/\$\.id: an id of at most 100 characters/);
    expect(e.place).toBe('graded.yaml:1:1');
    expect(load(BASE.replace('id: graded', `id: ${'a'.repeat(LIMITS.maxIdLength)}`)).id).toHaveLength(LIMITS.maxIdLength);
  });

  it(`reports nesting deeper than ${LIMITS.maxNestingDepth} levels as such, at its line, for flow and block YAML and for data`, () => {
    const flow = `id: x\ndeep: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const e1 = inputError(() => parseScenarioText(flow, 'deep.yaml'));
    expect(e1.message).toBe(`deep.yaml:2:${6 + LIMITS.maxNestingDepth}: nesting deeper than ${LIMITS.maxNestingDepth} levels`);
    const block = `a:\n${Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i + 1)}b${i}:`).join('\n')} 1\n`;
    const e2 = inputError(() => parseScenarioText(block, 'block.yaml'));
    expect(e2.message).toMatch(/^block\.yaml:\d+:\d+: nesting deeper than 64 levels$/);
    expect(Number(e2.place!.split(':')[1])).toBe(LIMITS.maxNestingDepth + 1);
    // Exactly at the limit is fine.
    expect(() => parseScenarioText(`x: ${'['.repeat(LIMITS.maxNestingDepth - 1)}${']'.repeat(LIMITS.maxNestingDepth - 1)}\n`, 'ok.yaml')).not.toThrow();
    let data: unknown = 1;
    for (let i = 0; i < 70; i++) data = [data];
    expect(inputError(() => validateScenario({ id: 'x', deep: data })).message).toMatch(/nesting deeper than 64 levels/);
  });

  it('refuses text over the size limit before parsing it', () => {
    const e = inputError(() => parseScenarioText('#'.repeat(LIMITS.maxTextBytes + 1), 'big.yaml'));
    expect(e.message).toMatch(/big\.yaml:1:1: the text is larger than 64 MiB/);
    // Multi-byte characters count by their UTF-8 bytes.
    const e2 = inputError(() => parseScenarioText(`# ${'北'.repeat(Math.ceil(LIMITS.maxTextBytes / 3))}`, 'big2.yaml'));
    expect(e2.message).toMatch(/larger than 64 MiB/);
  });

  it('places an unknown key at its own line, and an unterminated quote where it opens', () => {
    const text = BASE.replace('    from: dprk\n', '    from: dprk\n    titel: x\n');
    const e = inputError(() => load(text));
    expect(e.message).toContain('$.relations[id=trade].titel: unknown property "titel"');
    expect(e.place).toBe(`graded.yaml:${lineOf(text, 'titel: x')}:5`);
    const quote = inputError(() => parseScenarioText('id: mini\ntitle: "Mini\nasOf: 2025\nfoo: bar\n', 'q.yaml'));
    expect(quote.place).toBe('q.yaml:2:8');
    expect(quote.message).toMatch(/Missing closing "quote/);
    expect(inputError(() => parseScenarioText("id: mini\ntitle: { en: 'Mini }\nasOf: 2025\n", 'q2.yaml')).place).toBe('q2.yaml:2:14');
  });
});

describe('the quick nesting bound that spares a second parse', () => {
  const depthOf = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v as object).map(depthOf)) : 0);
  const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.string({ unit: fc.constantFrom('a', ' ', '#', '[', ']', '{', '}', ',', ':', "'", '"', '-', '\n', '是') }), fc.integer(), tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 3 }),
    map: fc.dictionary(fc.string({ unit: fc.constantFrom('k', 'e', 'y', ' ', '#', "'") , minLength: 1 }), tie('node'), { maxKeys: 3 }),
  })).node;

  it('never falls below the real depth, in block, flow and JSON form (so a document it passes is within the limit)', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('block', 'flow', 'json'), (value, style) => {
        const text = style === 'json' ? JSON.stringify(value, null, 1) : stringify(value, null, style === 'flow' ? { collectionStyle: 'flow' } : {});
        expect(nestingUpperBound(text)).toBeGreaterThanOrEqual(depthOf(value));
      }),
      { seed: 4242, numRuns: 400 },
    );
  });

  it('stays far below the limit on the default scenario, so it is parsed once', () => {
    const text = readFileSync(new URL('../../../../scenarios/korean-peninsula-2025-09.yaml', import.meta.url), 'utf8');
    expect(nestingUpperBound(text)).toBeLessThan(LIMITS.maxNestingDepth);
  });
});
