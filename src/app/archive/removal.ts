import { PanoramaError } from '../../contract/errors/index.js';
import type { ArchiveKind } from '../../store/api-archive.js';
import type { Repositories, Store } from '../../store/index.js';

/**
 * Deleting and archiving, with the rules that keep data safe:
 * - a structure that holds answers (or solidarity data) is archived, never erased; without any it
 *   is deleted with its unanswered invitations;
 * - a campaign with answers (drafts included) is archived; without any it is deleted;
 * - a territory still holding structures, sub-territories or accounts is not deleted (409, why);
 * - a questionnaire used by a campaign, archived or not, is not deleted (409, which campaigns).
 * The preview says what a removal will do before the administrator confirms; every action is
 * written to the audit log in the same transaction as the change.
 */

export type RemovalAction = 'delete' | 'archive' | 'refuse' | 'archived';

export interface RemovalPreview {
  kind: ArchiveKind;
  id: string;
  name: string;
  /** What a removal will do now ('archived': already archived, it can be restored). */
  action: RemovalAction;
  submitted: number;
  drafts: number;
  invitations: number;
  solidarity: number;
  structures: number;
  children: number;
  users: number;
  /** Campaigns using the questionnaire. */
  campaigns: string[];
}

export interface RemovalResult {
  done: 'deleted' | 'archived' | 'restored' | 'unchanged';
  preview: RemovalPreview;
}

const empty = {
  submitted: 0,
  drafts: 0,
  invitations: 0,
  solidarity: 0,
  structures: 0,
  children: 0,
  users: 0,
};

async function previewWith(repos: Repositories, kind: ArchiveKind, id: string): Promise<RemovalPreview> {
  switch (kind) {
    case 'structure': {
      const s = await repos.structures.get(id);
      if (!s) throw new PanoramaError('not_found', { what: 'structure', id });
      const usage = await repos.archive.structureUsage(id);
      const keeps = usage.submitted + usage.drafts + usage.solidarity > 0;
      const action = s.archivedAt ? 'archived' : keeps ? 'archive' : 'delete';
      return { ...empty, ...usage, kind, id, name: s.name, action, campaigns: [] };
    }
    case 'campaign': {
      const c = await repos.campaigns.get(id);
      if (!c) throw new PanoramaError('not_found', { what: 'campaign', id });
      const usage = await repos.archive.campaignUsage(id);
      const action = c.archivedAt ? 'archived' : usage.submitted + usage.drafts > 0 ? 'archive' : 'delete';
      return { ...empty, ...usage, kind, id, name: c.name, action, campaigns: [] };
    }
    case 'territory': {
      const t = await repos.territories.get(id);
      if (!t) throw new PanoramaError('not_found', { what: 'territory', id });
      const usage = await repos.archive.territoryUsage(id);
      const action = usage.structures + usage.children + usage.users > 0 ? 'refuse' : 'delete';
      return { ...empty, ...usage, kind, id, name: t.name, action, campaigns: [] };
    }
    case 'survey': {
      const s = await repos.surveys.get(id);
      if (!s) throw new PanoramaError('not_found', { what: 'survey', id });
      const campaigns = (await repos.archive.surveyCampaigns(id)).map((c) => c.name);
      return {
        ...empty,
        kind,
        id,
        name: s.title,
        action: campaigns.length > 0 ? 'refuse' : 'delete',
        campaigns,
      };
    }
  }
}

/** What removing this item would do, and what it holds (for the confirmation dialog). */
export async function previewRemoval(store: Store, kind: ArchiveKind, id: string): Promise<RemovalPreview> {
  return store.transaction((repos) => previewWith(repos, kind, id));
}

function refusal(preview: RemovalPreview): PanoramaError {
  return preview.kind === 'survey'
    ? new PanoramaError('survey_in_use', { title: preview.name, campaigns: preview.campaigns })
    : new PanoramaError('territory_in_use', {
        name: preview.name,
        structures: preview.structures,
        children: preview.children,
        users: preview.users,
      });
}

/**
 * Deletes or archives, as the rules decide (decided again inside the transaction, so an answer
 * arriving after the preview turns a deletion into an archiving, never into a loss).
 */
export async function removeItem(
  store: Store,
  input: { kind: ArchiveKind; id: string; actor: string; now?: string },
): Promise<RemovalResult> {
  const now = input.now ?? new Date().toISOString();
  return store.transaction(async (repos) => {
    const preview = await previewWith(repos, input.kind, input.id);
    const details = {
      name: preview.name,
      submitted: preview.submitted,
      drafts: preview.drafts,
      invitations: preview.invitations,
    };
    const record = (verb: string) =>
      repos.audit.record(
        { actor: input.actor, action: `${input.kind}.${verb}`, target: input.id, details },
        now,
      );
    switch (preview.action) {
      case 'refuse':
        throw refusal(preview);
      case 'archived':
        return { done: 'unchanged', preview };
      case 'archive':
        await repos.archive.setArchived(input.kind as 'structure' | 'campaign', input.id, {
          at: now,
          by: input.actor,
        });
        await record('archive');
        return { done: 'archived', preview };
      case 'delete':
        if (input.kind === 'structure') await repos.archive.deleteStructure(input.id);
        else if (input.kind === 'campaign') await repos.campaigns.delete(input.id);
        else if (input.kind === 'survey') await repos.archive.deleteSurvey(input.id);
        else await repos.territories.delete(input.id);
        await record('delete');
        return { done: 'deleted', preview };
    }
  });
}

/** Brings an archived structure or campaign back into the lists (its answers never left). */
export async function restoreItem(
  store: Store,
  input: { kind: 'structure' | 'campaign'; id: string; actor: string; now?: string },
): Promise<RemovalResult> {
  return store.transaction(async (repos) => {
    const preview = await previewWith(repos, input.kind, input.id);
    if (preview.action !== 'archived') return { done: 'unchanged', preview };
    await repos.archive.setArchived(input.kind, input.id, null);
    await repos.audit.record(
      {
        actor: input.actor,
        action: `${input.kind}.restore`,
        target: input.id,
        details: { name: preview.name },
      },
      input.now,
    );
    return { done: 'restored', preview: await previewWith(repos, input.kind, input.id) };
  });
}
