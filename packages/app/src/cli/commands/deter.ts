/** `brink deter`. */
import type { Command } from 'commander';

export function registerDeterCommand(_program: Command): void {}
