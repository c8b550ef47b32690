/**
 * Engine results hold exact `Rational`s (BigInt inside) and may hold typed arrays or Maps; a run's
 * result crosses a process boundary and is stored as JSON. This turns any engine value into
 * plain JSON data: objects with `toJSON` (Rational -> "3/5") use it, bigint -> decimal string,
 * Map -> object, Set and typed arrays -> arrays, non-finite numbers -> null.
 */
export function toJsonSafe(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString();
      if (v instanceof Map) return Object.fromEntries(v);
      if (v instanceof Set) return [...v];
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
      return v;
    }) ?? 'null',
  ) as unknown;
}
