/** Public API of the expected-utility model (EUM). */
export { runEum, validateEumInput } from './run';
export { weightedMedian, weightedMean, medianVoterPosition, condorcetWinner, vote, totalVote } from './votes';
export { successProbabilities } from './probability';
export { contestUtilities, type ContestUtilities } from './utilities';
export { challengeEu, challengeEuMatrix, dyadEuMatrices, type ChallengeContext } from './expected-utility';
export { riskFromSecurity, type RiskProfile } from './risk';
export { classifyOffer, chooseOffer } from './offers';
export * from './types';
export { runEumOnKtabInput, eumInputForDimension, type EumMultiResult } from './ktab-input';
