import type { Campaign, Store, StoredStructure } from '../../store/index.js';
import type { SurveyModel } from '../../survey/model.js';
import type { RenderPool } from '../../runtime/render-pool.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { downloadName, type Download } from '../download.js';

/** Kept in a draft to resume on the right page; not an answer. */
const PAGE_KEY = '__page';

/**
 * One structure's answers as a PDF for the federation's files: the same document as the copy a
 * respondent downloads (src/report/render/answers-pdf.ts), laid out by the render pool. The caller has
 * checked the structure is in its scope.
 */
export async function structureAnswersPdf(
  deps: { store: Store; renders: RenderPool },
  input: { campaign: Campaign; survey: SurveyModel; structure: StoredStructure },
): Promise<Download> {
  const { campaign, survey, structure } = input;
  const invitation = await deps.store.invitations.findForStructure(campaign.id, structure.id);
  if (!invitation) throw new PanoramaError('not_found', { what: 'invitation' });
  const response = await deps.store.responses.getByInvitation(invitation.id);
  const { [PAGE_KEY]: _page, ...data } = response?.data ?? {};
  const body = await deps.renders.render({
    kind: 'answers',
    format: 'pdf',
    input: {
      survey,
      campaignName: campaign.name,
      structureName: structure.name,
      data,
      submittedAt: response?.submittedAt ?? null,
      revision: response?.revision ?? 0,
    },
  });
  return {
    body,
    contentType: 'application/pdf',
    fileName: `${downloadName('reponses', campaign.name, structure.name)}-reponses.pdf`,
    inline: false,
  };
}
