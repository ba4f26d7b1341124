import { PanoramaError } from '../../contract/errors/index.js';
import type { SurveyModel } from '../../survey/model.js';
import type { Campaign } from '../input.js';
import { asNumber } from '../conditions.js';
import { buildUnits } from '../indicators/units.js';
import { quartile, sortedCopy } from '../indicators/numeric.js';
import { DEFAULT_K, type Audience } from '../suppression.js';
import { territoryDisplayName } from '../brochure/names.js';
import { isYearQuestion } from '../../report/format.js';

export interface GroupStats {
  key: 'territory' | 'network' | 'similar';
  label: string;
  /** Structures with a value in the group (the structure itself included). */
  n: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
  /** Set when the group has fewer than k structures (quartiles hidden). */
  suppressed?: string;
}

export interface SheetRow {
  question: string;
  title: string;
  /** The question holds calendar years: printed without a thousands separator. */
  year: boolean;
  value: number | null;
  groups: GroupStats[];
}

export interface StructureSheet {
  structure: { id: string; name: string; attributes: Record<string, string> };
  surveyTitle: string;
  level: string;
  territory: string | null;
  sizeQuestion?: string;
  sizeClass?: string;
  lang: 'fr' | 'en';
  k: number;
  rows: SheetRow[];
}

export interface SheetOptions {
  /** Registry attribute defining the structure's territory (default "territoire"). */
  level?: string;
  /** Numeric questions to show (default: every number question of the survey). */
  questions?: string[];
  /** Question defining size classes (default: the first of budget_total / etp / the first shown question). */
  sizeQuestion?: string;
  /** Class limits of sizeQuestion (default: the network's terciles). */
  sizeLimits?: number[];
  k?: number;
  audience?: Audience;
  lang?: 'fr' | 'en';
  /**
   * Structure id → territory id: when given, "its territory" is the structures of the same
   * territory id (two territories may share a name); otherwise the same `level` attribute value.
   */
  territoryIds?: ReadonlyMap<string, string>;
}

/** The structure of a sheet is not in the registry, or did not answer (worded at the edge). */
export class UnknownStructureError extends PanoramaError<'sheet_unknown_structure'> {
  constructor(readonly structureId: string) {
    super('sheet_unknown_structure', { structure: structureId });
    this.name = 'UnknownStructureError';
  }
}

function numberQuestions(survey: SurveyModel): string[] {
  return survey.questions.filter((q) => q.kind === 'number').map((q) => q.name);
}

function classIndex(value: number, limits: number[]): number {
  let i = 0;
  while (i < limits.length && value > limits[i]!) i++;
  return i;
}

function classLabel(i: number, limits: number[], lang: 'fr' | 'en'): string {
  const names = lang === 'fr' ? ['petite', 'moyenne', 'grande'] : ['small', 'medium', 'large'];
  if (limits.length === 2) return names[i]!;
  return lang === 'fr'
    ? `classe ${i + 1} sur ${limits.length + 1}`
    : `class ${i + 1} of ${limits.length + 1}`;
}

/**
 * One structure's own values beside the quartiles of its territory, of the whole network and of
 * similar structures (same territory and size class). Pure.
 */
export function buildStructureSheet(
  campaign: Campaign,
  structureId: string,
  options: SheetOptions = {},
): StructureSheet {
  const lang = options.lang ?? 'fr';
  const k = options.k ?? DEFAULT_K;
  const level = options.level ?? 'territoire';
  const structure = campaign.registry?.structures.find((s) => s.id === structureId);
  const units = buildUnits(campaign.responses, campaign.registry).respondents;
  const own = units.find((u) => u.structure === structureId);
  if (!structure || !own) throw new UnknownStructureError(structureId);
  const questions = options.questions ?? numberQuestions(campaign.survey);
  const sizeQuestion =
    options.sizeQuestion ?? ['budget_total', 'etp', ...questions].find((q) => campaign.survey.byName.has(q));
  const territory = structure.attributes[level] ?? null;
  const ownTerritoryId = options.territoryIds?.get(structureId);
  const inTerritory = units.filter((u) =>
    options.territoryIds
      ? ownTerritoryId !== undefined &&
        u.structure !== null &&
        options.territoryIds.get(u.structure) === ownTerritoryId
      : territory !== null && u.attributes[level] === territory,
  );
  let similar = inTerritory;
  let sizeClass: string | undefined;
  if (sizeQuestion) {
    const sizes = sortedCopy(
      units.map((u) => asNumber(u.data[sizeQuestion])).filter((v): v is number => v !== undefined),
    );
    const limits = options.sizeLimits ?? [tercile(sizes, 1), tercile(sizes, 2)];
    const ownSize = asNumber(own.data[sizeQuestion]);
    if (ownSize !== undefined) {
      const mine = classIndex(ownSize, limits);
      sizeClass = classLabel(mine, limits, lang);
      similar = inTerritory.filter((u) => {
        const v = asNumber(u.data[sizeQuestion]);
        return v !== undefined && classIndex(v, limits) === mine;
      });
    }
  }
  const fr = lang === 'fr';
  const territoryName = territory ? territoryDisplayName(level, territory) : '';
  const groups: { key: GroupStats['key']; label: string; units: typeof units }[] = [
    ...(territory ? [{ key: 'territory' as const, label: territoryName, units: inTerritory }] : []),
    { key: 'network', label: fr ? 'Ensemble du réseau' : 'Whole network', units },
    ...(sizeClass && territory
      ? [
          {
            key: 'similar' as const,
            label: fr ? `Même territoire et taille ${sizeClass}` : `Same territory, ${sizeClass} size`,
            units: similar,
          },
        ]
      : []),
  ];
  const rows = questions.map((name): SheetRow => {
    const def = campaign.survey.byName.get(name);
    return {
      question: name,
      title: def?.title ?? name,
      year: def ? isYearQuestion(def) : false,
      value: asNumber(own.data[name]) ?? null,
      groups: groups.map((g) => {
        const values = sortedCopy(
          g.units.map((u) => asNumber(u.data[name])).filter((v): v is number => v !== undefined),
        );
        const hide = options.audience !== 'admin' && values.length < k;
        return {
          key: g.key,
          label: g.label,
          n: values.length,
          q1: hide ? null : quartile(values, 1),
          median: hide ? null : quartile(values, 2),
          q3: hide ? null : quartile(values, 3),
          ...(hide ? { suppressed: fr ? `moins de ${k} structures` : `fewer than ${k} structures` } : {}),
        };
      }),
    };
  });
  return {
    structure: { id: structure.id, name: structure.name, attributes: structure.attributes },
    surveyTitle: campaign.survey.title,
    level,
    territory,
    ...(sizeQuestion ? { sizeQuestion } : {}),
    ...(sizeClass ? { sizeClass } : {}),
    lang,
    k,
    rows,
  };
}

/** Tercile limit t (1 or 2) of sorted values, interpolated like the quartiles (position (n+1)t/3). */
function tercile(sorted: number[], t: 1 | 2): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const pos = ((n + 1) * t) / 3;
  if (pos <= 1) return sorted[0]!;
  if (pos >= n) return sorted[n - 1]!;
  const lower = Math.floor(pos);
  return sorted[lower - 1]! + (pos - lower) * (sorted[lower]! - sorted[lower - 1]!);
}
