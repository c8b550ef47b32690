/**
 * Errors are values with places.
 *
 * `InputError` is the one error type the engine throws for bad input: a malformed game file, an
 * invalid scenario, bad model parameters. It keeps its parts apart, as zod's issues do:
 * - `reason`: what is wrong, without the place ("probability 1.2 lies outside [0, 1]");
 * - `place`: where: `file:line:col` for text formats, a JSON path (`$.actors[2].name.en`) for
 *   structured data, a parameter name for models, a field name (`model`, `method`) for options;
 * - `expected`: what would be accepted, when that helps.
 * `message` is rendered from them (`place: reason`). A caller that knows more about the place (the
 * CLI knows the flag, the scenario loader knows the JSON path of a model's parameters) re-places the
 * error with `at()`, never by editing the message. The engine never names CLI flags.
 * The CLI maps an InputError to exit code 2, the HTTP API to a 4xx with a JSON body; anything else is a bug.
 */
export interface InputErrorOptions {
  readonly place?: string | undefined;
  readonly expected?: string | undefined;
  readonly cause?: unknown;
}

export class InputError extends Error {
  readonly reason: string;
  readonly place: string | undefined;
  readonly expected: string | undefined;

  constructor(reason: string, options: InputErrorOptions = {}) {
    super(renderInputError(reason, options.place), { cause: options.cause });
    this.name = 'InputError';
    this.reason = reason;
    this.place = options.place;
    this.expected = options.expected;
  }

  /** The same error at another place (e.g. a flag for an option, a JSON path for a parameter). */
  at(place: string | undefined): InputError {
    return new InputError(this.reason, { place, expected: this.expected, cause: this });
  }
}

/** `place: reason`, or the reason alone. */
export function renderInputError(reason: string, place: string | undefined): string {
  return place ? `${place}: ${reason}` : reason;
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError || (error instanceof Error && error.name === 'InputError' && 'reason' in error);
}
