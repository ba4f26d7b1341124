/**
 * Coherence rules of a campaign: part of the storage API. The rule set is kept as given (parsed
 * JSON); it is validated by src/app/coherence before it is stored.
 */

export interface StoredRuleSet {
  campaignId: string;
  /** The rule set (`{"rules": [...]}`) as validated when stored. */
  rules: unknown;
  updatedAt: string;
  updatedBy: string | null;
}

export interface CoherenceRuleRepository {
  get(campaignId: string): Promise<StoredRuleSet | undefined>;
  /** Replaces the campaign's rule set (StoreNotFoundError for an unknown campaign). */
  set(campaignId: string, rules: unknown, updatedBy: string | null, now?: string): Promise<StoredRuleSet>;
  /** Removes the campaign's rule set; says whether there was one. */
  delete(campaignId: string): Promise<boolean>;
}

declare module './api.js' {
  interface Repositories {
    coherenceRules: CoherenceRuleRepository;
  }
}
