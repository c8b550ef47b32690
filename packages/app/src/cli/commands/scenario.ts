/** `brink scenario`. */
import type { Command } from 'commander';

export function registerScenarioCommand(_program: Command): void {}
