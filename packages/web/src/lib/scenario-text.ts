/**
 * The scenario's own prose in the interface language (its `translations.prose`), and the
 * modeller's English rendering of a quote (`translations.quotes`), for any page.
 */
import { useMemo } from 'react';
import { proseTranslator, quoteTranslation, type Cite, type Scenario } from '@brink/engine/scenario';
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

export function scenarioText(scenario: Scenario | null, lang: string, name: (m: { en: string; [k: string]: string | undefined }) => string): ScenarioText {
  const translate = scenario ? proseTranslator(scenario, lang) : (x: string) => x;
  const actors = new Map((scenario?.actors ?? []).map((a) => [a.id, a]));
  return {
    prose: (english) => (english === undefined ? '' : translate(english)),
    quote: (cite) => (scenario ? quoteTranslation(scenario, cite) : undefined),
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
