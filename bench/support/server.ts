import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
  mainThreadCpuMs?: number;
  mainThreadRunqueueWaitMs?: number;
  stallsOver50ms: number;
  stallsCpuMs: number;
  stallsRunqueueWaitMs: number;
  longestStallCpuMs: number;
}

export interface RunningServer {
  url: string;
  pid: number;
  /**
   * Event-loop delay of the server (ms) since the previous call: p50, p99, max; on Linux also the
   * main thread's CPU time and run-queue wait, and its stalls of 50 ms or more (server-process.ts).
   */
  loopDelay(): Promise<LoopDelay>;
  stop(): Promise<void>;
}

/** Forks bench/support/server-process.ts on the given store and waits until it listens. */
export async function startServerProcess(
  storeOptions: { databaseUrl?: string; dataDir: string },
  { web = true } = {},
): Promise<RunningServer> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), [], {
    // PANORAMA_BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server, written when it stops.
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.PANORAMA_BENCH_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PANORAMA_BENCH_CPU_PROF}`]
        : []),
    ],
    env: {
      ...process.env,
      PANORAMA_BENCH_STORE: JSON.stringify(storeOptions),
      PANORAMA_BENCH_WEB: web ? '1' : '0',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`the server process exited (code ${code}) before listening`);
  });
  const [message] = (await Promise.race([once(child, 'message'), exited])) as [{ port: number }];
  return {
    url: `http://127.0.0.1:${message.port}`,
    pid: child.pid!,
    loopDelay: async () => {
      const reply = once(child, 'message') as Promise<[{ loop: LoopDelay }]>;
      child.send({ cmd: 'loop' });
      return (await reply)[0].loop;
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const done = once(child, 'exit');
      child.kill('SIGTERM');
      await done;
    },
  };
}
