/** The benchmarks run-all.ts runs, their arguments (quick / full) and how their results read. */

export interface Row {
  bench: string;
  measure: string;
  value: string;
  target?: string;
  met?: boolean;
}

export interface Step {
  name: string;
  script: string;
  fullOnly?: boolean;
  args(full: boolean): string[];
  timeoutS(full: boolean): number;
  rows(results: Record<string, unknown>[], text: string): Row[];
}

type Result = Record<string, unknown>;

const num = (r: Result, key: string): number => {
  const v = r[key];
  if (typeof v !== 'number') throw new Error(`no "${key}" in ${JSON.stringify(r)}`);
  return v;
};
const ms = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 1 })} ms`;
const first = (results: Result[]): Result => {
  if (!results[0]) throw new Error('no result line');
  return results[0];
};

function inMemoryReport(
  name: string,
  responses: number,
  repeat: (full: boolean) => number,
  judged: boolean,
): Step {
  return {
    name,
    script: 'report-memory.ts',
    fullOnly: responses >= 1_000_000,
    args: (full) => ['--responses', String(responses), '--duckdb', '--repeat', String(repeat(full))],
    timeoutS: () => (responses >= 1_000_000 ? 900 : 300),
    rows: (results) => {
      const r = first(results);
      const bench = `report in memory, ${responses.toLocaleString('en-US')} responses (31 q.)`;
      const ratio = num(r, 'ratio');
      const rss = num(r, 'peakRssMb');
      return [
        { bench, measure: 'full report (best)', value: ms(num(r, 'fullReportMs')) },
        {
          bench,
          measure: 'closed questions / DuckDB (' + String(r.duckdbThreads) + ' threads)',
          value: `${ms(num(r, 'closedReportMs'))} / ${ms(num(r, 'duckdbMs'))} = ×${ratio} (CPU time ×${num(r, 'cpuRatio')})`,
          target: judged ? '≤ ×3' : '(≤ ×3 at 1 M)',
          ...(judged ? { met: ratio <= 3 } : {}),
        },
        {
          bench,
          measure: 'peak RSS (responses materialised)',
          value: `${Math.round(rss)} MB`,
          target: judged ? '≤ 1,536 MB' : undefined,
          ...(judged ? { met: rss <= 1536 } : {}),
        },
      ];
    },
  };
}

function streaming(responses: number): Step {
  return {
    name: `streaming-${responses >= 1e6 ? '1m' : `${responses / 1000}k`}`,
    script: 'report-memory.ts',
    fullOnly: responses >= 1_000_000,
    args: () => ['--responses', String(responses), '--streaming'],
    timeoutS: () => 900,
    rows: (results) => {
      const r = first(results);
      return [
        {
          bench: `report streamed from a generator, ${responses.toLocaleString('en-US')} responses`,
          measure: 'time; peak RSS',
          value: `${ms(num(r, 'streamingMs'))}; ${Math.round(num(r, 'peakRssMb'))} MB`,
          target: 'memory flat in R (closed q.)',
        },
      ];
    },
  };
}

export const STEPS: Step[] = [
  inMemoryReport('report-10k', 10_000, () => 3, false),
  inMemoryReport('report-100k', 100_000, (full) => (full ? 3 : 1), false),
  inMemoryReport('report-1m', 1_000_000, () => 1, true),
  {
    name: 'senacs',
    script: 'report-memory.ts',
    args: (full) => ['--mix', 'senacs', '--responses', '4100', '--repeat', full ? '9' : '5'],
    timeoutS: () => 300,
    rows: (results) => {
      const r = first(results);
      const median = num(r, 'fullReportMedianMs');
      return [
        {
          bench: 'SENACS scale: 4,100 responses × 150 questions',
          measure: 'full report (median; best)',
          value: `${ms(median)}; ${ms(num(r, 'fullReportMs'))} (CPU time, median: ${ms(num(r, 'fullReportCpuMedianMs'))})`,
          target: '≤ 300 ms',
          met: median <= 300,
        },
      ];
    },
  },
  streaming(10_000),
  streaming(100_000),
  streaming(1_000_000),
  {
    name: 'report-db',
    script: 'report-db.ts',
    args: (full) => ['--responses', full ? '100000' : '10000', '--repeat', full ? '3' : '2'],
    timeoutS: (full) => (full ? 1200 : 300),
    rows: (results) =>
      results.map((r) =>
        r.skipped
          ? {
              bench: `report from the database (${String(r.dialect)})`,
              measure: 'SKIPPED',
              value: String(r.skipped),
            }
          : {
              bench: `report from the database (${String(r.dialect)}), ${num(r, 'responses').toLocaleString('en-US')} responses`,
              measure: 'read + compute (streamed)',
              value: `${ms(num(r, 'readMs'))} + ${ms(num(r, 'computeMs'))} = ${ms(num(r, 'totalMs'))} (${ms(num(r, 'streamMs'))})`,
            },
      ),
  },
  {
    name: 'render',
    script: 'render-latency.ts',
    args: () => ['--responses', '4000', '--renders', '3', '--runs', '3'],
    timeoutS: () => 1800,
    rows: (results) => {
      const s = results.find((r) => r.summary);
      if (!s) throw new Error('no summary line');
      const runs = results.filter((r) => !r.summary);
      const bench = `3 PDF reports of 4,000 responses rendering (render pool, median of ${runs.length} runs)`;
      const list = (key: string) => (s[key] as number[]).join(', ');
      const loops = runs.map((r) => (r.during as Record<string, Record<string, number>>).eventLoopDelay!);
      return [
        { bench, measure: 'all three rendered (median)', value: ms(num(s, 'medianRendersMs')) },
        { bench, measure: 'load average (1 min) at each run', value: list('loadAverages') },
        {
          bench,
          measure: 'GET /api/health p99 during the renders',
          value: `${num(s, 'medianHealthP99')} ms (runs: ${list('healthP99s')}; baseline ${list('baselineHealthP99s')})`,
          target: '< 50 ms',
          met: num(s, 'medianHealthP99') < 50,
        },
        {
          bench,
          measure: 'respondent autosave p99 during the renders',
          value: `${num(s, 'medianAutosaveP99')} ms (runs: ${list('autosaveP99s')}; baseline ${list('baselineAutosaveP99s')})`,
          target: '< 50 ms',
          met: num(s, 'medianAutosaveP99') < 50,
        },
        {
          bench,
          measure: 'server event-loop delay p99 / max during the renders',
          value: loops.map((l) => `${num(l, 'p99')} / ${num(l, 'max')} ms`).join('; '),
        },
        {
          bench,
          measure: 'longest on-CPU stretch of the main thread in a stall ≥ 50 ms',
          value: loops.map((l) => `${num(l, 'longestStallCpuMs')} ms`).join('; '),
        },
      ];
    },
  },
  {
    name: 'submit',
    script: 'submit-throughput.ts',
    args: (full) => ['--duration', '10', '--dialects', full ? 'sqlite,postgres' : 'sqlite'],
    timeoutS: () => 600,
    rows: (results) =>
      results.flatMap((r): Row[] => {
        const bench = `submissions via HTTP (${String(r.dialect)}, ${String(r.connections)} connections)`;
        if (r.skipped) return [{ bench, measure: 'SKIPPED', value: String(r.skipped) }];
        const sqlite = r.dialect === 'sqlite';
        const rate = num(r, 'responsesPerSecond');
        const p99 = num(r, 'latencyP99Ms');
        return [
          {
            bench,
            measure: 'responses/s',
            value: rate.toLocaleString('en-US'),
            target: sqlite ? '≥ 1,000/s' : undefined,
            ...(sqlite ? { met: rate >= 1000 } : {}),
          },
          {
            bench,
            measure: 'latency p50 / p99',
            value: `${num(r, 'latencyP50Ms')} / ${p99} ms`,
            target: sqlite ? 'p99 ≤ 100 ms' : undefined,
            ...(sqlite ? { met: p99 <= 100 } : {}),
          },
          {
            bench,
            measure: 'acknowledged → stored once',
            value: `${num(r, 'acknowledged')} acknowledged, ${num(r, 'missing')} missing, ${num(r, 'duplicated')} duplicated`,
            target: 'no loss',
            met: r.noLoss === true,
          },
        ];
      }),
  },
  {
    name: 'text',
    script: 'text-throughput.ts',
    args: (full) => ['--tokens', full ? '2000000' : '1000000', '--repeat', full ? '5' : '3'],
    timeoutS: () => 300,
    rows: (_results, text) => {
      const m =
        /full analysis\s*:\s*wall (\d+) ms = ([\d.]+) M tokens\/s; CPU (\d+) ms = ([\d.]+) M tokens\/s/.exec(
          text,
        );
      if (!m) throw new Error('could not read the "full analysis" line of text-throughput.ts');
      const header = /— (\d+) texts, (\d+) tokens/.exec(text);
      return [
        {
          bench: `text analysis${header ? `, ${Number(header[2]).toLocaleString('en-US')} tokens` : ''}`,
          measure: 'M tokens/s (wall; CPU)',
          value: `${m[2]}; ${m[4]}`,
          target: '≥ 5 M tokens/s',
          met: Number(m[2]) >= 5,
        },
      ];
    },
  },
  {
    name: 'form',
    script: 'form-interactive.ts',
    args: (full) => ['--runs', '5', '--throttle', '4', '--throttle-runs', full ? '5' : '3'],
    timeoutS: () => 600,
    rows: (results) =>
      results.flatMap((r): Row[] => {
        if (r.skipped) return [{ bench: 'respondent form', measure: 'SKIPPED', value: String(r.skipped) }];
        const rate = num(r, 'cpuThrottling');
        const failed = (r.failed as string[] | undefined) ?? [];
        if (failed.length && !('interactiveMedianMs' in r)) {
          return [
            { bench: `respondent form, CPU ×${rate}`, measure: 'FAILED', value: failed[0]!, met: false },
          ];
        }
        const bench = `respondent form, ${String(r.questions)} questions${rate > 1 ? `, CPU ×${rate}` : ''}`;
        const median = num(r, 'interactiveMedianMs');
        const rows: Row[] = [
          {
            bench,
            measure: `time until typing (median of ${String(r.runs)}${failed.length ? `; ${failed.length} loads failed` : ''})`,
            value: `${ms(median)} (scripts run ${ms(num(r, 'domContentLoadedMedianMs'))}, first question ${ms(num(r, 'firstQuestionMedianMs'))})`,
            target: rate === 1 ? '≤ 1,500 ms' : undefined,
            ...(rate === 1 ? { met: median <= 1500 } : {}),
          },
        ];
        if (rate === 1) {
          rows.push({
            bench,
            measure: `JavaScript (${String(r.jsFiles)} files)`,
            value: `${num(r, 'jsWireKB')} KB transferred (${String(r.contentEncoding)}), ${num(r, 'jsKB')} KB decoded (${num(r, 'jsGzipKB')} KB gzipped)`,
          });
        }
        return rows;
      }),
  },
];
