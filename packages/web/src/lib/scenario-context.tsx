/** Loads the scenario once for the whole app and shares it. */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Scenario } from '@brink/engine/scenario';
import { DEFAULT_SCENARIO_ID, loadScenario, ApiError } from './api';

export type ScenarioState =
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; scenario: Scenario; offline: boolean }
  | { status: 'error'; id: string; error: ApiError | Error };

const ScenarioContext = createContext<ScenarioState>({ status: 'loading', id: DEFAULT_SCENARIO_ID });

export function ScenarioProvider({ children }: { children: ReactNode }) {
  const id = new URLSearchParams(window.location.search).get('scenario') ?? DEFAULT_SCENARIO_ID;
  const [state, setState] = useState<ScenarioState>({ status: 'loading', id });
  useEffect(() => {
    let live = true;
    loadScenario(id).then(
      ({ scenario, offline }) => live && setState({ status: 'ready', id, scenario, offline }),
      (error: Error) => live && setState({ status: 'error', id, error }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return <ScenarioContext.Provider value={state}>{children}</ScenarioContext.Provider>;
}

export function useScenarioState(): ScenarioState {
  return useContext(ScenarioContext);
}

/** Actor id -> actor, for labels. */
export function actorIndex(scenario: Scenario): Map<string, Scenario['actors'][number]> {
  return new Map(scenario.actors.map((a) => [a.id, a]));
}
