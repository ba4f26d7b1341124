import { useId, useMemo, useState } from 'react';
import { useI18n, type Lang } from '../i18n.js';
import { Link } from '../router.js';
import type { Campaign, Structure, SurveyDetail, Territory } from '../types.js';
import { ErrorBox, Loading, useApi } from './common.js';
import { attributeLabel, registryKeys, registryValues } from './registryKeys.js';
import { choiceQuestions } from './surveyQuestions.js';
import { ExportAnswers } from './exports/ExportAnswers.js';
import type { ReportOptionsInput } from '../../contract/reports.js';

interface Filter {
  key: string;
  value: string;
}

const FORMATS = ['html', 'pdf', 'docx', 'xlsx', 'json', 'csv'] as const;

/** The report's query string, from the options the API reads (src/contract/reports.ts). */
function reportQuery(filters: Filter[], by: string, lang: Lang, validatedOnly = false): string {
  const options: ReportOptionsInput = {
    format: 'html',
    lang,
    where: filters.filter((f) => f.key && f.value).map((f) => `${f.key}=${f.value}`),
    ...(by ? { by } : {}),
    ...(validatedOnly ? { validatedOnly: 'true' } : {}),
  };
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(options))
    for (const item of [value as string | string[]].flat()) search.append(key, item);
  return search.toString();
}

/**
 * The report is as tall as its content, so the page scrolls once instead of a short frame inside
 * it (same origin: the frame's document is readable). Images and charts may finish later: measured
 * again when they load.
 */
function fitFrameToReport(frame: HTMLIFrameElement): void {
  const doc = frame.contentDocument;
  if (!doc) return;
  const fit = () => {
    frame.style.height = `${doc.documentElement.scrollHeight + 2}px`;
  };
  fit();
  for (const image of Array.from(doc.images)) image.addEventListener('load', fit);
}

export function ResultsPage({ campaignId }: { campaignId: string }) {
  const { t, lang } = useI18n();
  const id = useId();
  const base = `/api/campaigns/${encodeURIComponent(campaignId)}`;
  const campaign = useApi<{ campaign: Campaign }>(base);
  const c = campaign.data?.campaign;
  const survey = useApi<{ survey: SurveyDetail }>(
    c?.surveyId ? `/api/surveys/${encodeURIComponent(c.surveyId)}` : undefined,
  );
  const structures = useApi<{ structures: Structure[] }>('/api/structures');
  const [filters, setFilters] = useState<Filter[]>([]);
  const [by, setBy] = useState('');
  const [reportLang, setReportLang] = useState<Lang>(lang);
  const [applied, setApplied] = useState(() => reportQuery([], '', lang));

  const questions = useMemo(
    () => (survey.data ? choiceQuestions(survey.data.survey.definition, lang) : []),
    [survey.data, lang],
  );
  const territories = useApi<{ territories: Territory[] }>('/api/territories');
  const attributeKeys = useMemo(
    () => registryKeys(structures.data?.structures ?? [], territories.data?.territories ?? []),
    [structures.data, territories.data],
  );

  const [validatedOnly, setValidatedOnly] = useState(false);
  const current = reportQuery(filters, by, reportLang, validatedOnly);
  const shown = applied;
  const update = (index: number, change: Partial<Filter>) =>
    setFilters((list) => list.map((f, i) => (i === index ? { ...f, ...change } : f)));

  function valueSuggestions(key: string): string[] {
    const question = questions.find((q) => q.name === key);
    if (question) return question.choices.map((choice) => choice.value);
    return registryValues(structures.data?.structures ?? [], territories.data?.territories ?? [], key);
  }

  const keyOptions = (
    <>
      <optgroup label={t('results.registryGroup')}>
        {attributeKeys.map((key) => (
          <option key={`r-${key}`} value={key}>
            {attributeLabel(key, t)}
          </option>
        ))}
      </optgroup>
      <optgroup label={t('results.questionsGroup')}>
        {questions.map((q) => (
          <option key={`q-${q.name}`} value={q.name}>
            {q.title.length > 70 ? `${q.title.slice(0, 69)}…` : q.title}
          </option>
        ))}
      </optgroup>
    </>
  );

  return (
    <>
      <ErrorBox error={campaign.error} />
      {!c && campaign.loading && <Loading />}
      {c && (
        <>
          <div className="page-head">
            <h1>{t('results.title', { name: c.name })}</h1>
            <Link to={`/campagnes/${c.id}`}>{t('campaign.open')}</Link>
          </div>
          <form
            className="panel form results-form"
            onSubmit={(event) => {
              event.preventDefault();
              setApplied(current);
            }}
          >
            <fieldset>
              <legend>{t('results.filters')}</legend>
              {filters.map((filter, index) => (
                <div className="filter-row" key={index}>
                  <label>
                    {t('results.filterKey')}
                    <select
                      value={filter.key}
                      onChange={(e) => update(index, { key: e.target.value, value: '' })}
                    >
                      <option value="" />
                      {keyOptions}
                    </select>
                  </label>
                  <label>
                    {t('results.filterValue')}
                    <input
                      list={`${id}-values-${index}`}
                      value={filter.value}
                      onChange={(e) => update(index, { value: e.target.value })}
                    />
                    <datalist id={`${id}-values-${index}`}>
                      {valueSuggestions(filter.key).map((value) => (
                        <option key={value} value={value} />
                      ))}
                    </datalist>
                  </label>
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => setFilters((list) => list.filter((_, i) => i !== index))}
                  >
                    {t('results.removeFilter')}
                  </button>
                </div>
              ))}
              <button type="button" onClick={() => setFilters((list) => [...list, { key: '', value: '' }])}>
                {t('results.addFilter')}
              </button>
            </fieldset>
            <label>
              {t('results.by')}
              <select value={by} onChange={(e) => setBy(e.target.value)}>
                <option value="">{t('results.noBreakdown')}</option>
                {keyOptions}
              </select>
            </label>
            <label>
              {t('results.lang')}
              <select value={reportLang} onChange={(e) => setReportLang(e.target.value as Lang)}>
                <option value="fr">Français</option>
                <option value="en">English</option>
              </select>
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={validatedOnly}
                onChange={(e) => setValidatedOnly(e.target.checked)}
              />{' '}
              {t('review.validatedOnly')}
            </label>
            <div className="actions">
              <button type="submit" className="primary">
                {t('results.apply')}
              </button>
            </div>
          </form>
          <section className="downloads" aria-labelledby={`${id}-dl`}>
            <h2 id={`${id}-dl`}>{t('results.downloads')}</h2>
            <ul className="inline-list">
              {FORMATS.map((format) => (
                <li key={format}>
                  <a
                    className="button"
                    href={`${base}/report?${shown.replace('format=html', `format=${format}`)}`}
                    download={format === 'html' ? `rapport-${c.id}.html` : true}
                  >
                    {format === 'csv' ? t('results.csv') : format.toUpperCase()}
                  </a>
                </li>
              ))}
            </ul>
          </section>
          <ExportAnswers
            campaignId={c.id}
            structures={structures.data?.structures ?? []}
            validatedOnly={validatedOnly}
          />
          <iframe
            className="report-frame"
            title={t('results.frameTitle')}
            src={`${base}/report?${shown}`}
            onLoad={(event) => fitFrameToReport(event.currentTarget)}
          />
        </>
      )}
    </>
  );
}
