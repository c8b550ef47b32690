/**
 * Every `brink` subcommand, one file each, loaded on demand: a call loads only the command it runs
 * (`brink solve` does not load the HTTP server or the database drivers); `--help` loads them all.
 * Adding a command: its file exports `register(program)`; add one line here.
 */
import type { Command } from 'commander';

type Registrar = (program: Command) => void;

export const COMMANDS: Readonly<Record<string, () => Promise<Registrar>>> = {
  scenario: async () => (await import('./scenario')).registerScenarioCommand,
  solve: async () => (await import('./solve')).registerSolveCommand,
  deter: async () => (await import('./deter')).registerDeterCommand,
  forecast: async () => (await import('./forecast')).registerForecastCommand,
  serve: async () => (await import('./serve')).registerServeCommand,
  simulate: async () => (await import('./simulate')).registerSimulateCommand,
  worker: async () => (await import('./worker')).registerWorkerCommand,
  ingest: async () => (await import('./ingest')).registerIngestCommand,
  evidence: async () => (await import('./evidence')).registerEvidenceCommand,
};

/** Registers the named commands (all of them when `names` is omitted), in the table's order. */
export async function registerCommands(program: Command, names: readonly string[] = Object.keys(COMMANDS)): Promise<void> {
  for (const name of Object.keys(COMMANDS)) if (names.includes(name)) (await COMMANDS[name]!())(program);
}
