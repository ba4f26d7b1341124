import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openStore, type Store } from '../../src/store/index.js';
import { createApp, loadConfig, hashPassword, type ServerConfig } from '../../src/server/index.js';
import { seedDemo, type DemoSummary } from '../../src/demo/index.js';

export const PASSWORD = 'mot-de-passe-de-test';

export interface Session {
  headers: Record<string, string>;
  csrfToken: string;
}

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  config: ServerConfig;
  dir: string;
  demo: DemoSummary;
  /** The server's clock; tests move it to open or close campaigns. */
  clock: { now: Date };
  users: { admin: Session; nord: Session; viewer: Session };
  request(session: Session | undefined, options: InjectOptions): Promise<LightMyRequestResponse>;
  login(email: string, password?: string): Promise<Session>;
  close(): Promise<void>;
}

/**
 * A real server on a real temporary SQLite file (or PostgreSQL with databaseUrl), seeded with the
 * demo network (Hauts-de-France > Nord, Pas-de-Calais) and three accounts: an admin, a
 * correspondent of Nord and a viewer.
 */
export async function startTestServer(
  options: {
    databaseUrl?: string;
    loginRateLimit?: number;
    bodyLimit?: number;
    baseUrl?: string;
    webRoot?: string;
    /** Called on the app before it starts (e.g. to add hooks); the app is ready right after. */
    beforeReady?: (app: FastifyInstance) => void;
  } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-server-'));
  const store = await openStore({ dataDir: dir, databaseUrl: options.databaseUrl });
  await store.migrate();
  const clock = { now: new Date() };
  const demo = await seedDemo(store, { now: clock.now });
  const passwordHash = await hashPassword(PASSWORD);
  await store.users.create({ email: 'admin@test.fr', name: 'Admin', role: 'admin', passwordHash });
  await store.users.create({
    email: 'nord@test.fr',
    name: 'Correspondant Nord',
    role: 'correspondent',
    passwordHash,
    territoryIds: ['demo-d-nord'],
  });
  await store.users.create({ email: 'viewer@test.fr', name: 'Lecteur', role: 'viewer', passwordHash });
  const config = loadConfig({
    env: {},
    file: join(dir, 'none.json'),
    overrides: {
      dataDir: dir,
      baseUrl: options.baseUrl ?? 'http://panorama.test',
      loginRateLimit: options.loginRateLimit ?? 1000,
      ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    },
  });
  const app = await createApp({ store, config, now: () => clock.now, webRoot: options.webRoot ?? false });
  options.beforeReady?.(app);

  const request = (session: Session | undefined, opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...(session?.headers ?? {}), ...(opts.headers ?? {}) } });
  const login = async (email: string, password = PASSWORD): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email}: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'panorama_session')!;
    const csrfToken = res.json<{ csrfToken: string }>().csrfToken;
    return { csrfToken, headers: { cookie: `${cookie.name}=${cookie.value}`, 'x-csrf-token': csrfToken } };
  };
  const users = {
    admin: await login('admin@test.fr'),
    nord: await login('nord@test.fr'),
    viewer: await login('viewer@test.fr'),
  };
  return {
    app,
    store,
    config,
    dir,
    demo,
    clock,
    users,
    request,
    login,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Structure ids of the demo network by département. */
export async function structuresByDepartement(store: Store): Promise<{ nord: string[]; pdc: string[] }> {
  const nord = (await store.structures.list({ territoryIds: ['demo-d-nord'] })).map((s) => s.id);
  const pdc = (await store.structures.list({ territoryIds: ['demo-d-pdc'] })).map((s) => s.id);
  return { nord, pdc };
}

export async function tokenOf(store: Store, campaignId: string, structureId: string): Promise<string> {
  const invitation = await store.invitations.findForStructure(campaignId, structureId);
  if (!invitation) throw new Error(`no invitation for ${structureId}`);
  return invitation.token;
}
