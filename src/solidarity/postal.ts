import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let byCommune: Map<string, string[]> | undefined;

/** Postal codes of a commune (INSEE code), from the official geography; [] when unknown. */
export function postalCodesOf(communeCode: string): string[] {
  if (!byCommune) {
    const require = createRequire(import.meta.url);
    const raw = JSON.parse(
      readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
    ) as { code: string; type: string; codesPostaux?: string[] }[];
    byCommune = new Map();
    for (const c of raw) {
      if (c.type !== 'commune-actuelle' && byCommune.has(c.code)) continue;
      if (c.codesPostaux?.length) byCommune.set(c.code, [...new Set(c.codesPostaux)].sort());
    }
  }
  return byCommune.get(communeCode.trim().toUpperCase()) ?? [];
}
