import { z } from 'zod';
import { anomalyOutput, campaignRulesOutput } from '../app/coherence/index.js';

/**
 * Coherence rules of a campaign and the anomalies of its answers (docs/coherence.md). The answers
 * are the use cases' own outputs (src/app/coherence), named here for the contract.
 */

/** PUT /api/campaigns/:id/coherence-rules: the rule set as JSON (`{"rules": [...]}`), checked by the use case against the campaign's survey. */
export const rulesBody = z.record(z.string(), z.unknown());

/** GET and PUT /api/campaigns/:id/coherence-rules: the rule set (null when the campaign has none). */
export const campaignRulesResponse = campaignRulesOutput;

/** One anomaly: the response, the rule, the questions and values involved, its message in French and English. */
export const anomaly = anomalyOutput;
/** GET /api/campaigns/:id/anomalies: most severe first, scoped to the caller's territories. */
export const anomaliesResponse = z.object({ anomalies: z.array(anomaly) });
