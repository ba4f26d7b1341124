import type { QuestionResult } from '../../report/model.js';
import { PanoramaError } from '../../contract/errors/index.js';
import { buildReport } from '../../stats/index.js';
import { conditionRefs } from '../conditions.js';
import { evaluateIndicators } from '../indicators/evaluate.js';
import type { Figure } from '../indicators/figure.js';
import type { IndicatorFile } from '../indicators/schema.js';
import { buildUnits, type Scope } from '../indicators/units.js';
import type { Campaign } from '../input.js';
import { territoryCounts, type TerritoryCount } from '../map/territories.js';
import type { Boundaries } from '../map/geojson.js';
import {
  applySuppression,
  DEFAULT_K,
  linkedNonAdditive,
  methodNote,
  suppressFigure,
  type Audience,
} from '../suppression.js';
import { protectLinkedPage } from '../snapshot/linked-figures.js';
import { subCampaign } from '../snapshot/model.js';
import { levelLabel, territoryDisplayName } from './names.js';
import { applyCrossTerritory, crossTerritorySuppression } from '../suppression-territories.js';
import { attachTrends, STABLE_THRESHOLD_PERCENT, type PreviousRun } from '../trends.js';

export interface PreviousCampaign {
  label: string;
  campaign: Campaign;
}

export interface BrochureOptions {
  /** null: the whole network. */
  territory: { level: string; name: string } | null;
  k?: number;
  audience?: Audience;
  previous?: PreviousCampaign[];
  lang?: 'fr' | 'en';
  /** Territory boundaries for the map (--geojson) and the feature property naming territories. */
  boundaries?: Boundaries;
  boundaryProperty?: string;
  /** ISO date printed in the colophon; defaults to today. */
  generatedAt?: string;
  /**
   * The territory's structures, resolved by territory id (the territory and its descendants):
   * the scope is then these structures, whatever other territory shares the name.
   */
  structureIds?: ReadonlySet<string>;
  /**
   * Secondary suppression across the territories of the level by name (default true). A snapshot
   * turns it off: it protects every published cell together (src/publish/protect).
   */
  crossTerritory?: boolean;
}

export interface BrochureSection {
  title: string;
  intro?: string;
  figures: Figure[];
  /** Choice questions of the section, as computed by the statistics engine (suppressed bars removed). */
  charts: QuestionResult[];
}

export interface BrochureModel {
  title: string;
  subtitle?: string;
  publisher?: string;
  territory: { level: string; name: string } | null;
  /** "Nord" / "Flandre": what the brochure is about, for titles. */
  scopeLabel: string;
  lang: 'fr' | 'en';
  audience: Audience;
  k: number;
  responses: number;
  figures: Figure[];
  sections: BrochureSection[];
  map: {
    attribute: string;
    unit: string;
    territories: TerritoryCount[];
    total: number;
    boundaries?: Boundaries;
    property?: string;
  };
  methodNotes: string[];
  previousLabels: string[];
  generatedAt: string;
}

/** The territory asked for is not a value of the registry's column (worded at the edge). */
export class UnknownTerritoryError extends PanoramaError<'unknown_territory'> {
  constructor(
    readonly level: string,
    readonly territory: string,
    readonly known: string[],
  ) {
    super('unknown_territory', { territory, level, known });
    this.name = 'UnknownTerritoryError';
  }
}

export function knownTerritories(campaign: Campaign, level: string): string[] {
  const names = new Set(
    (campaign.registry?.structures ?? []).map((s) => s.attributes[level]).filter((v): v is string => !!v),
  );
  return [...names].sort((a, b) => a.localeCompare(b, 'fr'));
}

function chartQuestions(
  campaign: Campaign,
  file: IndicatorFile,
  scope: Scope | undefined,
  k: number,
  audience: Audience,
  lang: 'fr' | 'en',
) {
  const names = new Set(file.sections.flatMap((s) => s.charts));
  if (names.size === 0) return new Map<string, QuestionResult>();
  const ids = scope?.structureIds;
  const responses = ids
    ? campaign.responses.filter((r) => r.structure !== null && ids.has(r.structure))
    : campaign.responses;
  const report = buildReport(campaign.survey, responses, {
    lang,
    ...(campaign.registry ? { registry: campaign.registry } : {}),
    ...(scope && !ids ? { filters: [{ key: scope.attribute, value: scope.value }] } : {}),
  });
  const out = new Map<string, QuestionResult>();
  for (const q of report.questions) {
    if (!names.has(q.name)) continue;
    if (audience === 'public' && q.base < k) continue;
    // Public charts hide bars standing for fewer than k structures; no-answer rows add nothing here.
    const rows = (q.rows ?? [])
      .filter((r) => r.rowKind !== 'no-answer' && r.rowKind !== 'not-displayed')
      .map((r) => (audience === 'public' && r.count > 0 && r.count < k ? { ...r, percent: null } : r));
    const hidden = rows.filter((r) => r.percent === null).map((r) => r.label);
    const note =
      lang === 'fr'
        ? `Secret statistique : modalités citées par moins de ${k} structures non représentées (${hidden.join(', ')}).`
        : `Confidentiality: answers given by fewer than ${k} structures are not drawn (${hidden.join(', ')}).`;
    out.set(q.name, { ...q, rows, notes: hidden.length ? [note] : [] });
  }
  return out;
}

function previousFigures(campaign: Campaign, file: IndicatorFile, options: BrochureOptions): Figure[] {
  const { previous: _p, boundaries: _b, ...same } = options;
  try {
    return buildBrochure(campaign, file, same).figures;
  } catch (err) {
    // The territory did not exist that year: no previous value.
    if (err instanceof UnknownTerritoryError) return [];
    throw err;
  }
}

/** Everything a territorial brochure shows, with confidentiality applied: renderers only lay it out. */
export function buildBrochure(
  campaign: Campaign,
  file: IndicatorFile,
  options: BrochureOptions,
): BrochureModel {
  const lang = options.lang ?? 'fr';
  const k = options.k ?? DEFAULT_K;
  const audience = options.audience ?? 'public';
  const territory = options.territory;
  if (territory && !options.structureIds) {
    const known = knownTerritories(campaign, territory.level);
    if (!known.includes(territory.name))
      throw new UnknownTerritoryError(territory.level, territory.name, known);
  }
  const scope: Scope | undefined = territory
    ? {
        attribute: territory.level,
        value: territory.name,
        ...(options.structureIds ? { structureIds: options.structureIds } : {}),
      }
    : undefined;
  const evaluate = (c: Campaign) =>
    applySuppression(
      evaluateIndicators(c.survey, c.responses, c.registry, file, { ...(scope ? { scope } : {}), lang }),
      file.indicators,
      { k, audience, lang },
    );
  // An earlier campaign's figures are those its own brochure published (primary and secondary
  // suppression of that year): a value hidden then must not come back beside this year's.
  const previousRuns: PreviousRun[] = (options.previous ?? []).map((p) => ({
    label: p.label,
    figures: previousFigures(p.campaign, file, options),
  }));
  const templates = new Map(file.indicators.map((i) => [i.id, i.text]));
  let figures = applySuppression(
    attachTrends(evaluate(campaign), previousRuns, templates, lang),
    file.indicators,
    { k, audience, lang },
  );
  if (scope && audience === 'public' && options.crossTerritory !== false) {
    figures = applyCrossTerritory(
      figures,
      crossTerritorySuppression(campaign, file, scope.attribute, k, lang).get(scope.value),
    );
  }
  if (audience === 'public') {
    const scoped = subCampaign(campaign, (s) => {
      if (!scope) return true;
      if (s === null) return false;
      if (scope.structureIds) return scope.structureIds.has(s);
      return (
        campaign.registry?.structures.find((x) => x.id === s)?.attributes[scope.attribute] === scope.value
      );
    });
    figures = protectLinkedPage(scoped, figures, file.indicators, k, lang);
    const linked = linkedNonAdditive(figures, file.indicators, lang);
    figures = figures.map((f) => (linked.has(f.id) ? suppressFigure(f, linked.get(f.id)!) : f));
  }
  if (scope) {
    // The network value shown beside a territory's is the network brochure's, as protected there
    // (a snapshot, which protects all its pages together, puts its own network page's value).
    const { previous: _p, structureIds: _s, boundaries: _b, ...same } = options;
    const network =
      options.crossTerritory === false
        ? applySuppression(
            evaluateIndicators(campaign.survey, campaign.responses, campaign.registry, file, { lang }),
            file.indicators,
            { k, audience, lang },
          )
        : buildBrochure(campaign, file, { ...same, territory: null }).figures;
    const networkById = new Map(network.map((f) => [f.id, f.value]));
    // Counts of a territory are not comparable to the network's; rates, means and shares are.
    // Figures fixed to a registry subset (where on an attribute) are the same for every territory.
    const comparable = new Set(
      file.indicators
        .filter((i) => !['count', 'sum'].includes(i.kind) && conditionRefs(i.where).attributes.length === 0)
        .map((i) => i.id),
    );
    figures = figures.map((f) =>
      comparable.has(f.id) && networkById.get(f.id) != null ? { ...f, network: networkById.get(f.id)! } : f,
    );
  }
  const byId = new Map(figures.map((f) => [f.id, f]));
  const networkOnly = new Set(file.indicators.filter((i) => i.networkOnly).map((i) => i.id));
  const charts = chartQuestions(campaign, file, scope, k, audience, lang);
  const sections: BrochureSection[] = file.sections.map((s) => ({
    title: s.title,
    ...(s.intro ? { intro: s.intro } : {}),
    // A figure with no value and no suppression does not apply here (e.g. a Nord rate in a Pas-de-Calais brochure).
    figures: s.indicators
      .map((id) => byId.get(id)!)
      .filter((f) => f && (f.value !== null || f.suppressed) && !(territory && networkOnly.has(f.id))),
    charts: s.charts.map((q) => charts.get(q)).filter((q): q is QuestionResult => !!q),
  }));
  // A section left without any figure or chart in this territory is dropped rather than printed empty.
  for (let i = sections.length - 1; i >= 0; i--)
    if (!sections[i]!.figures.length && !sections[i]!.charts.length) sections.splice(i, 1);
  if (file.sections.length === 0)
    sections.push({ title: lang === 'fr' ? 'Chiffres clés' : 'Key figures', figures, charts: [] });
  const mapAttribute =
    territory &&
    territory.level !== file.territoryAttribute &&
    campaign.registry?.attributes.includes(file.territoryAttribute)
      ? file.territoryAttribute
      : (territory?.level ?? file.territoryAttribute);
  const territories = territoryCounts(
    campaign,
    mapAttribute,
    territory && territory.level !== mapAttribute ? scope : undefined,
    territory?.level === mapAttribute ? territory.name : undefined,
  );
  const notes = [
    audience === 'public'
      ? methodNote(k, lang)
      : lang === 'fr'
        ? 'Version administrateur : tous les chiffres sont affichés, y compris ceux couverts par le secret statistique. Ne pas diffuser.'
        : 'Administrator version: every figure is shown, including confidential ones. Do not distribute.',
    lang === 'fr'
      ? "Moyennes et médianes : sur les réponses renseignées. Parts : sur l'ensemble des réponses du périmètre, sauf mention contraire."
      : 'Means and medians: over the responses with a value. Shares: over all responses in scope unless stated otherwise.',
  ];
  if (previousRuns.length) {
    notes.push(
      lang === 'fr'
        ? `Évolutions : comparaison avec ${previousRuns.map((p) => p.label).join(', ')} ; « stable » quand l'écart est d'au plus ${STABLE_THRESHOLD_PERCENT} % (${STABLE_THRESHOLD_PERCENT} points pour un pourcentage).`
        : `Trends: compared with ${previousRuns.map((p) => p.label).join(', ')}; "stable" within ±${STABLE_THRESHOLD_PERCENT} % (points for percentages).`,
    );
  }
  return {
    title: file.title,
    ...(file.subtitle ? { subtitle: file.subtitle } : {}),
    ...(file.publisher ? { publisher: file.publisher } : {}),
    territory,
    scopeLabel: territory
      ? `${levelLabel(territory.level, lang)} : ${territoryDisplayName(territory.level, territory.name)}`
      : lang === 'fr'
        ? 'Ensemble du réseau'
        : 'Whole network',
    lang,
    audience,
    k,
    responses: buildUnits(campaign.responses, campaign.registry, scope).responses.length,
    figures,
    sections,
    map: {
      attribute: mapAttribute,
      unit: file.mapUnit,
      territories,
      total: territories.reduce((s, t) => s + t.structures, 0),
      ...(options.boundaries ? { boundaries: options.boundaries } : {}),
      ...(options.boundaryProperty ? { property: options.boundaryProperty } : {}),
    },
    methodNotes: notes,
    previousLabels: previousRuns.map((p) => p.label),
    generatedAt: options.generatedAt ?? new Date().toISOString().slice(0, 10),
  };
}
