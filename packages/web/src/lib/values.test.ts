import { describe, expect, it } from 'vitest';
import { listCitedValues, valueAtPath } from './values';

const doc = {
  id: 's',
  issues: [
    {
      id: 'exercises',
      positions: [
        { actor: 'rok', position: { value: 40, range: [20, 60], assumption: 'guess' } },
        { actor: 'dprk', position: { value: 0, cite: { source: 'seed', quote: 'q' } } },
      ],
    },
  ],
  variants: [{ id: 'v', changes: [{ path: '$.x', value: 1 }] }],
};

describe('cited values', () => {
  it('lists each cited or assumed value with a selector path', () => {
    const list = listCitedValues(doc);
    expect(list.map((e) => e.path)).toEqual(['$.issues[id=exercises].positions[actor=rok].position', '$.issues[id=exercises].positions[actor=dprk].position']);
    expect(list[0]!.assumption).toBe('guess');
    expect(list[1]!.cite?.source).toBe('seed');
  });
  it('resolves the paths it lists, and index paths', () => {
    for (const e of listCitedValues(doc)) expect((valueAtPath(doc, e.path) as { value: unknown }).value).toBe(e.value);
    expect(valueAtPath(doc, '$.issues[0].positions[1].position.value')).toBe(0);
    expect(valueAtPath(doc, '$.issues[id=nope].positions')).toBeUndefined();
    expect(valueAtPath(doc, '$.issues[id="exercises"].id')).toBe('exercises');
    expect(valueAtPath(doc, '$.issues[3]')).toBeUndefined();
  });
});
