import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { formatNumber, formatPercent, formatYear } from '../format.js';
import type { FrequencyRow, QuestionResult, ReportLang } from '../model.js';

/**
 * Question charts, drawn once as SVG by ECharts' server-side renderer and reused everywhere: inline
 * in HTML, as an `svg` node in PDF, as a PNG (svgToPng) in DOCX. No browser, no canvas.
 */

export const CHART_WIDTH = 640;
/**
 * ECharts wraps labels using Helvetica metrics, so charts ask for a metric-compatible face first
 * (Liberation Sans / Arial); DejaVu only when neither exists, with some slack in the wrap width.
 */
export const CHART_FONT = 'Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif';
const WRAP_SLACK = 0.9;

const COLORS = { choice: '#2f6fb0', other: '#6a9fd4', muted: '#b4b4b4' };
const MATRIX_PALETTE = [
  '#2f6fb0',
  '#6a9fd4',
  '#a8c8e8',
  '#f0b46c',
  '#d9774b',
  '#b4b4b4',
  '#7b9e5a',
  '#8e6bb0',
];
const LABEL_WIDTH = 230;
/** Average glyph width of the 12 px axis font, used to predict how many lines a label wraps to. */
const GLYPH_WIDTH = 6.8;
const MAX_LABEL_LINES = 3;

interface LabelLayout {
  texts: string[];
  /** Axis label column width in px: as wide as the longest label, at most LABEL_WIDTH. */
  width: number;
  /** Most lines any label wraps to. */
  lines: number;
}

/** Labels longer than three lines are cut with an ellipsis (the full text is in the table). */
function layoutLabels(labels: string[]): LabelLayout {
  const perLine = Math.floor(LABEL_WIDTH / GLYPH_WIDTH);
  const max = perLine * MAX_LABEL_LINES;
  const texts = labels.map((label) => (label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label));
  const longest = Math.max(...texts.map((t) => t.length));
  const width = Math.max(60, Math.min(LABEL_WIDTH, Math.ceil(longest * GLYPH_WIDTH) + 8));
  const lines = Math.max(...texts.map((t) => Math.max(1, Math.ceil(t.length / perLine))));
  return { texts, width, lines };
}

function categoryAxis(layout: LabelLayout) {
  return {
    type: 'category' as const,
    inverse: true,
    data: layout.texts,
    axisTick: { show: false },
    axisLabel: {
      width: Math.floor(layout.width * WRAP_SLACK),
      overflow: 'break' as const,
      fontSize: 12,
      color: '#333',
    },
  };
}

function rowColor(row: FrequencyRow): string {
  if (row.rowKind === 'no-answer' || row.rowKind === 'not-displayed') return COLORS.muted;
  return row.rowKind === 'other' ? COLORS.other : COLORS.choice;
}

function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const axisPercent = (lang: ReportLang) => ({
  type: 'value' as const,
  min: 0,
  max: 100,
  axisLabel: { formatter: (v: number) => (lang === 'fr' ? `${v}\u00a0%` : `${v}%`), fontSize: 11 },
});

/** Horizontal bars of the table's percentages, in the table's order (top = first row). */
function frequencyChart(rows: FrequencyRow[], lang: ReportLang): string | undefined {
  const shown = rows.filter((r) => r.percent !== null);
  if (!shown.length) return undefined;
  const layout = layoutLabels(shown.map((r) => r.label));
  const rowHeight = Math.max(26, layout.lines * 15 + 10);
  const height = shown.length * rowHeight + 40;
  return renderSvg(
    {
      grid: { left: layout.width + 12, right: 70, top: 8, bottom: 28 },
      xAxis: axisPercent(lang),
      yAxis: categoryAxis(layout),
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: shown.map((r) => ({ value: r.percent, itemStyle: { color: rowColor(r) } })),
          label: {
            show: true,
            position: 'right',
            fontSize: 11,
            color: '#222',
            formatter: (p: { value: unknown }) => formatPercent(Number(p.value), lang),
          },
        },
      ],
    },
    CHART_WIDTH,
    height,
  );
}

/** 100 % stacked bars: one bar per matrix row, one segment per column. */
function matrixChart(question: QuestionResult, lang: ReportLang): string | undefined {
  const lines = question.matrix ?? [];
  const columns = lines[0]?.cells ?? [];
  if (!lines.length || !columns.length) return undefined;
  const layout = layoutLabels(lines.map((l) => l.label));
  const rowHeight = Math.max(26, layout.lines * 15 + 10);
  const legendRows = Math.ceil(columns.length / 4);
  const top = legendRows * 22 + 8;
  return renderSvg(
    {
      color: MATRIX_PALETTE,
      legend: {
        top: 0,
        left: layout.width + 12,
        right: 10,
        itemWidth: 12,
        itemHeight: 12,
        textStyle: { fontSize: 11 },
      },
      grid: { left: layout.width + 12, right: 30, top, bottom: 28 },
      xAxis: axisPercent(lang),
      yAxis: categoryAxis(layout),
      series: columns.map((column, i) => ({
        type: 'bar',
        name: column.label,
        stack: 'matrix',
        barMaxWidth: 22,
        data: lines.map((line) => line.cells[i]?.percent ?? 0),
      })),
    },
    CHART_WIDTH,
    lines.length * rowHeight + top + 36,
  );
}

/** Fewer answers than this and a box plot says nothing the table does not. */
const BOX_PLOT_FROM = 5;

/**
 * A number question's distribution as a horizontal box plot (minimum, quartiles, median, maximum
 * from the model's summary, the same quartile method as its table), each value written beside it:
 * a table of nine figures hides how skewed the answers are, the box shows it at a glance.
 */
function boxPlotChart(question: QuestionResult, lang: ReportLang): string | undefined {
  const s = question.stats;
  if (!s || s.count < BOX_PLOT_FROM) return undefined;
  const five = [s.min, s.q1, s.median, s.q3, s.max];
  if (five.some((v) => v === null) || s.min === s.max) return undefined;
  const values = five as number[];
  const year = question.valueFormat === 'year';
  const format = (v: number) => (year ? formatYear(v, lang) : formatNumber(v, lang, 2));
  // Labels alternate above and below the box so close quartiles do not overwrite each other.
  const labelled = values.map((value, i) => ({
    value: [value, 0],
    label: { show: true, position: i % 2 === 0 ? 'bottom' : 'top', distance: 18, formatter: format(value) },
  }));
  return renderSvg(
    {
      grid: { left: 24, right: 40, top: 26, bottom: 30 },
      xAxis: {
        type: 'value',
        scale: true,
        axisLabel: { fontSize: 10, color: '#777', formatter: format, margin: 10 },
        splitLine: { lineStyle: { color: '#e4e8ee' } },
      },
      yAxis: { type: 'category', data: [''], show: false },
      series: [
        {
          type: 'boxplot',
          boxWidth: [26, 26],
          itemStyle: { color: '#dbe7f4', borderColor: COLORS.choice, borderWidth: 1.5 },
          data: [values],
        },
        {
          type: 'scatter',
          symbolSize: 0,
          label: { fontSize: 11, color: '#222' },
          data: labelled,
        },
      ],
    },
    CHART_WIDTH,
    150,
  );
}

/**
 * The chart of one question as an SVG string, or undefined when a chart would add nothing
 * (free texts, empty tables, numeric summaries of too few or identical values).
 */
export function questionChartSvg(question: QuestionResult, lang: ReportLang): string | undefined {
  if ((question.kind === 'choice' || question.kind === 'classes') && question.rows?.length) {
    return frequencyChart(question.rows, lang);
  }
  if (question.kind === 'matrix') return matrixChart(question, lang);
  if (question.kind === 'numeric') return boxPlotChart(question, lang);
  return undefined;
}

/** Pixel size declared on the root <svg> element (ECharts always writes width and height). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1] ?? CHART_WIDTH);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1] ?? CHART_WIDTH / 2);
  return { width, height };
}

const FONT_DIR = '/usr/share/fonts/truetype';
/** Chart faces found on this system, in CHART_FONT order; the first one is the default family. */
export const CHART_FONT_FILES: { family: string; regular: string; bold: string }[] = [
  {
    family: 'Liberation Sans',
    dir: 'liberation2',
    regular: 'LiberationSans-Regular.ttf',
    bold: 'LiberationSans-Bold.ttf',
  },
  {
    family: 'Liberation Sans',
    dir: 'liberation',
    regular: 'LiberationSans-Regular.ttf',
    bold: 'LiberationSans-Bold.ttf',
  },
  { family: 'DejaVu Sans', dir: 'dejavu', regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' },
]
  .map((f) => ({
    family: f.family,
    regular: `${FONT_DIR}/${f.dir}/${f.regular}`,
    bold: `${FONT_DIR}/${f.dir}/${f.bold}`,
  }))
  .filter((f) => existsSync(f.regular) && existsSync(f.bold))
  .filter((f, i, all) => all.findIndex((g) => g.family === f.family) === i);
const FONT_FILES = CHART_FONT_FILES.flatMap((f) => [f.regular, f.bold]);

/** Rasterises a chart for formats that need a bitmap (DOCX), on a white background. */
export function svgToPng(svg: string, widthPx: number): Buffer {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'width', value: Math.round(widthPx) },
    font: FONT_FILES.length
      ? { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: CHART_FONT_FILES[0]?.family }
      : { loadSystemFonts: true },
  });
  return resvg.render().asPng();
}
