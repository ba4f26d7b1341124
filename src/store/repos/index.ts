import type { Repositories } from '../api.js';
import { auditRepository, settingsRepository } from './audit.js';
import { campaignRepository } from './campaigns.js';
import type { RepoContext } from './common.js';
import { invitationRepository } from './invitations.js';
import { publicationRepository } from './publications.js';
import { responseRepository } from './responses.js';
import { sessionRepository } from './sessions.js';
import { passwordResetRepository } from './password-resets.js';
import { structureRepository } from './structures.js';
import { surveyRepository } from './surveys.js';
import { territoryRepository } from './territories.js';
import { userRepository } from './users.js';
import { solidarityRepository } from './solidarity.js';
import { coherenceRuleRepository } from './coherence-rules.js';
import { reviewRepository } from './reviews.js';
import { mailRepository } from './mail.js';
import { archiveRepository } from './archive.js';
import { privacyRepository } from './privacy.js';
import { identityRepository } from './identity.js';

/** Repositories bound to one executor: the root connection or a transaction. */
export function createRepositories(ctx: RepoContext): Repositories {
  return {
    territories: territoryRepository(ctx),
    structures: structureRepository(ctx),
    users: userRepository(ctx),
    sessions: sessionRepository(ctx),
    passwordResets: passwordResetRepository(ctx),
    surveys: surveyRepository(ctx),
    campaigns: campaignRepository(ctx),
    invitations: invitationRepository(ctx),
    responses: responseRepository(ctx),
    audit: auditRepository(ctx),
    settings: settingsRepository(ctx),
    publications: publicationRepository(ctx),
    solidarity: solidarityRepository(ctx),
    coherenceRules: coherenceRuleRepository(ctx),
    reviews: reviewRepository(ctx),
    mail: mailRepository(ctx),
    archive: archiveRepository(ctx),
    privacy: privacyRepository(ctx),
    identity: identityRepository(ctx),
  };
}
