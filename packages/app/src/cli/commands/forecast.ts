/** `brink forecast`. */
import type { Command } from 'commander';

export function registerForecastCommand(_program: Command): void {}
