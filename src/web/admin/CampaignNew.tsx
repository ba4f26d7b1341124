import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, post } from '../api.js';
import { useI18n } from '../i18n.js';
import { navigate } from '../router.js';
import type { Campaign, Structure, SurveySummary, Territory } from '../types.js';
import { ErrorBox, useApi } from './common.js';
import { buildTree, flattenTree, levelLabel } from './TerritoryTree.js';

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The selected territories and all their descendants. */
function withDescendants(territories: Territory[], selected: Set<string>): Set<string> {
  const result = new Set(selected);
  let grew = true;
  while (grew) {
    grew = false;
    for (const territory of territories) {
      if (territory.parentId && result.has(territory.parentId) && !result.has(territory.id)) {
        result.add(territory.id);
        grew = true;
      }
    }
  }
  return result;
}

export function CampaignNewPage() {
  const { t } = useI18n();
  const id = useId();
  const surveys = useApi<{ surveys: SurveySummary[] }>('/api/surveys');
  const territories = useApi<{ territories: Territory[] }>('/api/territories');
  const structures = useApi<{ structures: Structure[] }>('/api/structures');
  const today = new Date();
  const [name, setName] = useState('');
  const [surveyId, setSurveyId] = useState('');
  const [opensAt, setOpensAt] = useState(isoDay(today));
  const [closesAt, setClosesAt] = useState(isoDay(new Date(today.getTime() + 14 * 86_400_000)));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [type, setType] = useState('');
  const [qpv, setQpv] = useState('');
  const [anonymousLink, setAnonymousLink] = useState(false);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const allTerritories = useMemo(() => territories.data?.territories ?? [], [territories.data]);
  const tree = useMemo(() => flattenTree(buildTree(allTerritories)), [allTerritories]);
  const matching = useMemo(() => {
    const list = structures.data?.structures;
    if (!list) return undefined;
    const scope = selected.size ? withDescendants(allTerritories, selected) : undefined;
    return list.filter(
      (s) =>
        (!scope || (s.territoryId !== null && scope.has(s.territoryId))) &&
        (!type || s.type === type) &&
        (!qpv || s.qpv === (qpv === 'oui')),
    ).length;
  }, [structures.data, allTerritories, selected, type, qpv]);

  function toggle(territoryId: string): void {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(territoryId)) next.delete(territoryId);
      else next.add(territoryId);
      return next;
    });
  }

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setError(undefined);
    if (closesAt < opensAt) {
      setError(t('campaignNew.datesOrder'));
      return;
    }
    const attributes: Record<string, string> = {};
    if (type) attributes.type = type;
    if (qpv) attributes.qpv = qpv;
    setSaving(true);
    try {
      const answer = await post<{ campaign: Campaign }>('/api/campaigns', {
        name,
        surveyId,
        opensAt,
        closesAt,
        population: {
          ...(selected.size ? { territoryIds: [...selected] } : {}),
          ...(Object.keys(attributes).length ? { attributes } : {}),
        },
        anonymousLink,
      });
      navigate(`/campagnes/${answer.campaign.id}`);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : String(caught));
      setSaving(false);
    }
  }

  const noSurvey = surveys.data !== undefined && surveys.data.surveys.length === 0;
  return (
    <>
      <h1>{t('campaignNew.title')}</h1>
      <ErrorBox error={surveys.error ?? territories.error} />
      <form className="panel form" onSubmit={(event) => void submit(event)}>
        <label>
          {t('campaignNew.name')}
          <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          {t('campaignNew.survey')}
          <select name="surveyId" required value={surveyId} onChange={(e) => setSurveyId(e.target.value)}>
            <option value="">{t('campaignNew.chooseSurvey')}</option>
            {surveys.data?.surveys.map((survey) => (
              <option key={survey.id} value={survey.id}>
                {survey.title} ({t('surveys.version', { n: survey.version })})
              </option>
            ))}
          </select>
        </label>
        {noSurvey && <p className="muted">{t('campaignNew.noSurvey')}</p>}
        <div className="grid-2">
          <label>
            {t('campaignNew.opensAt')}
            <input
              name="opensAt"
              type="date"
              required
              value={opensAt}
              onChange={(e) => setOpensAt(e.target.value)}
            />
          </label>
          <label>
            {t('campaignNew.closesAt')}
            <input
              name="closesAt"
              type="date"
              required
              value={closesAt}
              onChange={(e) => setClosesAt(e.target.value)}
            />
          </label>
        </div>
        <fieldset>
          <legend>{t('campaignNew.population')}</legend>
          <p className="muted small">{t('campaignNew.populationHint')}</p>
          <fieldset className="checkbox-list" aria-describedby={`${id}-count`}>
            <legend>{t('campaignNew.territories')}</legend>
            {tree.map(({ territory, depth }) => (
              <label
                key={territory.id}
                className="checkbox"
                style={{ paddingInlineStart: `${depth * 1.25}rem` }}
              >
                <input
                  type="checkbox"
                  checked={selected.has(territory.id)}
                  onChange={() => toggle(territory.id)}
                />
                {territory.name} <span className="muted small">{levelLabel(territory.level, t)}</span>
              </label>
            ))}
          </fieldset>
          <div className="grid-2">
            <label>
              {t('campaignNew.structureType')}
              <select value={type} onChange={(e) => setType(e.target.value)}>
                <option value="">{t('campaignNew.anyType')}</option>
                <option value="CS">CS</option>
                <option value="EVS">EVS</option>
              </select>
            </label>
            <label>
              {t('registry.qpv')}
              <select value={qpv} onChange={(e) => setQpv(e.target.value)}>
                <option value="">{t('campaignNew.anyQpv')}</option>
                <option value="oui">{t('campaignNew.qpvOnly')}</option>
                <option value="non">{t('campaignNew.qpvNo')}</option>
              </select>
            </label>
          </div>
          {matching !== undefined && (
            <p id={`${id}-count`} aria-live="polite">
              <strong>{t('campaignNew.matching', { n: matching })}</strong>
            </p>
          )}
        </fieldset>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={anonymousLink}
            onChange={(e) => setAnonymousLink(e.target.checked)}
          />
          {t('campaignNew.anonymous')}
        </label>
        <ErrorBox error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={saving || noSurvey}>
            {t('campaignNew.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
