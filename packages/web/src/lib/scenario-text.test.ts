import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCites, collectProse, parseScenarioText, proseTranslator, quoteTranslation, validateScenario } from '@brink/engine/scenario';
import { scenarioText } from './scenario-text';

const file = path.resolve(process.cwd(), 'scenarios/korean-peninsula-2025-09.yaml');
const scenario = validateScenario(parseScenarioText(readFileSync(file, 'utf8'), 'korean-peninsula-2025-09.yaml'));
const name = (m: { en: string; [k: string]: string | undefined }) => m['zh-Hant'] ?? m.en;

describe('scenarioText (the web copy of the engine lookups)', () => {
  it('gives the same prose and quote translations as the engine, for every text of the default scenario', () => {
    const web = scenarioText(scenario, 'zh-Hant', name);
    const engine = proseTranslator(scenario, 'zh-Hant');
    for (const { text } of collectProse(scenario)) expect(web.prose(text), text).toBe(engine(text));
    for (const { cite } of collectCites(scenario)) expect(web.quote(cite), cite.quote).toBe(quoteTranslation(scenario, cite));
    expect(web.actor('yoon-suk-yeol')).toBe('尹錫悅');
    expect(scenarioText(scenario, 'en', name).prose('Leader of the DPRK')).toBe('Leader of the DPRK');
  });
});
