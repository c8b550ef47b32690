/**
 * Public API of the numeric module (`@brink/engine/numeric`): exact rationals, and the general
 * algorithms the game solvers are built on (linear complementarity, polytope vertices).
 */
export { Rational } from './rational';
export { lemke, type LemkeResult } from './lemke';
export { lemkeSparse, type SparseLcp, type SparseLemkeOptions, type SparseLemkeResult } from './lemke-sparse';
export { SparseLU, SingularMatrixError, type SparseColumn } from './sparse-lu';
export { forEachPolytopeVertex, polytopeVertices, vertexCoordinates, type PolytopeMatrix, type PolytopeVertex, type VertexEnumerationStats } from './polytope-vertices';
