import type { ResponseRecord } from '../survey/records.js';
import { codedProblem, InputError, type InputProblem } from './problems.js';

export interface LoadOptions {
  /** Value problems become warnings and the bad value is left out; structural problems still fail. */
  lenient?: boolean;
  /** Called as records are read (every ~1000 records and at the end), for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Ids of the registry's structures: a response naming another structure is a value problem
   * (lenient: a warning, and the response is kept as anonymous).
   */
  structures?: ReadonlySet<string>;
  /** Names the registry in that message (e.g. "structures.csv"). */
  registryName?: string;
}

/** A response naming a structure the registry does not hold (a value problem). */
export function unknownStructureProblem(
  location: Omit<InputProblem, 'message' | 'code' | 'params'>,
  structure: string,
  registryName: string | undefined,
): InputProblem {
  return codedProblem({ ...location, value: structure }, 'ingest_unknown_structure', {
    structure,
    ...(registryName !== undefined ? { registry: registryName } : {}),
  });
}

export interface LoadResult {
  responses: ResponseRecord[];
  /** Problems tolerated in lenient mode (empty in strict mode, which throws instead). */
  warnings: InputProblem[];
}

/**
 * Gathers every problem of a whole file before deciding, so a user fixes them all in one pass.
 * Errors (unreadable line, duplicate id…) always fail; value problems fail only in strict mode.
 */
export class ProblemCollector {
  readonly errors: InputProblem[] = [];
  readonly valueProblems: InputProblem[] = [];

  constructor(readonly lenient: boolean) {}

  error(problem: InputProblem): void {
    this.errors.push(problem);
  }

  value(problem: InputProblem): void {
    this.valueProblems.push(problem);
  }

  /** Throws an InputError listing everything that is not acceptable; returns the warnings. */
  finish(): InputProblem[] {
    const failing = this.lenient ? this.errors : [...this.errors, ...this.valueProblems];
    if (failing.length > 0) throw new InputError(sortProblems(failing));
    return sortProblems(this.valueProblems);
  }
}

/** File order: by line, then by column within a line (problems are found in several passes). */
function sortProblems(problems: InputProblem[]): InputProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || columnOrder(a) - columnOrder(b));
}

function columnOrder(p: InputProblem): number {
  if (typeof p.column === 'number') return p.column;
  const letters = /^([A-Z]+)/.exec(p.cell ?? p.column ?? '')?.[1];
  if (!letters) return 0;
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Remembers where each response id was first seen, to name both places of a duplicate. */
export class DuplicateIds {
  private readonly seen = new Map<string, number>();

  /** Returns the first line of `id` when it was already seen, else records it. */
  check(id: string, line: number): number | undefined {
    const first = this.seen.get(id);
    if (first !== undefined) return first;
    this.seen.set(id, line);
    return undefined;
  }
}

/** Calls onProgress at a bounded rate: every `step` items and once at the end. */
export function progressReporter(options: LoadOptions, total: number, step = 1000): (done: number) => void {
  const callback = options.onProgress;
  if (!callback) return () => {};
  return (done: number) => {
    if (done % step === 0 || done === total) callback(done, total);
  };
}
