/**
 * The scenario's own prose in the interface language (its `translations.prose`), and the
 * modeller's English rendering of a quote (`translations.quotes`), for any page. The lookups are
 * the engine's (`proseTranslator`, `quoteTranslation`: keys compared after normalising whitespace),
 * written here without importing the engine's scenario module, which would pull the schema library
 * into the app's first chunk (the citation drawer is on every page).
 */
import { useMemo } from 'react';
import type { Cite, Scenario } from '@brink/engine/scenario';
import { useI18n } from '../i18n/context';
import { useScenarioState } from './scenario-context';

export interface ScenarioText {
  /** The English prose of the scenario in the interface language (the English when untranslated). */
  prose: (english: string | undefined) => string;
  /** The modeller's English rendering of a cited quote, if the scenario has one. */
  quote: (cite: Pick<Cite, 'source' | 'quote'>) => string | undefined;
  /** An actor's name in the interface language (the id when unknown). */
  actor: (id: string) => string;
}

const normalise = (text: string): string => text.replace(/\s+/gu, ' ').trim();

function table(entries: Record<string, string> | undefined): Map<string, string> {
  return new Map(Object.entries(entries ?? {}).map(([k, v]) => [normalise(k), v]));
}

export function scenarioText(scenario: Scenario | null, lang: string, name: (m: { en: string; [k: string]: string | undefined }) => string): ScenarioText {
  const prose = lang === 'en' ? new Map<string, string>() : table(scenario?.translations?.prose?.[lang]);
  const quotes = new Map(Object.entries(scenario?.translations?.quotes ?? {}).map(([source, entries]) => [source, table(entries)]));
  const actors = new Map((scenario?.actors ?? []).map((a) => [a.id, a]));
  return {
    prose: (english) => (english === undefined ? '' : (prose.get(normalise(english)) ?? english)),
    quote: (cite) => (cite.quote === undefined ? undefined : quotes.get(cite.source)?.get(normalise(cite.quote))),
    actor: (id) => (actors.get(id) ? name(actors.get(id)!.names) : id),
  };
}

/** `scenarioText` for the loaded scenario and the current language. */
export function useScenarioText(): ScenarioText {
  const state = useScenarioState();
  const { lang, name } = useI18n();
  const scenario = state.status === 'ready' ? state.scenario : null;
  return useMemo(() => scenarioText(scenario, lang, name), [scenario, lang, name]);
}
