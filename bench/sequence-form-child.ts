/**
 * One sequence-form LCP solve in a fresh process, so that the benchmark can cap the dense solver
 * with a timeout (a synchronous solve cannot be interrupted in-process) and both solvers start as
 * cold as a CLI run does. Prints one JSON line: the tree size, the solve time and the path taken.
 *
 *   node --import tsx bench/sequence-form-child.ts sparse|dense K1 K2 MOVES SEED
 */
import { generateSignallingGame, solve, type SequenceFormLcpResult } from '@brink/engine/games';

const [tableau, k1, k2, moves, seed] = process.argv.slice(2);
const game = generateSignallingGame({ types: [Number(k1), Number(k2)], moves: Number(moves), seed: Number(seed) });
const t0 = performance.now();
const result = solve(game, 'lcp', { lcpTableau: tableau === 'dense' ? 'dense' : 'sparse' }) as SequenceFormLcpResult;
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ nodes: game.nodes.length, ms, exact: result.exact, stats: result.stats }) + '\n');
