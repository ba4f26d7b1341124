import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/shared.js';
import { cliArgs } from '../support/cli.js';

const dataDir = mkdtempSync(join(tmpdir(), 'panorama-start-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `panorama start` on a free port until it prints its URL; returns the output so far. */
async function start(): Promise<{ child: ChildProcess; output: () => string; url: string }> {
  const child = spawn(process.execPath, cliArgs('start', '--port', '0', '--data-dir', dataDir), {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', BASE_URL: '', PORT: '', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`start timed out:\n${out}`)), 90_000);
    const check = () => {
      const m = /Panorama is running: (http:\/\/\S+)/.exec(out);
      if (!m) return;
      child.stdout.off('data', check);
      // The first-start block (e-mail, one-time password) is written right after the URL.
      setTimeout(() => {
        clearTimeout(timer);
        resolve(m[1]!);
      }, 300);
    };
    child.stdout.on('data', check);
    child.once('exit', (code) => reject(new Error(`start exited with ${code}:\n${out}`)));
  });
  return { child, output: () => out, url };
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

test(
  'first start: demo seeded, admin password printed once and usable; a restart keeps everything and prints no password',
  { timeout: 180_000 },
  async () => {
    const first = await start();
    let password: string;
    let campaigns: { id: string; submitted: number }[];
    try {
      const out = first.output();
      assert.match(out, /Demo data created: 60 structures/);
      const m = /password: (\S+)/.exec(out);
      assert.ok(m, `no password printed:\n${out}`);
      password = m[1]!;
      assert.match(out, /e-mail:\s+admin@panorama\.local/);
      const login = await fetch(`${first.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@panorama.local', password }),
      });
      assert.equal(login.status, 200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const list = await fetch(`${first.url}/api/campaigns`, { headers: { cookie } });
      campaigns = ((await list.json()) as { campaigns: { id: string; submitted: number }[] }).campaigns;
      assert.equal(campaigns.length, 2);
      assert.ok(campaigns.every((c) => c.submitted > 0));
    } finally {
      await stop(first.child);
    }

    const second = await start();
    try {
      const out = second.output();
      assert.doesNotMatch(out, /password:/);
      assert.doesNotMatch(out, /Demo data created/);
      const login = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@panorama.local', password }),
      });
      assert.equal(login.status, 200, 'the first password still works after a restart');
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const list = await fetch(`${second.url}/api/campaigns`, { headers: { cookie } });
      const again = ((await list.json()) as { campaigns: { id: string; submitted: number }[] }).campaigns;
      assert.deepEqual(
        again.map((c) => [c.id, c.submitted]),
        campaigns.map((c) => [c.id, c.submitted]),
      );
    } finally {
      await stop(second.child);
    }
  },
);
