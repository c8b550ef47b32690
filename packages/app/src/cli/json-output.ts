/**
 * JSON that the CLI prints (`--json`): numbers rounded to 12 significant digits, so that float
 * noise (6.370000000000001, 0.30000000000000004) never reaches a reader; integers and exact
 * strings (rationals) are untouched, and no value a model computes is changed beyond 1e-12 relative.
 */
export function roundFloat(v: number): number {
  return Number.isFinite(v) && !Number.isInteger(v) ? Number(v.toPrecision(12)) : v;
}

/** `JSON.stringify` with every float rounded (see above); `indent` as JSON.stringify's. */
export function toJsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? roundFloat(v) : v), indent);
}
