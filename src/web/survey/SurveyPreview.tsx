import { useMemo } from 'react';
import { Survey } from 'survey-react-ui';
import { useI18n } from '../i18n.js';
import { createSurveyModel } from './setup.js';

/** The form exactly as a respondent sees it, read-only, every page one after the other. */
export default function SurveyPreview({ definition }: { definition: Record<string, unknown> }) {
  const { lang } = useI18n();
  const model = useMemo(() => {
    const m = createSurveyModel(definition, lang);
    m.mode = 'display';
    m.questionsOnPageMode = 'singlePage';
    return m;
  }, [definition, lang]);
  return <Survey model={model} />;
}
