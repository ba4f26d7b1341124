import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Figure } from '../../src/publish/indicators/figure.js';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { attack, type Page } from '../publish/support/attacker.js';
import { DEMO_INDICATORS } from './demo-indicators.js';

interface FigureJson {
  id: string;
  value: number | null;
  base: number | null;
  reason?: string;
}
interface ChartJson {
  question: string;
  base: number;
  bars: { value: unknown; percent: number }[];
}
interface BrochureJson {
  figures: FigureJson[];
  charts: ChartJson[];
}

const CHOICES = ['familles', 'enfants', 'jeunes', 'seniors', 'handicap', 'other'];
const kinds = new Map(DEMO_INDICATORS.indicators.map((i) => [i.id, i.kind]));

/** A page as the attacker reads it from the public JSON: figures, and each chart bar as a count. */
function pageOf(cell: string, json: BrochureJson): Page {
  const figures: Figure[] = json.figures.map((f) => ({
    id: f.id,
    label: f.id,
    kind: kinds.get(f.id) ?? 'unknown',
    value: f.value,
    unit: '',
    base: f.base ?? 0,
    decimals: 0,
    ...(f.reason ? { suppressed: { reason: f.reason } } : {}),
  }));
  const chart = json.charts.find((c) => c.question === 'publics');
  for (const choice of CHOICES) {
    const bar = chart?.bars.find((b) => String(b.value) === choice);
    const count = bar ? Math.round((bar.percent * chart!.base) / 100) : null;
    figures.push({
      id: `publics_${choice}`,
      label: choice,
      kind: 'count',
      value: count,
      unit: '',
      base: count ?? 0,
      decimals: 0,
      ...(count === null ? { suppressed: { reason: chart ? 'bar not drawn' : 'chart not shown' } } : {}),
    });
  }
  return { cell, figures };
}

describe('differencing: every public page of the demo snapshot', () => {
  let server: TestServer;
  let closed: string;
  before(async () => {
    server = await startTestServer();
    closed = server.demo.closedCampaign.id;
    await server.store.publications.setIndicators(closed, DEMO_INDICATORS, null);
  });
  after(() => server.close());

  it('no figure or chart bar hidden for fewer than k structures is recovered from the others', async () => {
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: `/api/campaigns/${closed}/publish`,
      payload: { published: true },
    });
    assert.equal(res.statusCode, 200, res.body);
    const get = async (url: string) => {
      const r = await server.request(undefined, { method: 'GET', url });
      assert.equal(r.statusCode, 200, `${url}: ${r.body}`);
      return r.json<unknown>();
    };
    const index = (await get(`/public/campagnes/${closed}/publication.json`)) as {
      cells: { key: string; parent: string | null }[];
    };
    const pages: Page[] = [];
    for (const cell of index.cells) {
      const query = cell.key === 'network' ? '' : `territoire=${encodeURIComponent(cell.key)}&`;
      pages.push(
        pageOf(
          cell.key,
          (await get(`/public/campagnes/${closed}/plaquette?${query}format=json`)) as BrochureJson,
        ),
      );
    }
    const children: Record<string, string[]> = {};
    for (const c of index.cells) if (c.parent) (children[c.parent] ??= []).push(c.key);
    const k = 5;
    // The attacker does not know how many structures sit outside the sub-territories: a rest each.
    const leaks = attack(pages, {
      children,
      rests: Object.keys(children),
      indicators: [...DEMO_INDICATORS.indicators.map((i) => i.id), ...CHOICES.map((c) => `publics_${c}`)],
    });
    const hiddenFor = (cell: string, id: string) =>
      pages.find((p) => p.cell === cell)!.figures.find((f) => f.id === id)!.suppressed!.reason;
    // Secondary cells (k or more structures) may be solved: only a cell under k is a leak.
    const real = leaks.filter((l) =>
      l.indicator.startsWith('publics_')
        ? l.value > 0.5 && l.value < k - 0.5
        : !hiddenFor(l.cell, l.indicator).startsWith('suppression secondaire'),
    );
    assert.deepEqual(real, []);
    const hidden = pages.flatMap((p) => p.figures.filter((f) => f.suppressed)).length;
    assert.ok(hidden > 0, `there are hidden cells to look for (${hidden})`);
  });
});
