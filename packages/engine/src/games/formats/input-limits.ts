/**
 * The designed input limits (limits.ts, docs/limits.md) as the game readers apply them: each check
 * runs before anything is allocated from the number it checks, and a violation is an InputError at
 * the place of the offending token or JSON path that names the limit.
 */
import { InputError } from '../../errors';
import { exceedsUtf8Bytes, LIMITS, type LimitName } from '../../limits';

/** Throws when `value` exceeds the limit; `what` says what was counted ("strategies of player 2"). */
export function checkLimit(value: number, limit: LimitName, what: string, place: string): void {
  const max = LIMITS[limit];
  if (!(value <= max)) {
    throw new InputError(`${what}: ${value} is more than the limit of ${max} (${limit})`, { place, expected: `at most ${max} (docs/limits.md)` });
  }
}

/** The text-size limit (UTF-8 bytes), checked before the text is tokenised or parsed. */
export function checkTextSize(text: string, fileName: string): void {
  if (exceedsUtf8Bytes(text, LIMITS.maxTextBytes)) {
    throw new InputError(`the file is larger than the limit of ${LIMITS.maxTextBytes} bytes (maxTextBytes)`, {
      place: `${fileName}:1:1`,
      expected: 'a smaller file (docs/limits.md)',
    });
  }
}
