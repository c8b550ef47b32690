/** `brink solve`. */
import type { Command } from 'commander';

export function registerSolveCommand(_program: Command): void {}
