/**
 * Equipment programmes: households (pseudonymous), items, gifts and loans, support actions,
 * resources, and the programme report. Every operation on a structure's records checks that the
 * structure is in the caller's scope; aggregates are the only thing a scope sees of the others.
 */
import { PanoramaError } from '../../contract/errors/index.js';
import {
  computeFigures,
  defaultFigureDefinitions,
  protectFigures,
  type FigureDefinition,
} from '../../solidarity/figures.js';
import { StoreConflictError, type Store } from '../../store/index.js';
import type { StoredAllocation, StoredHousehold, StoredItem } from '../../store/api-solidarity.js';
import type { Scope } from '../scope.js';
import { assertStructureAccess, loadSolidarityData, scopedStructureIds } from './data.js';
import type { z } from 'zod';
import type {
  allocationInputSchema,
  householdInputSchema,
  itemInputSchema,
  ProgrammeInputBody,
  resourceInputSchema,
  supportInputSchema,
} from './schemas.js';

async function conflictAs<T>(promise: Promise<T>, error: () => PanoramaError): Promise<T> {
  try {
    return await promise;
  } catch (err) {
    if (err instanceof StoreConflictError) throw error();
    throw err;
  }
}

export async function createProgramme(store: Store, input: ProgrammeInputBody, now: Date) {
  return conflictAs(
    store.solidarity.createProgramme(input, now.toISOString()),
    () => new PanoramaError('solidarity_duplicate', { what: 'Programme', id: input.id ?? '' }),
  );
}

async function programmeOrThrow(store: Store, id: string) {
  const programme = await store.solidarity.getProgramme(id);
  if (!programme) throw new PanoramaError('solidarity_not_found', { what: 'Programme', id });
  return programme;
}

export async function addHouseholds(
  store: Store,
  scope: Scope,
  programmeId: string,
  rows: z.infer<typeof householdInputSchema>[],
  now: Date,
): Promise<StoredHousehold[]> {
  for (const id of new Set(rows.map((r) => r.structureId))) await assertStructureAccess(store, scope, id);
  await programmeOrThrow(store, programmeId);
  return conflictAs(
    store.solidarity.addHouseholds(
      rows.map((r) => ({ ...r, programmeId })),
      now.toISOString(),
    ),
    () =>
      new PanoramaError('solidarity_duplicate', {
        what: 'Code de foyer',
        id: rows.map((r) => r.code).join(', '),
      }),
  );
}

/**
 * Households of one structure, contacts included (the structure's own staff), or of the whole
 * scope without contacts.
 */
export async function listHouseholds(
  store: Store,
  scope: Scope,
  options: { programmeId?: string; structureId?: string },
): Promise<StoredHousehold[]> {
  if (options.structureId) {
    await assertStructureAccess(store, scope, options.structureId);
    return store.solidarity.listHouseholds({
      structureIds: [options.structureId],
      withContact: true,
      ...(options.programmeId ? { programmeId: options.programmeId } : {}),
    });
  }
  const ids = await scopedStructureIds(store, scope);
  return store.solidarity.listHouseholds({
    ...(ids ? { structureIds: ids } : {}),
    ...(options.programmeId ? { programmeId: options.programmeId } : {}),
  });
}

export async function addItems(
  store: Store,
  scope: Scope,
  programmeId: string,
  rows: z.infer<typeof itemInputSchema>[],
  now: Date,
): Promise<StoredItem[]> {
  for (const id of new Set(rows.map((r) => r.structureId))) await assertStructureAccess(store, scope, id);
  await programmeOrThrow(store, programmeId);
  return conflictAs(
    store.solidarity.addItems(
      rows.map((r) => ({ ...r, programmeId })),
      now.toISOString(),
    ),
    () =>
      new PanoramaError('solidarity_duplicate', {
        what: 'Code de matériel',
        id: rows.map((r) => r.code).join(', '),
      }),
  );
}

export async function listItems(
  store: Store,
  scope: Scope,
  options: { programmeId?: string; structureId?: string },
) {
  let ids: string[] | undefined;
  if (options.structureId) {
    await assertStructureAccess(store, scope, options.structureId);
    ids = [options.structureId];
  } else ids = await scopedStructureIds(store, scope);
  const filter = {
    ...(ids ? { structureIds: ids } : {}),
    ...(options.programmeId ? { programmeId: options.programmeId } : {}),
  };
  const [items, allocations] = await Promise.all([
    store.solidarity.listItems(filter),
    store.solidarity.listAllocations(filter),
  ]);
  return { items, allocations };
}

async function itemInScope(store: Store, scope: Scope, itemId: string): Promise<StoredItem> {
  const item = await store.solidarity.getItem(itemId);
  if (!item) throw new PanoramaError('solidarity_not_found', { what: 'Matériel', id: itemId });
  await assertStructureAccess(store, scope, item.structureId);
  return item;
}

export async function transferItem(store: Store, scope: Scope, itemId: string, structureId: string) {
  await assertStructureAccess(store, scope, structureId);
  await itemInScope(store, scope, itemId);
  return store.solidarity.transferItem(itemId, structureId);
}

export async function allocate(
  store: Store,
  scope: Scope,
  input: z.infer<typeof allocationInputSchema>,
  now: Date,
): Promise<StoredAllocation> {
  const item = await itemInScope(store, scope, input.itemId);
  const household = await store.solidarity.getHousehold(input.householdId);
  if (!household) throw new PanoramaError('solidarity_not_found', { what: 'Foyer', id: input.householdId });
  await assertStructureAccess(store, scope, household.structureId);
  if (household.programmeId !== item.programmeId) {
    throw new PanoramaError('solidarity_loan_state', {
      reason: 'le foyer et le matériel relèvent de programmes différents',
    });
  }
  if (input.mode === 'pret' && !input.dueOn) {
    throw new PanoramaError('solidarity_loan_state', { reason: 'un prêt a une date de retour prévue' });
  }
  return conflictAs(
    store.solidarity.allocate(
      { ...input, dueOn: input.mode === 'pret' ? input.dueOn : null },
      now.toISOString(),
    ),
    () => new PanoramaError('solidarity_item_unavailable', { item: item.code }),
  );
}

async function allocationInScope(store: Store, scope: Scope, id: string) {
  const allocation = await store.solidarity.getAllocation(id);
  if (!allocation) throw new PanoramaError('solidarity_not_found', { what: 'Attribution', id });
  await itemInScope(store, scope, allocation.itemId);
  return allocation;
}

export async function recordReturn(
  store: Store,
  scope: Scope,
  id: string,
  returnedOn: string,
  condition: string | null,
) {
  const allocation = await allocationInScope(store, scope, id);
  if (returnedOn < allocation.date) {
    throw new PanoramaError('solidarity_loan_state', { reason: 'la date de retour précède la date du prêt' });
  }
  return conflictAs(
    store.solidarity.recordReturn(id, returnedOn, condition),
    () => new PanoramaError('solidarity_loan_state', { reason: 'ce n’est pas un prêt en cours' }),
  );
}

export async function extendLoan(store: Store, scope: Scope, id: string, dueOn: string) {
  await allocationInScope(store, scope, id);
  return conflictAs(
    store.solidarity.extendLoan(id, dueOn),
    () => new PanoramaError('solidarity_loan_state', { reason: 'seul un prêt en cours peut être prolongé' }),
  );
}

/** Loans still out after their due date, in the scope (household codes only). */
export async function overdueLoans(store: Store, scope: Scope, today: string) {
  const ids = await scopedStructureIds(store, scope);
  const filter = ids ? { structureIds: ids } : {};
  const [allocations, items, households] = await Promise.all([
    store.solidarity.listAllocations(filter),
    store.solidarity.listItems(filter),
    // An item may be lent to a household recorded by another structure: its pseudonymous code is shown.
    store.solidarity.listHouseholds(),
  ]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const householdById = new Map(households.map((h) => [h.id, h]));
  return allocations
    .filter((a) => a.mode === 'pret' && a.returnedOn === null && a.dueOn !== null && a.dueOn < today)
    .map((a) => ({
      allocationId: a.id,
      item: itemById.get(a.itemId)?.code ?? a.itemId,
      category: itemById.get(a.itemId)?.category ?? '',
      structureId: itemById.get(a.itemId)?.structureId ?? '',
      household: householdById.get(a.householdId)?.code ?? '',
      dueOn: a.dueOn!,
      remindedAt: a.remindedAt,
    }));
}

export async function addSupportAction(
  store: Store,
  scope: Scope,
  input: z.infer<typeof supportInputSchema>,
  now: Date,
) {
  const household = await store.solidarity.getHousehold(input.householdId);
  if (!household) throw new PanoramaError('solidarity_not_found', { what: 'Foyer', id: input.householdId });
  await assertStructureAccess(store, scope, household.structureId);
  const [action] = await store.solidarity.addSupportActions(
    [{ ...input, structureId: household.structureId }],
    now.toISOString(),
  );
  return action!;
}

export async function addResource(
  store: Store,
  scope: Scope,
  input: z.infer<typeof resourceInputSchema>,
  now: Date,
) {
  if (input.structureId) await assertStructureAccess(store, scope, input.structureId);
  else if (!scope.all) throw new PanoramaError('forbidden');
  return store.solidarity.addResource(input, now.toISOString());
}

/** Published resources (public: title, link, theme, public, date; never who uploaded). */
export async function listPublicResources(
  store: Store,
  filter: { type?: string; theme?: string; public?: string },
) {
  const resources = await store.solidarity.listResources();
  return resources
    .filter(
      (r) =>
        (!filter.type || r.type === filter.type) &&
        (!filter.theme || r.theme === filter.theme) &&
        (!filter.public || r.public === filter.public),
    )
    .map((r) => ({
      id: r.id,
      type: r.type,
      title: r.title,
      url: r.url,
      theme: r.theme,
      public: r.public,
      publishedOn: r.publishedOn,
    }));
}

/**
 * The programme report of a scope: figures computed from the stored records (default figures, or
 * those of a configuration). `publicThreshold`: counts between 1 and k − 1 are withheld.
 */
export async function programmeReport(
  store: Store,
  scope: Scope,
  options: { today: string; figures?: FigureDefinition[]; structureId?: string; publicThreshold?: number },
) {
  let ids: string[] | undefined;
  if (options.structureId) {
    await assertStructureAccess(store, scope, options.structureId);
    ids = [options.structureId];
  } else ids = await scopedStructureIds(store, scope);
  const data = await loadSolidarityData(store, ids);
  const definitions = options.figures ?? defaultFigureDefinitions(data);
  const figures = computeFigures(definitions, data, {
    asOf: options.today,
    ...(ids ? { placeIds: new Set(ids) } : {}),
  });
  return {
    figures: options.publicThreshold ? protectFigures(figures, options.publicThreshold) : figures,
  };
}
