/** Every `brink` subcommand, one file each. */
import type { Command } from 'commander';
import { registerScenarioCommand } from './scenario';
import { registerSolveCommand } from './solve';
import { registerDeterCommand } from './deter';
import { registerForecastCommand } from './forecast';
import { registerServeCommand } from './serve';
import { registerSimulateCommand } from './simulate';

export function registerCommands(program: Command): void {
  registerScenarioCommand(program);
  registerSolveCommand(program);
  registerDeterCommand(program);
  registerForecastCommand(program);
  registerServeCommand(program);
  registerSimulateCommand(program);
}
