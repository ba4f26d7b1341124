import type { Translate } from '../i18n.js';
import type { Territory } from '../types.js';

const KNOWN_LEVELS = new Set(['region', 'departement', 'territoire']);

/** "departement" → "Département"; a free level name is shown as stored. */
export function levelLabel(level: string, t: Translate): string {
  return KNOWN_LEVELS.has(level) ? t(`group.${level as 'region' | 'departement' | 'territoire'}`) : level;
}

export interface TerritoryNode extends Territory {
  children: TerritoryNode[];
}

/** Roots first, children sorted by name; a parent outside the list (scoped user) makes a root. */
export function buildTree(territories: Territory[]): TerritoryNode[] {
  const nodes = new Map<string, TerritoryNode>(territories.map((t) => [t.id, { ...t, children: [] }]));
  const roots: TerritoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: TerritoryNode[]) => {
    list.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** Depth-first list with depth, for indented <select> options. */
export function flattenTree(
  roots: TerritoryNode[],
  depth = 0,
): { territory: TerritoryNode; depth: number }[] {
  return roots.flatMap((territory) => [{ territory, depth }, ...flattenTree(territory.children, depth + 1)]);
}

export function TerritoryTree({
  roots,
  selected,
  onSelect,
  allLabel,
  label,
  t,
}: {
  roots: TerritoryNode[];
  selected: string | undefined;
  onSelect: (id: string | undefined) => void;
  allLabel: string;
  label: string;
  t: Translate;
}) {
  const renderNodes = (nodes: TerritoryNode[]) => (
    <ul>
      {nodes.map((node) => (
        <li key={node.id}>
          <button
            type="button"
            className="tree-item"
            aria-current={selected === node.id ? 'true' : undefined}
            onClick={() => onSelect(node.id)}
          >
            {node.name} <span className="muted small">{levelLabel(node.level, t)}</span>
          </button>
          {node.children.length > 0 && renderNodes(node.children)}
        </li>
      ))}
    </ul>
  );
  return (
    <nav className="tree" aria-label={label}>
      <button
        type="button"
        className="tree-item"
        aria-current={selected === undefined ? 'true' : undefined}
        onClick={() => onSelect(undefined)}
      >
        {allLabel}
      </button>
      {renderNodes(roots)}
    </nav>
  );
}
