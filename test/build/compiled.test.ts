/**
 * The compiled build (issue 9: "no tsx at run time"): compiles src/ with the project's build config
 * into a temporary folder, then runs the `panorama` entry with plain `node` — no loader, no
 * TypeScript — on a small generated folder and as a server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/shared.js';
import { writeSmallFolder } from '../publication/small-folder.js';

const work = mkdtempSync(join(tmpdir(), 'panorama-build-'));
const out = join(work, 'dist');
// As in a clone: the compiled files find their packages in the node_modules beside dist/.
symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
after(() => rmSync(work, { recursive: true, force: true }));

function compiledFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? compiledFiles(path) : [path];
  });
}

/** Plain node: the environment must not smuggle a loader in. */
function panorama(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(out, 'main', 'panorama.js'), ...args], {
    encoding: 'utf8',
    cwd: work,
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', ...env },
  });
}

describe('compiled build', { timeout: 240_000 }, () => {
  before(() => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = spawnSync(
      process.execPath,
      [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--noCheck', '--outDir', out],
      {
        encoding: 'utf8',
        cwd: ROOT,
      },
    );
    assert.equal(build.status, 0, build.stdout + build.stderr);
  });

  it('emits JavaScript only, with no import of a .ts file, tsx or vite', () => {
    const files = compiledFiles(out).filter((f) => f.endsWith('.js'));
    assert.ok(files.length > 100, `only ${files.length} files compiled`);
    assert.ok(!existsSync(join(out, 'web')), 'the React app is built by vite, not tsc');
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /from ['"][^'"]+\.tsx?['"]|import\(['"][^'"]+\.tsx?['"]\)/, file);
      assert.doesNotMatch(text, /from ['"](tsx|vite)(\/[^'"]*)?['"]|import\(['"](tsx|vite)['"]\)/, file);
    }
  });

  it('answers --help and computes a report with plain node', () => {
    const help = panorama(['--help']);
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /Usage: panorama <command>/);
    const folder = writeSmallFolder(join(work, 'in'), [
      { id: 'r1', structure: 'S1', etp: 3 },
      { id: 'r2', structure: 'S2', etp: 5 },
    ]);
    const report = panorama(['report', folder, '--format', 'json']);
    assert.equal(report.status, 0, report.stderr);
    const model = JSON.parse(report.stdout) as { responses?: number; sections?: unknown[] };
    assert.ok(JSON.stringify(model).includes('"etp"'), 'the report names the question');
    const mistake = panorama(['report', join(work, 'nowhere')], { PANORAMA_LANG: 'en' });
    assert.equal(mistake.status, 2);
    assert.doesNotMatch(mistake.stderr, /at .*\.js:\d+/, 'a user mistake shows no stack trace');
  });

  it('starts the server from the compiled files', async () => {
    const child = spawn(
      process.execPath,
      [
        join(out, 'main', 'panorama.js'),
        'start',
        '--port',
        '0',
        '--data-dir',
        join(work, 'data'),
        '--no-demo',
      ],
      { cwd: work, env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', BASE_URL: '', PORT: '' } },
    );
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`start timed out:\n${text}`)), 60_000);
        child.stdout.on('data', () => {
          const m = /Panorama is running: (http:\/\/\S+)/.exec(text);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.once('exit', (code) => reject(new Error(`start exited with ${code}:\n${text}`)));
      });
      const health = await fetch(`${url}/api/health`);
      assert.equal(health.status, 200);
      assert.equal(((await health.json()) as { status: string }).status, 'ok');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
