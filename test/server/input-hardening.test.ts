import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, tokenOf, type TestServer } from './helpers.js';
import { InputError, loadResponsesFile, loadSurveyFile } from '../../src/ingest/index.js';
import { buildSurveyModel } from '../../src/survey/index.js';
import { ROOT } from '../support/shared.js';

const DEPTH = 5000;
const deepArray = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => server?.close());

describe('JSON nested 5,000 deep', () => {
  test('a draft answer: 400 naming the depth, in French and in English; nothing stored', async () => {
    const campaignId = server.demo.openCampaign.id;
    const invitation = (await server.store.invitations.list(campaignId, { status: ['not_started'] })).find(
      (i) => i.structureId,
    )!;
    const token = await tokenOf(server.store, campaignId, invitation.structureId!);
    for (const [lang, pattern] of [
      [
        'fr',
        /imbriqué trop profondément : profondeur 65 atteinte ligne 1, colonne \d+, alors que 64 niveaux/,
      ],
      ['en', /nested too deeply: depth 65 reached at line 1, column \d+, while at most 64 levels/],
    ] as const) {
      const res = await server.app.inject({
        method: 'PUT',
        url: `/api/respond/${token}/draft`,
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        payload: `{"data":{"projet_phare":${deepArray(DEPTH)}}}`,
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'json_too_deep');
      assert.match(res.json().error.message, pattern);
    }
    assert.equal(await server.store.responses.getByInvitation(invitation.id), undefined);
  });

  test('a survey definition, as an object or as JSON text: 400, no survey stored', async () => {
    const count = (await server.store.surveys.list()).length;
    const deepElement = `{"type":"panel","name":"p","elements":[${deepObject(DEPTH)}]}`;
    for (const payload of [
      `{"definition":{"pages":[{"name":"p1","elements":[${deepElement}]}]}}`,
      JSON.stringify({ definition: `{"pages":[{"name":"p1","elements":[${deepElement}]}]}` }),
    ]) {
      const res = await server.request(server.users.admin, {
        method: 'POST',
        url: '/api/surveys',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'json_too_deep');
      assert.match(res.json().error.message, /profondeur 65/);
    }
    assert.equal((await server.store.surveys.list()).length, count);
  });

  test('anonymous: a deep body never reaches a handler', async () => {
    const count = (await server.store.surveys.list()).length;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/surveys',
      headers: { 'content-type': 'application/json' },
      payload: `{"definition":${deepObject(DEPTH)}}`,
    });
    assert.ok(res.statusCode === 400 || res.statusCode === 401 || res.statusCode === 403, res.body);
    assert.equal((await server.store.surveys.list()).length, count);
  });

  test('files read by the command line: survey.json and responses name the depth, line and file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'panorama-deep-'));
    writeFileSync(join(dir, 'survey.json'), `{"pages":[{"name":"p","elements":${deepArray(DEPTH)}}]}`);
    await assert.rejects(loadSurveyFile(join(dir, 'survey.json')), (err: unknown) => {
      assert.match(String((err as Error).message), /survey\.json.*profondeur 65/);
      return true;
    });
    const survey = buildSurveyModel({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] });
    writeFileSync(
      join(dir, 'responses.jsonl'),
      `{"id":"r1","data":{"q":"ok"}}\n{"id":"r2","data":{"q":${deepArray(DEPTH)}}}\n`,
    );
    await assert.rejects(loadResponsesFile(join(dir, 'responses.jsonl'), survey), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.problems[0]!.line, 2);
      assert.match(err.problems[0]!.message, /nested too deeply: depth 65/);
      return true;
    });
    writeFileSync(join(dir, 'responses.json'), `[{"id":"r1","data":{"q":${deepArray(DEPTH)}}}]`);
    await assert.rejects(
      loadResponsesFile(join(dir, 'responses.json'), survey),
      /responses\.json.*profondeur 65/,
    );

    // The command prints the message, in French, without a stack trace.
    rmSync(join(dir, 'responses.json'));
    writeFileSync(join(dir, 'responses.jsonl'), '{"id":"r1","data":{}}\n');
    const result = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'bin', 'panorama.js'), 'report', dir],
      {
        cwd: ROOT,
        env: { ...process.env, PANORAMA_LANG: 'fr' },
      },
    ).then(
      () => assert.fail('the command accepted the survey'),
      (err: { code: number; stderr: string }) => err,
    );
    assert.equal(result.code, 2);
    assert.match(result.stderr, /survey\.json.*imbriqué trop profondément : profondeur 65/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});

describe('reserved question names', () => {
  for (const name of ['__proto__', 'constructor', 'prototype', 'hasOwnProperty']) {
    test(`"${name}" is refused with a message naming the question; nothing stored`, async () => {
      const count = (await server.store.surveys.list()).length;
      const definition = {
        title: 'Réservé',
        pages: [
          {
            name: 'p1',
            elements: [
              { type: 'text', name: 'ok' },
              { type: 'text', name },
            ],
          },
        ],
      };
      const res = await server.request(server.users.admin, {
        method: 'POST',
        url: '/api/surveys',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ definition }),
      });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'reserved_question_name');
      assert.match(
        res.json().error.message,
        new RegExp(`question « ${name} » \\(pages\\[0\\]\\.elements\\[1\\]\\) est réservé`),
      );
      assert.equal((await server.store.surveys.list()).length, count);
    });
  }

  test('a matrix row named __proto__ is refused too, and the command line names the question', async () => {
    const definition = {
      pages: [
        {
          name: 'p1',
          elements: [{ type: 'matrix', name: 'grille', rows: ['__proto__', 'b'], columns: ['1', '2'] }],
        },
      ],
    };
    assert.throws(
      () => buildSurveyModel(definition),
      /question "grille".*row value "__proto__" is reserved/s,
    );
    const dir = mkdtempSync(join(tmpdir(), 'panorama-reserved-'));
    writeFileSync(
      join(dir, 'survey.json'),
      JSON.stringify({ pages: [{ name: 'p', elements: [{ type: 'text', name: 'constructor' }] }] }),
    );
    await assert.rejects(loadSurveyFile(join(dir, 'survey.json')), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.equal(err.problems[0]!.question, 'constructor');
      assert.match(err.message, /survey\.json.*question "constructor".*reserved/);
      return true;
    });
  });
});
