/**
 * The closed-question aggregates of a report (frequencies over the displayed base, multiple
 * choice counts, numeric summaries with quartiles) computed by DuckDB on the same data. Loading
 * is not timed; only the aggregate queries are, so the ratio compares computing with computing.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { DuckDBInstance } from '@duckdb/node-api';
import type { SurveyJson } from '../src/survey/definition-schema.js';
import type { ResponseRecord } from '../src/survey/records.js';

interface BenchElement {
  type: string;
  name: string;
  visibleIf?: string;
}

function elementsOf(survey: SurveyJson): BenchElement[] {
  return survey.pages?.[0]?.elements ?? [];
}

/** Translates the generator's simple conditions (`{s4} = 'v1'`) to SQL. */
function sqlCondition(visibleIf: string | undefined): string {
  if (!visibleIf) return 'TRUE';
  const m = /\{(\w+)\} (!?=) '(\w+)'/.exec(visibleIf);
  if (!m) throw new Error(`unsupported bench condition ${visibleIf}`);
  // SurveyJS: an unanswered question is not equal to 'v1' and is "not equal" to 'v2'.
  return m[2] === '=' ? `coalesce(${m[1]} = '${m[3]}', FALSE)` : `coalesce(${m[1]} <> '${m[3]}', TRUE)`;
}

export interface DuckdbRun {
  loadMs: number;
  queryMs: number;
  /** CPU time of the process (all DuckDB threads) during the timed queries. */
  queryCpuMs: number;
  queries: number;
  threads: number;
}

export async function duckdbClosedAggregates(
  survey: SurveyJson,
  responses: Iterable<ResponseRecord>,
): Promise<DuckdbRun> {
  const elements = elementsOf(survey).filter((e) => e.type !== 'comment');
  const dir = await mkdtemp(join(tmpdir(), 'panorama-duck-'));
  const file = join(dir, 'responses.jsonl');
  try {
    const loadStart = performance.now();
    const out = createWriteStream(file);
    for (const r of responses) {
      const row: Record<string, unknown> = {};
      for (const e of elements) row[e.name] = r.data[e.name] ?? null;
      if (!out.write(JSON.stringify(row) + '\n')) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const columns = elements
      .map(
        (e) =>
          `'${e.name}': '${e.type === 'checkbox' ? 'VARCHAR[]' : e.type === 'text' ? 'DOUBLE' : 'VARCHAR'}'`,
      )
      .join(', ');
    await connection.run(
      `CREATE TABLE t AS SELECT * FROM read_json('${file}', format = 'newline_delimited', columns = {${columns}})`,
    );
    const loadMs = performance.now() - loadStart;
    const threads = Number(
      (await connection.runAndReadAll(`SELECT current_setting('threads')`)).getRowsJS()[0]![0],
    );

    const queries: string[] = [];
    for (const e of elements) {
      const where = sqlCondition(e.visibleIf);
      if (e.type === 'radiogroup') {
        queries.push(`SELECT ${e.name} AS v, count(*) AS n FROM t WHERE ${where} GROUP BY ALL`);
      } else if (e.type === 'checkbox') {
        queries.push(
          `SELECT (SELECT count(*) FROM t WHERE ${where}) AS base, v, count(*) AS n
           FROM (SELECT unnest(${e.name}) AS v FROM t WHERE ${where}) GROUP BY v`,
        );
      } else if (e.type === 'text') {
        queries.push(
          `SELECT count(${e.name}), sum(${e.name}), avg(${e.name}), stddev_samp(${e.name}), min(${e.name}),
                  quantile_cont(${e.name}, [0.25, 0.5, 0.75]), max(${e.name}) FROM t WHERE ${where}`,
        );
      }
    }
    // One warm-up pass (DuckDB, like V8, is faster the second time), then the timed pass.
    for (const q of queries) await connection.runAndReadAll(q);
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    for (const q of queries) await connection.runAndReadAll(q);
    const queryMs = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    const queryCpuMs = (cpu.user + cpu.system) / 1000;
    connection.closeSync();
    instance.closeSync();
    return { loadMs, queryMs, queryCpuMs, queries: queries.length, threads };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
