import { communeEntries, type CommuneEntry } from '../../ingest/commune.js';
import type { CommunesResponse } from '../../contract/communes.js';

/** Lower case, no accents, hyphens and apostrophes as spaces: "Saint-Omer" and "st omer" meet. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .trim();
}

let folded: { entry: CommuneEntry; name: string }[] | undefined;

function index(): { entry: CommuneEntry; name: string }[] {
  folded ??= communeEntries().map((entry) => ({ entry, name: foldName(entry.name) }));
  return folded;
}

/**
 * Communes whose name starts with the text (then those whose name contains it), shortest names
 * first so that "Lille" comes before "Lillebonne"; or, for digits, those whose INSEE code starts
 * with them. Bounded by `limit`.
 */
export function searchCommunes(text: string, limit: number): CommunesResponse {
  const query = foldName(text);
  const byCode = /^[0-9][0-9AB]{0,4}$/i.test(query.replace(/ /g, ''));
  const code = query.replace(/ /g, '').toUpperCase();
  const starts: CommuneEntry[] = [];
  const contains: CommuneEntry[] = [];
  for (const { entry, name } of index()) {
    if (byCode) {
      if (entry.code.startsWith(code)) starts.push(entry);
    } else if (name.startsWith(query)) starts.push(entry);
    else if (name.includes(` ${query}`)) contains.push(entry);
  }
  const order = (a: CommuneEntry, b: CommuneEntry) =>
    a.name.length - b.name.length || a.name.localeCompare(b.name, 'fr') || a.code.localeCompare(b.code);
  const all = [...starts.sort(order), ...contains.sort(order)];
  return { communes: all.slice(0, limit), truncated: all.length > limit };
}

/** The communes of the given codes (unknown codes are left out): names shown instead of codes. */
export function communesByCode(codes: readonly string[]): CommunesResponse {
  const wanted = new Set(codes);
  const communes = communeEntries().filter((entry) => wanted.has(entry.code));
  return { communes, truncated: false };
}
