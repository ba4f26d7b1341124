import { readFileSync } from 'node:fs';

/** A bad command line: one clear line on stderr, exit code 2, no stack trace. */
export function fail(message: string): never {
  process.stderr.write(`error: ${message} (see --help)\n`);
  process.exit(2);
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Peak resident set size of this process so far (Linux VmHWM), in MB. */
export function peakRssMb(): number {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
    if (kb) return kb / 1024;
  } catch {
    // not Linux: fall back to the current RSS
  }
  return process.memoryUsage().rss / 1024 / 1024;
}
