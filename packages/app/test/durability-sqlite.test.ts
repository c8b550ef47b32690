/** Crash durability on SQLite (the cases: ./durability-cases.ts). The queue cases need BRINK_TEST_REDIS_URL (`npm test` starts a throwaway Redis); without it they are skipped. */
import { durabilityTests } from './durability-cases';

if (!process.env.BRINK_TEST_REDIS_URL) console.warn('durability tests with the queue skipped: set BRINK_TEST_REDIS_URL (npm test starts a throwaway Redis)');
durabilityTests('sqlite');
