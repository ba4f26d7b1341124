import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { startTestServer, type TestServer } from '../server/helpers.js';
import { member, zip } from '../ingest/zip-bomb.js';
import { interopFiles, skipWithoutInterop } from './support.js';

/** POST /api/surveys/import(/preview): admins only; conversion report in the user's language. */

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(async () => server?.close());

const tiny = Buffer.from(
  JSON.stringify({ title: 'Flash', pages: [{ name: 'p', elements: [{ type: 'text', name: 'q' }] }] }),
);
const body = (filename: string, bytes: Buffer, title?: string) => ({
  filename,
  content: bytes.toString('base64'),
  ...(title ? { title } : {}),
});

describe('survey import routes: access', () => {
  for (const url of ['/api/surveys/import/preview', '/api/surveys/import']) {
    test(`anonymous → 401 on POST ${url}, nothing stored`, async () => {
      const before = (await server.store.surveys.list()).length;
      const res = await server.request(undefined, { method: 'POST', url, payload: body('s.json', tiny) });
      assert.equal(res.statusCode, 401, res.body);
      assert.equal(res.json().error.code, 'unauthenticated');
      assert.equal((await server.store.surveys.list()).length, before);
    });
    test(`correspondent and viewer → 403 on POST ${url}`, async () => {
      for (const session of [server.users.nord, server.users.viewer]) {
        const res = await server.request(session, { method: 'POST', url, payload: body('s.json', tiny) });
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'forbidden');
      }
    });
  }
});

const lsa = interopFiles('limesurvey', ['.lsa']).find((f) => f.includes('862611'));
const xlsx = interopFiles('xlsform', ['.xlsx']).find((f) => f.includes('or_other'));

describe('survey import routes: admin', () => {
  test('SurveyJS JSON: imported with an empty report', async () => {
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/surveys/import',
      payload: body('flash.json', tiny),
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().survey.title, 'Flash');
    assert.deepEqual(res.json().report.issues, []);
  });

  test(
    'LimeSurvey archive: the preview stores nothing and reports in French; the import creates the questionnaire',
    { skip: skipWithoutInterop('limesurvey', ['.lsa']) || (!lsa && 'no 862611 archive') },
    async () => {
      const bytes = readFileSync(lsa!);
      const count = (await server.store.surveys.list()).length;
      const preview = await server.request(server.users.admin, {
        method: 'POST',
        url: '/api/surveys/import/preview',
        payload: body(basename(lsa!), bytes),
      });
      assert.equal(preview.statusCode, 200, preview.body);
      const report = preview.json().report;
      assert.equal(report.format, 'limesurvey-lsa');
      assert.equal(report.responses, 3);
      assert.ok(report.questions > 27);
      const encrypted = report.issues.find((i: { code: string }) => i.code === 'response_encrypted');
      assert.equal(encrypted.question, 'G01Q15');
      assert.match(encrypted.reason, /chiffrées/);
      assert.ok(report.issues.some((i: { kind: string }) => i.kind === 'approximated'));
      assert.match(report.notes[0], /3 réponse\(s\) terminée\(s\)/);
      assert.ok(preview.json().definition.pages.length > 0);
      assert.equal((await server.store.surveys.list()).length, count, 'the preview stored nothing');

      const res = await server.request(server.users.admin, {
        method: 'POST',
        url: '/api/surveys/import',
        payload: body(basename(lsa!), bytes, 'Test complet LimeSurvey'),
      });
      assert.equal(res.statusCode, 201, res.body);
      const survey = res.json().survey;
      assert.equal(survey.title, 'Test complet LimeSurvey');
      assert.equal(survey.questionCount, report.questions);
      assert.equal((await server.store.surveys.list()).length, count + 1);
      const audit = await server.store.audit.list({ action: 'survey.import', target: survey.id });
      assert.equal(audit.length, 1);
    },
  );

  test(
    'XLSForm by multipart upload, report in English when asked',
    { skip: skipWithoutInterop('xlsform', ['.xlsx']) || (!xlsx && 'no or_other.xlsx') },
    async () => {
      const boundary = '----panorama-test';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(xlsx!)}"\r\n` +
            'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
        ),
        readFileSync(xlsx!),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await server.request(server.users.admin, {
        method: 'POST',
        url: '/api/surveys/import/preview',
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'accept-language': 'en',
        },
        payload,
      });
      assert.equal(res.statusCode, 200, res.body);
      const issue = res.json().report.issues.find((i: { feature: string }) => i.feature === 'choice_filter');
      assert.equal(issue.question, 'fav_pastel');
      assert.match(issue.reason, /not carried over/);
    },
  );

  test('refusals name the file in French: unknown format, ZIP bomb, broken JSON', async () => {
    const unknown = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/surveys/import/preview',
      payload: body('ancien.xls', Buffer.from('xx')),
    });
    assert.equal(unknown.statusCode, 415, unknown.body);
    assert.match(unknown.json().error.message, /« ancien\.xls ».*\.lss, \.lsa/);

    const bomb = zip([member('survey_1.lss', Buffer.alloc(65 * 1024 * 1024, 0x20))]);
    const refused = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/surveys/import/preview',
      payload: body('bombe.lsa', bomb),
    });
    assert.equal(refused.statusCode, 413, refused.body);
    assert.match(refused.json().error.message, /« bombe\.lsa ».*limite de 64 Mo/);

    const broken = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/surveys/import',
      payload: body('casse.json', Buffer.from('{\n  "pages": [\n    {"name": "p",,}\n]}')),
    });
    assert.equal(broken.statusCode, 422, broken.body);
    assert.match(broken.json().error.message, /« casse\.json ».*ligne 3, colonne/);
  });
});
