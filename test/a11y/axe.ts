import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The rules the public and respondent pages must pass: WCAG 2.0 and 2.1, levels A and AA (RGAA AA). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (injected through the DevTools protocol, so the pages' Content Security
 * Policy stays as served) and returns the violations, each with the selectors of its elements.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: unknown) => Promise<unknown> } })
      .axe;
    const result = (await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })) as {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; html: string; failureSummary?: string }[];
      }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map(
        (n) =>
          `${n.target.join(' ')} ${n.html.slice(0, 160)} — ${(n.failureSummary ?? '').split('\n').slice(0, 2).join(' ')}`,
      ),
    }));
  }, WCAG_TAGS);
}

export function describeViolations(url: string, violations: Violation[]): string {
  return violations
    .map((v) => `${url}: ${v.id} (${v.impact}) ${v.help}\n    ${v.nodes.slice(0, 5).join('\n    ')}`)
    .join('\n');
}
