/** Crash durability on PostgreSQL (the cases: ./durability-cases.ts). Needs BRINK_TEST_DATABASE_URL (`npm test` starts a throwaway PostgreSQL); without it these are skipped. */
import { durabilityTests } from './durability-cases';

if (!process.env.BRINK_TEST_DATABASE_URL) console.warn('durability tests on PostgreSQL skipped: set BRINK_TEST_DATABASE_URL (npm test starts a throwaway PostgreSQL)');
durabilityTests('postgres');
