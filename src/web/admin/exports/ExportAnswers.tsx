import { useId, useState } from 'react';
import { useI18n, type Lang } from '../../i18n.js';
import type { Structure } from '../../types.js';

const FORMATS = ['csv', 'xlsx', 'r', 'spss'] as const;
/** Long option texts must not widen a select past its grid cell (a phone is 390 px wide). */
const FIT = { width: '100%', minWidth: 0 } as const;
type Format = (typeof FORMATS)[number];

/** The query of GET /api/campaigns/:id/export (src/contract/exports.ts). */
export function exportQuery(options: {
  format: Format;
  values: 'codes' | 'labels';
  choices: 'columns' | 'cell';
  registry: boolean;
  lang: Lang;
  validatedOnly: boolean;
}): string {
  const search = new URLSearchParams({
    format: options.format,
    values: options.values,
    choices: options.choices,
    registry: String(options.registry),
    lang: options.lang,
  });
  if (options.validatedOnly) search.set('validatedOnly', 'true');
  return search.toString();
}

/**
 * "Exporter les réponses" on the results page: the raw answers for analysts (CSV, XLSX, R, SPSS)
 * with their options, and one structure's answers as a PDF for the federation's files. Both are
 * plain links: the server scopes them to the caller's territories.
 */
export function ExportAnswers({
  campaignId,
  structures,
  validatedOnly,
}: {
  campaignId: string;
  /** The structures the caller may see (GET /api/structures is already scoped). */
  structures: readonly Structure[];
  validatedOnly: boolean;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [format, setFormat] = useState<Format>('csv');
  const [values, setValues] = useState<'codes' | 'labels'>('codes');
  const [choices, setChoices] = useState<'columns' | 'cell'>('columns');
  const [registry, setRegistry] = useState(true);
  const [exportLang, setExportLang] = useState<Lang>(lang);
  const [structure, setStructure] = useState('');
  const base = `/api/campaigns/${encodeURIComponent(campaignId)}`;
  const forScript = format === 'r' || format === 'spss';
  const href = `${base}/export?${exportQuery({ format, values, choices, registry, lang: exportLang, validatedOnly })}`;
  const sorted = [...structures].sort((a, b) => a.name.localeCompare(b.name, lang));

  return (
    <details className="panel export-answers">
      <summary className="summary-title">{t('exports.title')}</summary>
      <p className="muted">{t('exports.intro')}</p>
      <div className="form">
        <div className="grid-2">
          <label style={FIT}>
            {t('exports.format')}
            <select style={FIT} value={format} onChange={(e) => setFormat(e.target.value as Format)}>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`exports.format.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <label style={FIT}>
            {t('exports.lang')}
            <select style={FIT} value={exportLang} onChange={(e) => setExportLang(e.target.value as Lang)}>
              <option value="fr">{t('exports.lang.fr')}</option>
              <option value="en">{t('exports.lang.en')}</option>
            </select>
          </label>
          <label style={FIT}>
            {t('exports.values')}
            <select
              style={FIT}
              value={forScript ? 'codes' : values}
              disabled={forScript}
              onChange={(e) => setValues(e.target.value as 'codes' | 'labels')}
            >
              <option value="codes">{t('exports.values.codes')}</option>
              <option value="labels">{t('exports.values.labels')}</option>
            </select>
          </label>
          <label style={FIT}>
            {t('exports.choices')}
            <select
              style={FIT}
              value={forScript ? 'columns' : choices}
              disabled={forScript}
              onChange={(e) => setChoices(e.target.value as 'columns' | 'cell')}
            >
              <option value="columns">{t('exports.choices.columns')}</option>
              <option value="cell">{t('exports.choices.cell')}</option>
            </select>
          </label>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={registry} onChange={(e) => setRegistry(e.target.checked)} />
          {t('exports.registry')}
        </label>
        {forScript && <p className="muted">{t('exports.scriptNote')}</p>}
        <div className="actions">
          <a className="button primary" href={href} download>
            {t('exports.download')}
          </a>
        </div>
      </div>
      <h3 id={`${id}-pdf`} style={{ marginTop: '1.25rem' }}>
        {t('exports.pdfTitle')}
      </h3>
      <div className="form-row inline" role="group" aria-labelledby={`${id}-pdf`}>
        <label style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <span className="visually-hidden">{t('exports.pdfStructure')}</span>
          <select style={FIT} value={structure} onChange={(e) => setStructure(e.target.value)}>
            <option value="">{t('exports.pdfChoose')}</option>
            {sorted.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {structure ? (
          <a
            className="button"
            href={`${base}/responses/${encodeURIComponent(structure)}/answers.pdf`}
            download
          >
            {t('exports.pdfDownload')}
          </a>
        ) : (
          <button type="button" disabled>
            {t('exports.pdfDownload')}
          </button>
        )}
      </div>
    </details>
  );
}
