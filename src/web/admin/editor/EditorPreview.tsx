import { useEffect, useMemo, useRef, useState } from 'react';
import { Survey } from 'survey-react-ui';
import { useI18n } from '../../i18n.js';
import { createSurveyModel } from '../../survey/setup.js';
import type { Json } from './definition.js';

/**
 * The form as the respondent will see it, redrawn a moment after each change, and answerable, so
 * that conditions can be tried (nothing typed here is sent anywhere). The answers given survive a
 * redraw: editing a title must not wipe the branch being tried.
 */
export default function EditorPreview({ definition }: { definition: Json }) {
  const { lang, t } = useI18n();
  const [shown, setShown] = useState(definition);
  useEffect(() => {
    const timer = setTimeout(() => setShown(definition), 300);
    return () => clearTimeout(timer);
  }, [definition]);
  const answers = useRef<Record<string, unknown>>({});
  const model = useMemo(() => {
    try {
      const m = createSurveyModel(shown, lang);
      m.questionsOnPageMode = 'singlePage';
      m.showCompleteButton = false;
      m.data = answers.current;
      m.onValueChanged.add((sender) => {
        answers.current = { ...(sender.data as Record<string, unknown>) };
      });
      return m;
    } catch {
      return undefined;
    }
  }, [shown, lang]);
  if (!model) return <p className="muted">{t('editor.previewUnavailable')}</p>;
  return (
    <div className="editor-preview-form" data-testid="editor-preview">
      <Survey model={model} />
    </div>
  );
}
