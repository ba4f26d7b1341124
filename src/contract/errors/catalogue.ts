import { commonErrors } from './common.js';
import { inputErrors } from './inputs.js';
import { accessErrors } from './access.js';
import { runtimeErrors } from './runtime.js';
import { uploadErrors } from './uploads.js';
import { publicationErrors } from './publication.js';
import { interopErrors } from './interop.js';
import { accountErrors } from './accounts.js';
import { maintenanceErrors } from './maintenance.js';
import { solidarityErrors } from './solidarity.js';
import { coherenceErrors } from './coherence.js';
import { requestErrors } from './requests.js';
import { reportErrors } from './reports.js';
import { cliErrors } from './cli.js';
import { fileErrors } from './files.js';
import { surveyErrors } from './surveys.js';
import { ingestErrors } from './ingest.js';
import { publishFileErrors } from './publish-files.js';
import { commandErrors } from './commands.js';
import { reviewErrors } from './review.js';
import { mailErrors } from './mail.js';
import { answerErrors } from './answers.js';
import { editorErrors } from './editor.js';
import { archiveErrors } from './archive.js';
import { campaignArchiveErrors } from './campaign-archive.js';
import { privacyErrors } from './privacy.js';
import { solidarityStaffErrors } from './solidarity-staff.js';
import { identityErrors } from './identity.js';

/**
 * Every error code Panorama can raise, with its status and its messages. Each module adds its own
 * file (`errors/<module>.ts`, made with defineErrors) and spreads it here; a code is never reused.
 */
export const ERROR_CATALOGUE = {
  ...commonErrors,
  ...inputErrors,
  ...accessErrors,
  ...runtimeErrors,
  ...uploadErrors,
  ...publicationErrors,
  ...interopErrors,
  ...accountErrors,
  ...maintenanceErrors,
  ...solidarityErrors,
  ...coherenceErrors,
  ...requestErrors,
  ...reportErrors,
  ...cliErrors,
  ...fileErrors,
  ...surveyErrors,
  ...ingestErrors,
  ...publishFileErrors,
  ...commandErrors,
  ...reviewErrors,
  ...mailErrors,
  ...answerErrors,
  ...editorErrors,
  ...archiveErrors,
  ...campaignArchiveErrors,
  ...privacyErrors,
  ...solidarityStaffErrors,
  ...identityErrors,
};

export type ErrorCatalogue = typeof ERROR_CATALOGUE;
export type ErrorCode = keyof ErrorCatalogue;
export type ErrorParamsOf<C extends ErrorCode> = Parameters<ErrorCatalogue[C]['fr']>[0];
