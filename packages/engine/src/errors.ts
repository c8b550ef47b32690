/**
 * Errors are values with places (ARCHITECTURE.md, "Principles").
 *
 * `InputError` is the one error type the engine throws for bad input: a malformed game file, an
 * invalid scenario, bad model parameters. `place` says where: `file:line:col` for text formats,
 * a JSON path (`$.actors[2].name.en`) for structured data, a parameter name for models.
 * The CLI maps it to exit code 2, the HTTP API to a 4xx with a JSON body; anything else is a bug.
 */
export class InputError extends Error {
  readonly place: string | undefined;
  readonly expected: string | undefined;

  constructor(message: string, options: { place?: string; expected?: string; cause?: unknown } = {}) {
    super(options.place ? `${options.place}: ${message}` : message, { cause: options.cause });
    this.name = 'InputError';
    this.place = options.place;
    this.expected = options.expected;
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError || (error instanceof Error && error.name === 'InputError');
}
