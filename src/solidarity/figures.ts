/**
 * The accounting of a digital-solidarity programme: counts computed from the raw records
 * (households, items, allocations, support actions, resources), each figure defined by a measure
 * and filters, so a network can name its own figures (e.g. the seed's « 38 smartphones ») in a
 * configuration file. Counts only: no figure carries a household code.
 */
import { z } from 'zod';
import {
  ALLOCATION_MODES,
  HOUSEHOLD_TYPES,
  ITEM_CATEGORIES,
  RESOURCE_TYPES,
  SUPPORT_TYPES,
  type Allocation,
  type SolidarityData,
} from './domain.js';

export const MEASURES = [
  'households',
  'households_equipped',
  'items',
  'items_allocated',
  'allocations',
  'items_in_stock',
  'loans_active',
  'loans_overdue',
  'loans_returned',
  'support_actions',
  'support_minutes',
  'resources',
] as const;
export type Measure = (typeof MEASURES)[number];

export const figureDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _'),
    label: z.string().min(1),
    unit: z.string().default(''),
    measure: z.enum(MEASURES),
    programme: z.string().optional(),
    /** households: only targeted ones. */
    targeted: z.boolean().optional(),
    householdType: z.enum(HOUSEHOLD_TYPES).optional(),
    category: z.enum(ITEM_CATEGORIES).optional(),
    mode: z.enum(ALLOCATION_MODES).optional(),
    supportType: z.enum(SUPPORT_TYPES).optional(),
    resourceType: z.enum(RESOURCE_TYPES).optional(),
  })
  .strict();
export type FigureDefinition = z.infer<typeof figureDefinitionSchema>;

export const figureConfigSchema = z.object({ figures: z.array(figureDefinitionSchema).min(1) }).strict();
export type FigureConfig = z.infer<typeof figureConfigSchema>;

export interface Figure {
  id: string;
  label: string;
  value: number;
  unit: string;
}

export interface FigureOptions {
  /** Only these structures (a structure's own report, a territory). Undefined = all. */
  placeIds?: ReadonlySet<string>;
  /** Reference date (YYYY-MM-DD) for overdue loans; default today. */
  asOf?: string;
}

/** Indexes shared by every figure of one computation. */
function indexes(data: SolidarityData, options: FigureOptions) {
  const inScope = (placeId: string | null) =>
    !options.placeIds || (placeId !== null && options.placeIds.has(placeId));
  const items = data.items.filter((i) => inScope(i.placeId));
  const itemById = new Map(items.map((i) => [i.id, i]));
  const households = data.households.filter((h) => inScope(h.placeId));
  const householdById = new Map(data.households.map((h) => [h.id, h]));
  // An allocation belongs to the structure holding the item.
  const allocations = data.allocations.filter((a) => itemById.has(a.itemId));
  const byItem = new Map<string, Allocation[]>();
  for (const a of allocations) {
    const list = byItem.get(a.itemId) ?? [];
    list.push(a);
    byItem.set(a.itemId, list);
  }
  for (const list of byItem.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return { inScope, items, itemById, households, householdById, allocations, byItem };
}

export function computeFigure(
  def: FigureDefinition,
  data: SolidarityData,
  options: FigureOptions = {},
  ix = indexes(data, options),
): number {
  const itemMatches = (itemId: string) => {
    const item = ix.itemById.get(itemId);
    return (
      !!item &&
      (def.programme === undefined || item.programmeId === def.programme) &&
      (def.category === undefined || item.category === def.category)
    );
  };
  const allocationsOf = () =>
    ix.allocations.filter((a) => itemMatches(a.itemId) && (def.mode === undefined || a.mode === def.mode));
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  switch (def.measure) {
    case 'households':
      return ix.households.filter(
        (h) =>
          (def.programme === undefined || h.programmeId === def.programme) &&
          (def.targeted === undefined || h.targeted === def.targeted) &&
          (def.householdType === undefined || h.type === def.householdType),
      ).length;
    case 'households_equipped':
      return new Set(
        allocationsOf()
          .filter((a) => {
            const h = ix.householdById.get(a.householdId);
            return def.householdType === undefined || h?.type === def.householdType;
          })
          .map((a) => a.householdId),
      ).size;
    case 'items':
      return ix.items.filter((i) => itemMatches(i.id)).length;
    case 'items_allocated':
      return new Set(allocationsOf().map((a) => a.itemId)).size;
    case 'allocations':
      return allocationsOf().length;
    case 'items_in_stock':
      // Never allocated, or back from its last loan.
      return ix.items.filter((i) => {
        if (!itemMatches(i.id)) return false;
        const list = ix.byItem.get(i.id);
        const last = list?.[list.length - 1];
        return !last || (last.mode === 'pret' && last.returnedOn !== null);
      }).length;
    case 'loans_active':
      return allocationsOf().filter((a) => a.mode === 'pret' && a.returnedOn === null).length;
    case 'loans_overdue':
      return allocationsOf().filter(
        (a) => a.mode === 'pret' && a.returnedOn === null && a.dueOn !== null && a.dueOn < asOf,
      ).length;
    case 'loans_returned':
      return allocationsOf().filter((a) => a.mode === 'pret' && a.returnedOn !== null).length;
    case 'support_actions':
    case 'support_minutes': {
      const actions = data.supportActions.filter((s) => {
        if (!ix.inScope(s.placeId)) return false;
        if (def.supportType !== undefined && s.type !== def.supportType) return false;
        if (def.programme !== undefined && ix.householdById.get(s.householdId)?.programmeId !== def.programme)
          return false;
        return true;
      });
      return def.measure === 'support_actions'
        ? actions.length
        : actions.reduce((sum, s) => sum + (s.minutes ?? 0), 0);
    }
    case 'resources':
      return data.resources.filter(
        (r) => ix.inScope(r.placeId) && (def.resourceType === undefined || r.type === def.resourceType),
      ).length;
  }
}

export function computeFigures(
  defs: readonly FigureDefinition[],
  data: SolidarityData,
  options: FigureOptions = {},
): Figure[] {
  const ix = indexes(data, options);
  return defs.map((def) => ({
    id: def.id,
    label: def.label,
    unit: def.unit,
    value: computeFigure(def, data, options, ix),
  }));
}

const CATEGORY_FR: Record<string, string> = {
  smartphone: 'smartphones',
  telephone: 'téléphones',
  tablette: 'tablettes',
  ordinateur: 'ordinateurs',
  connexion: 'connexions internet',
};

/** The standard report when a network has named no figures: per programme, then resources. */
export function defaultFigureDefinitions(data: SolidarityData): FigureDefinition[] {
  const defs: FigureDefinition[] = [];
  for (const p of data.programmes) {
    const key = p.id.toLowerCase().replace(/[^a-z0-9]+/g, '_');
    const add = (suffix: string, label: string, unit: string, extra: Partial<FigureDefinition>) =>
      defs.push({
        id: `${key}_${suffix}`,
        label: `${p.name} — ${label}`,
        unit,
        programme: p.id,
        ...extra,
      } as FigureDefinition);
    add('foyers_reperes', 'foyers repérés', 'foyers', { measure: 'households' });
    add('foyers_cibles', 'foyers ciblés', 'foyers', { measure: 'households', targeted: true });
    add('foyers_equipes', 'foyers équipés', 'foyers', { measure: 'households_equipped' });
    add('materiel_recu', 'matériel reçu', 'appareils', { measure: 'items' });
    for (const category of ITEM_CATEGORIES) {
      if (!data.items.some((i) => i.programmeId === p.id && i.category === category)) continue;
      add(`${category}_attribues`, `${CATEGORY_FR[category]} attribués`, 'appareils', {
        measure: 'items_allocated',
        category,
      });
    }
    add('dons', 'attributions en don', 'attributions', { measure: 'allocations', mode: 'don' });
    add('prets', 'attributions en prêt', 'attributions', { measure: 'allocations', mode: 'pret' });
    add('prets_en_cours', 'prêts en cours', 'prêts', { measure: 'loans_active' });
    add('prets_en_retard', 'prêts en retard', 'prêts', { measure: 'loans_overdue' });
    add('prets_rendus', 'prêts rendus', 'prêts', { measure: 'loans_returned' });
    add('en_stock', 'matériel en stock', 'appareils', { measure: 'items_in_stock' });
    add('visites_domicile', 'visites à domicile', 'visites', {
      measure: 'support_actions',
      supportType: 'visite_domicile',
    });
    add('appels', 'appels', 'appels', { measure: 'support_actions', supportType: 'appel' });
  }
  defs.push(
    {
      id: 'ressources_en_ligne',
      label: 'Ressources en ligne',
      unit: 'ressources',
      measure: 'resources',
      resourceType: 'ressource',
    },
    {
      id: 'tutoriels',
      label: 'Tutoriels vidéo',
      unit: 'tutoriels',
      measure: 'resources',
      resourceType: 'tutoriel',
    },
    {
      id: 'activites',
      label: 'Activités interactives',
      unit: 'activités',
      measure: 'resources',
      resourceType: 'activite',
    },
  );
  return defs;
}

/**
 * Statistical confidentiality of public outputs: a count between 1 and k − 1 is withheld (null),
 * as in the publications; 0 stays (nothing to protect).
 */
export function protectFigures(
  figures: readonly Figure[],
  k: number,
): (Omit<Figure, 'value'> & { value: number | null })[] {
  return figures.map((f) => ({ ...f, value: f.value > 0 && f.value < k ? null : f.value }));
}
