import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { formatPercent } from '../format.js';
import type { FrequencyRow, QuestionResult, ReportLang } from '../model.js';

/**
 * Question charts, drawn once as SVG by ECharts' server-side renderer and reused everywhere: inline
 * in HTML, as an `svg` node in PDF, as a PNG (svgToPng) in DOCX. No browser, no canvas.
 */

export const CHART_WIDTH = 640;
export const CHART_FONT = 'DejaVu Sans, Verdana, Arial, sans-serif';

const COLORS = { choice: '#2f6fb0', other: '#6a9fd4', muted: '#b4b4b4' };
const MATRIX_PALETTE = ['#2f6fb0', '#6a9fd4', '#a8c8e8', '#f0b46c', '#d9774b', '#b4b4b4', '#7b9e5a', '#8e6bb0'];
const LABEL_WIDTH = 230;
/** Average glyph width of the 12 px axis font, used to predict how many lines a label wraps to. */
const GLYPH_WIDTH = 6.8;
const MAX_LABEL_LINES = 3;

function fitLabel(label: string): { text: string; lines: number } {
  const perLine = Math.floor(LABEL_WIDTH / GLYPH_WIDTH);
  const max = perLine * MAX_LABEL_LINES;
  const text = label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
  return { text, lines: Math.max(1, Math.ceil(text.length / perLine)) };
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
  const labels = shown.map((r) => fitLabel(r.label));
  const lines = Math.max(...labels.map((l) => l.lines));
  const rowHeight = Math.max(26, lines * 15 + 10);
  const height = shown.length * rowHeight + 40;
  return renderSvg(
    {
      grid: { left: LABEL_WIDTH + 12, right: 70, top: 8, bottom: 28 },
      xAxis: axisPercent(lang),
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels.map((l) => l.text),
        axisTick: { show: false },
        axisLabel: { width: LABEL_WIDTH, overflow: 'break', fontSize: 12, color: '#333' },
      },
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
  const labels = lines.map((l) => fitLabel(l.label));
  const rowHeight = Math.max(26, Math.max(...labels.map((l) => l.lines)) * 15 + 10);
  const legendRows = Math.ceil(columns.length / 4);
  const top = legendRows * 22 + 8;
  return renderSvg(
    {
      color: MATRIX_PALETTE,
      legend: { top: 0, left: LABEL_WIDTH + 12, right: 10, itemWidth: 12, itemHeight: 12, textStyle: { fontSize: 11 } },
      grid: { left: LABEL_WIDTH + 12, right: 30, top, bottom: 28 },
      xAxis: axisPercent(lang),
      yAxis: {
        type: 'category',
        inverse: true,
        data: labels.map((l) => l.text),
        axisTick: { show: false },
        axisLabel: { width: LABEL_WIDTH, overflow: 'break', fontSize: 12, color: '#333' },
      },
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

/**
 * The chart of one question as an SVG string, or undefined when a chart would add nothing
 * (numeric summaries, free texts, empty tables).
 */
export function questionChartSvg(question: QuestionResult, lang: ReportLang): string | undefined {
  if ((question.kind === 'choice' || question.kind === 'classes') && question.rows?.length) {
    return frequencyChart(question.rows, lang);
  }
  if (question.kind === 'matrix') return matrixChart(question, lang);
  return undefined;
}

/** Pixel size declared on the root <svg> element (ECharts always writes width and height). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="([\d.]+)"/.exec(root)?.[1] ?? CHART_WIDTH);
  const height = Number(/\bheight="([\d.]+)"/.exec(root)?.[1] ?? CHART_WIDTH / 2);
  return { width, height };
}

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => `${FONT_DIR}/${f}`).filter(existsSync);

/** Rasterises a chart for formats that need a bitmap (DOCX), on a white background. */
export function svgToPng(svg: string, widthPx: number): Buffer {
  const resvg = new Resvg(svg, {
    background: 'white',
    fitTo: { mode: 'width', value: Math.round(widthPx) },
    font: FONT_FILES.length
      ? { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' }
      : { loadSystemFonts: true },
  });
  return resvg.render().asPng();
}
