import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseScenarioText, validateScenario } from '@brink/engine/scenario';
import { networkElements, relationColours } from './ActorNetwork';

const file = path.resolve(process.cwd(), 'scenarios/korean-peninsula-2025-09.yaml');
const scenario = validateScenario(parseScenarioText(readFileSync(file, 'utf8'), 'korean-peninsula-2025-09.yaml'));

describe('actors network', () => {
  it('draws every relation between drawn actors, with its type colour and a width growing with strength', () => {
    const { nodes, edges } = networkElements(scenario, (n) => n['zh-Hant'] ?? n.en);
    const ids = new Set(nodes.map((n) => n.data.id));
    // Every state, and every actor that takes part in a relation, is a node, named in the chosen language.
    for (const a of scenario.actors) if (a.kind === 'state') expect(ids.has(a.id)).toBe(true);
    for (const n of nodes) expect(n.data.label).toBe(scenario.actors.find((a) => a.id === n.data.id)!.names['zh-Hant']);
    expect(edges).toHaveLength(scenario.relations.length);
    for (const e of edges) {
      expect(ids.has(e.data.source) && ids.has(e.data.target)).toBe(true);
      expect(e.data.colour).toBe(relationColours[e.data.type]);
    }
    const withStrength = edges.filter((e) => e.data.strength !== null).sort((a, b) => a.data.strength! - b.data.strength!);
    for (let k = 1; k < withStrength.length; k++) expect(withStrength[k]!.data.width).toBeGreaterThanOrEqual(withStrength[k - 1]!.data.width);
  });
});
