/**
 * Starts a throw-away PostgreSQL cluster for one test file: temp data dir, trust auth, no fsync,
 * a free port on 127.0.0.1 and the socket inside the data dir. Returns undefined (and says so
 * loudly on stderr) when no PostgreSQL binaries are installed, so the suite is skipped, not faked.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingTool } from './shared.js';

export interface PostgresInstance {
  url: string;
  stop(): Promise<void>;
}

function findBinDir(): string | undefined {
  const fromEnv = process.env.PG_BINDIR;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  try {
    const dir = execFileSync('pg_config', ['--bindir'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (dir && existsSync(join(dir, 'initdb'))) return dir;
  } catch {
    // no pg_config on PATH
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const shellQuote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

/** initdb and pg_ctl refuse to run as root: run them as the `postgres` user then. */
function runAsOwner(command: string, args: string[], owner: string | undefined): void {
  let cmd = command;
  let argv = args;
  if (owner && existsSync('/usr/sbin/runuser')) {
    [cmd, argv] = ['/usr/sbin/runuser', ['-u', owner, '--', command, ...args]];
  } else if (owner) {
    [cmd, argv] = ['su', [owner, '-s', '/bin/sh', '-c', [command, ...args].map(shellQuote).join(' ')]];
  }
  const result = spawnSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout || result.error}`,
    );
  }
}

const MISSING =
  'PostgreSQL binaries not found (/usr/lib/postgresql/*/bin, PG_BINDIR or pg_config); ' +
  'the PostgreSQL tests did NOT run';

/** For node:test's `skip` option: a loud reason when PostgreSQL is not installed, else false. */
export function skipWithoutPostgres(): string | false {
  if (findBinDir()) return false;
  return missingTool(MISSING);
}

function initAndStart(bin: string, data: string, port: number, owner: string | undefined): void {
  runAsOwner(
    join(bin, 'initdb'),
    ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C'],
    owner,
  );
  runAsOwner(
    join(bin, 'pg_ctl'),
    [
      '-D',
      data,
      '-l',
      join(data, 'server.log'),
      '-w',
      '-t',
      '30',
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${data} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`,
      'start',
    ],
    owner,
  );
  runAsOwner(
    join(bin, 'createdb'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'panorama_test'],
    owner,
  );
}

export async function startPostgres(): Promise<PostgresInstance | undefined> {
  const bin = findBinDir();
  if (!bin) {
    missingTool(MISSING);
    return undefined;
  }
  const isRoot = process.getuid?.() === 0;
  const owner = isRoot ? 'postgres' : undefined;
  const dir = mkdtempSync(join(tmpdir(), 'panorama-pg-'));
  chmodSync(dir, 0o700);
  if (owner) execFileSync('chown', ['-R', `${owner}:${owner}`, dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    initAndStart(bin, data, port, owner);
  } catch (error) {
    // A half-started cluster must not outlive the test run.
    try {
      runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], owner);
    } catch {
      // it was not running
    }
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/panorama_test`,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], owner);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
