/** Wording shared by every input problem: values quoted briefly, likely meant names suggested. */

/** Short, quoted rendering of a value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…${text.endsWith('"') ? '"' : ''}` : text;
}

/**
 * The known name a mistyped one most likely meant: same letters ignoring case and accents, or at
 * most two edits away. Only computed for problems, so its cost does not matter.
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const target = fold(name);
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const folded = fold(candidate);
    if (folded === target) return candidate;
    if (Math.abs(folded.length - target.length) >= bestDistance) continue;
    const d = editDistance(folded, target);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return target.length > 3 ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
