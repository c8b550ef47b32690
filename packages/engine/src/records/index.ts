/** Public API of the records module: shapes of what Brink stores and serves, declared once. */
export {
  RUN_STATUSES,
  RunStatusSchema,
  RunProvenanceSchema,
  RunChunksSchema,
  RunRecordSchema,
  ReproductionSchema,
  RunDetailSchema,
  RunSummarySchema,
  type RunStatus,
  type RunProvenance,
  type RunChunks,
  type RunRecord,
  type Reproduction,
  type RunDetail,
  type RunSummary,
} from './run-record';
