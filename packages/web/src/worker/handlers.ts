/**
 * Every request the engine worker answers, by name. The handlers are plain functions of plain
 * data, so they are tested directly (handlers.test.ts) and run unchanged in the Web Worker.
 */
import type { ProgressFn } from './protocol';
import { parseGameRequest, solveGameRequest } from './games';
import { bargainingRequest } from './bargaining';
import { citationCoverage } from '@brink/engine/scenario';
import type { Scenario } from '@brink/engine/scenario';
import { listModelsRequest, mapRequest, setupDeterrenceRequest, solveDeterrenceRequest, sweepRequest, tornadoRequest, uncertaintyRequest } from './deterrence';
import { checkScenarioRequest } from './scenario';
import { simulateRequest } from './crisis';

export const handlers = {
  'games.parse': (p: Parameters<typeof parseGameRequest>[0]) => parseGameRequest(p),
  'games.solve': (p: Parameters<typeof solveGameRequest>[0]) => solveGameRequest(p),
  'scenario.coverage': (p: { scenario: Scenario; source: string; text: string }) => citationCoverage(p.scenario, p.source, p.text),
  'scenario.check': (p: Parameters<typeof checkScenarioRequest>[0]) => checkScenarioRequest(p),
  'bargaining.run': (p: Parameters<typeof bargainingRequest>[0], progress: ProgressFn) => bargainingRequest(p, progress),
  'deterrence.models': (_p: Record<string, never>) => listModelsRequest(),
  'deterrence.setup': (p: Parameters<typeof setupDeterrenceRequest>[0]) => setupDeterrenceRequest(p),
  'deterrence.solve': (p: Parameters<typeof solveDeterrenceRequest>[0]) => solveDeterrenceRequest(p),
  'deterrence.sweep': (p: Parameters<typeof sweepRequest>[0], progress: ProgressFn) => sweepRequest(p, progress),
  'deterrence.map': (p: Parameters<typeof mapRequest>[0], progress: ProgressFn) => mapRequest(p, progress),
  'deterrence.tornado': (p: Parameters<typeof tornadoRequest>[0], progress: ProgressFn) => tornadoRequest(p, progress),
  'deterrence.uncertainty': (p: Parameters<typeof uncertaintyRequest>[0], progress: ProgressFn) => uncertaintyRequest(p, progress),
  'crisis.simulate': (p: Parameters<typeof simulateRequest>[0], progress: ProgressFn) => simulateRequest(p, progress),
} satisfies Record<string, (payload: never, progress: ProgressFn) => unknown>;

export type Handlers = typeof handlers;
export type RequestKind = keyof Handlers;
export type RequestPayload<K extends RequestKind> = Parameters<Handlers[K]>[0];
export type RequestResult<K extends RequestKind> = Awaited<ReturnType<Handlers[K]>>;
