/** Reads a game in any supported format, chosen by content (header word or JSON) or file extension. */
import { InputError } from '../../errors';
import type { Game } from '../types';
import { parseEfg, writeEfg } from './efg';
import { parseGameJson } from './json';
import { parseNfg, writeNfg } from './nfg';

export function parseGame(text: string, fileName = '<input>'): Game {
  const head = text.replace(/^(\s|#[^\n]*\n)*/, '');
  if (head.startsWith('NFG')) return parseNfg(text, fileName);
  if (head.startsWith('EFG')) return parseEfg(text, fileName);
  if (head.startsWith('{') || /\.json$/i.test(fileName)) return parseGameJson(text, fileName);
  if (/\.nfg$/i.test(fileName)) return parseNfg(text, fileName);
  if (/\.efg$/i.test(fileName)) return parseEfg(text, fileName);
  throw new InputError('not a game file: expected a Gambit .nfg or .efg file, or Brink game JSON', {
    place: `${fileName}:1:1`,
    expected: '"NFG", "EFG" or "{"',
  });
}

/** Writes a game in Gambit's format for its kind. */
export function writeGame(game: Game): string {
  return game.kind === 'nfg' ? writeNfg(game) : writeEfg(game);
}
