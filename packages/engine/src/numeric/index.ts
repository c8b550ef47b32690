/** Public API of the numeric module (`@brink/engine/numeric`): exact rationals. */
export { Rational } from './rational';
