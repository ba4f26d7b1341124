import type { Campaign, Invitation, StoredStructure, Territory } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { scopeIncludes, type Scope } from '../scope.js';
import { participationGroups } from '../../stats/participation.js';
import { percentOf } from '../../report/format.js';

export interface ParticipationRow {
  id: string;
  name: string;
  territory: string | null;
  territoryId: string | null;
  status: Invitation['status'];
  submittedAt: string | null;
  link: string;
  email: string | null;
  remindedAt: string | null;
  reminderCount: number;
  invitationId: string;
}

/** Invitations of a campaign's structures visible in `scope`, joined with structure and response dates. */
export async function participationRows(
  ctx: Pick<AppDeps, 'store' | 'config'>,
  scope: Scope,
  campaign: Campaign,
): Promise<{
  rows: ParticipationRow[];
  structures: Map<string, StoredStructure>;
  territories: Map<string, Territory>;
}> {
  const territories = new Map((await ctx.store.territories.list()).map((t) => [t.id, t]));
  const invitations = (await ctx.store.invitations.list(campaign.id)).filter((i) => i.structureId !== null);
  const structures = new Map(
    (await ctx.store.structures.list({ ids: invitations.map((i) => i.structureId!) })).map((s) => [s.id, s]),
  );
  const submitted = await ctx.store.responses.submissionDates(campaign.id);
  const rows: ParticipationRow[] = [];
  for (const invitation of invitations) {
    const structure = structures.get(invitation.structureId!);
    if (!structure || !scopeIncludes(scope, structure.territoryId)) continue;
    rows.push({
      id: structure.id,
      name: structure.name,
      territoryId: structure.territoryId,
      territory: structure.territoryId ? (territories.get(structure.territoryId)?.name ?? null) : null,
      status: invitation.status,
      submittedAt: invitation.status === 'submitted' ? (submitted.get(invitation.id) ?? null) : null,
      link: `${ctx.config.baseUrl}/r/${invitation.token}`,
      email: structure.attributes.email ?? invitation.email,
      remindedAt: invitation.lastRemindedAt,
      reminderCount: invitation.reminderCount,
      invitationId: invitation.id,
    });
  }
  rows.sort(
    (a, b) =>
      (a.territory ?? '').localeCompare(b.territory ?? '', 'fr') || a.name.localeCompare(b.name, 'fr'),
  );
  return { rows, structures, territories };
}

const NO_GROUP = '(non renseigné)';

/** The group of a structure for `by`: a territory level along its ancestors, or an attribute. */
export function groupOf(
  structure: StoredStructure,
  by: string,
  territories: ReadonlyMap<string, Territory>,
): string {
  const levels = new Set([...territories.values()].map((t) => t.level));
  if (levels.has(by)) {
    for (let t = structure.territoryId ? territories.get(structure.territoryId) : undefined; t;) {
      if (t.level === by) return t.name;
      t = t.parentId ? territories.get(t.parentId) : undefined;
    }
    return NO_GROUP;
  }
  switch (by) {
    case 'type':
      return structure.type ?? NO_GROUP;
    case 'qpv':
      return structure.qpv === null ? NO_GROUP : structure.qpv ? 'oui' : 'non';
    case 'manager_type':
    case 'managerType':
      return structure.managerType ?? NO_GROUP;
    case 'commune_code':
    case 'communeCode':
      return structure.communeCode ?? NO_GROUP;
    default:
      return structure.attributes[by] || NO_GROUP;
  }
}

/** Population, responses and rate overall and per group (`by`: a territory level or an attribute). */
export function summarise(
  rows: ParticipationRow[],
  structures: ReadonlyMap<string, StoredStructure>,
  territories: ReadonlyMap<string, Territory>,
  by: string,
) {
  const responses = rows.filter((r) => r.status === 'submitted').length;
  return {
    population: rows.length,
    responses,
    rate: percentOf(responses, rows.length),
    by,
    byGroup: participationGroups(
      rows.map((row) => ({
        group: groupOf(structures.get(row.id)!, by, territories),
        responses: row.status === 'submitted' ? 1 : 0,
      })),
    ),
  };
}
