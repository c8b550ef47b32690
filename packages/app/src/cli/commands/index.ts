/** Every `brink` subcommand, one file each. */
import type { Command } from 'commander';

export function registerCommands(_program: Command): void {
  // Commands register here: scenario, solve, deter, forecast, serve.
}
