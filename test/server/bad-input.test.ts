import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer, type TestServer } from './helpers.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({ bodyLimit: 256 * 1024 });
});
after(async () => server?.close());

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('survey upload', () => {
  test('malformed JSON text: 422 with line and column, nothing stored', async () => {
    const before = (await server.store.surveys.list()).length;
    // Line 4 misses a comma before "name": the parser stops at column 52, where that key starts.
    const text =
      '{\n  "title": "Essai",\n  "pages": [\n    { "name": "p1", "elements": [ { "type": "text" "name": "q1" } ] }\n  ]\n}';
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/surveys',
      payload: { definition: text },
    });
    assert.equal(res.statusCode, 422);
    const { error } = res.json();
    assert.equal(error.code, 'invalid_definition');
    assert.match(error.message, /ligne 4, colonne 52/);
    assert.equal(error.details[0].line, 4);
    assert.equal(error.details[0].column, 52);
    assert.equal((await server.store.surveys.list()).length, before);
  });

  test('a definition problem names the question', async () => {
    const definition = {
      title: 'Essai',
      pages: [{ name: 'p1', elements: [{ type: 'radiogroup', name: 'couleur', choices: ['a', 'a'] }] }],
    };
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/surveys',
      payload: { definition },
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.json().error.message, /couleur/);
    assert.equal(res.json().error.details[0].question, 'couleur');
  });

  test('a valid definition creates version 1, a new upload version 2; campaigns keep theirs', async () => {
    const definition = {
      title: 'Flash',
      pages: [{ name: 'p1', elements: [{ type: 'boolean', name: 'ok' }] }],
    };
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/surveys',
      payload: { definition: JSON.stringify(definition) },
    });
    assert.equal(res.statusCode, 201, res.body);
    const survey = res.json().survey;
    assert.equal(survey.version, 1);
    assert.equal(survey.questionCount, 1);
    const campaign = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: 'Flash', surveyId: survey.id, opensAt: '2026-01-05', closesAt: '2026-01-09' },
    });
    assert.equal(campaign.statusCode, 201, campaign.body);
    const c = campaign.json().campaign;
    // Paris days: 5 January 00:00 (UTC+1) → 4 January 23:00 UTC; closing at the end of the 9th.
    assert.equal(c.opensAt, '2026-01-04T23:00:00.000Z');
    assert.equal(c.closesAt, '2026-01-09T22:59:59.999Z');
    assert.equal(c.invitations, 60);
    const v2 = await server.request(server.users.admin, {
      method: 'POST',
      url: `/api/surveys/${survey.id}/versions`,
      payload: {
        definition: { ...definition, pages: [{ name: 'p1', elements: [{ type: 'text', name: 'autre' }] }] },
      },
    });
    assert.equal(v2.statusCode, 201);
    assert.equal(v2.json().survey.version, 2);
    const again = await server.request(server.users.admin, { method: 'GET', url: `/api/campaigns/${c.id}` });
    assert.equal(again.json().campaign.surveyVersion, 1);
  });
});

describe('registry import', () => {
  test('wrong columns: the precise list, and nothing written', async () => {
    const before = (await server.store.structures.list()).length;
    const csv = 'identifiant_structure;raison;ville\nX1;Centre A;Lille\n';
    for (const url of ['/api/structures/import/preview', '/api/structures/import']) {
      const res = await server.request(server.users.admin, {
        method: 'POST',
        url,
        payload: { filename: 'registre.csv', content: b64(csv) },
      });
      const errors = url.endsWith('preview') ? res.json().errors : res.json().error.details;
      if (url.endsWith('preview')) assert.equal(res.statusCode, 200);
      else assert.equal(res.statusCode, 422);
      assert.deepEqual(
        errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`),
        ['1:id', '1:nom'],
      );
      assert.match(errors[0].reason, /identifiant_structure, raison, ville/);
    }
    assert.equal((await server.store.structures.list()).length, before);
  });

  test('bad values: every cell is listed with line, column, value and reason; nothing written', async () => {
    const before = (await server.store.structures.list()).length;
    const csv = [
      'id;nom;type;code_commune;qpv;email;territoire',
      'N1;Centre Nouveau;CS;59350;oui;a@b.fr;Métropole lilloise',
      'N2;;XYZ;99999;peut-être;pas-un-mail;Métropole lilloise',
      'N1;Doublon;EVS;59350;non;;Métropole lilloise',
    ].join('\n');
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/structures/import',
      payload: { filename: 'registre.csv', content: b64(csv) },
    });
    assert.equal(res.statusCode, 422);
    const details = res.json().error.details as {
      line: number;
      column: string;
      value: string;
      reason: string;
    }[];
    const seen = details.map((d) => `${d.line}|${d.column}|${d.value}`);
    assert.deepEqual(seen.sort(), [
      '3|code_commune|99999',
      '3|email|pas-un-mail',
      '3|nom|',
      '3|qpv|peut-être',
      '3|type|XYZ',
      '4|id|N1',
    ]);
    assert.match(details.find((d) => d.line === 4)!.reason, /lignes 2 et 4/);
    assert.equal((await server.store.structures.list()).length, before);
  });

  test('a valid file: preview first (nothing written), then import creates structures and territories', async () => {
    const csv = [
      'id,nom,type,code_commune,qpv,territoire,email,gestion',
      'IMP-1,Centre social du Port,CS,62193,oui,Calaisis,direction@port.example.org,associative',
      'IMP-2,EVS La Halte,EVS,62193,non,Calaisis,,associative',
      'CS59-001,Centre renommé,CS,59350,oui,Métropole lilloise,,municipale',
    ].join('\n');
    const payload = { filename: 'registre.csv', content: b64(csv) };
    const preview = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/structures/import/preview',
      payload,
    });
    assert.equal(preview.statusCode, 200, preview.body);
    const p = preview.json();
    assert.deepEqual(p.errors, []);
    assert.equal(p.total, 3);
    assert.equal(p.toCreate, 2);
    assert.equal(p.toUpdate, 1);
    assert.deepEqual(p.territoriesToCreate, [{ name: 'Calaisis', level: 'territoire' }]);
    assert.equal(await server.store.structures.get('IMP-1'), undefined);

    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/structures/import',
      payload,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { created: 2, updated: 1, unchanged: 0, territoriesCreated: 1 });
    const port = (await server.store.structures.get('IMP-1'))!;
    assert.equal(port.communeCode, '62193');
    assert.equal(port.qpv, true);
    assert.equal(port.attributes.email, 'direction@port.example.org');
    assert.equal(port.attributes.departement, 'Pas-de-Calais');
    const calaisis = (await server.store.territories.list()).find((t) => t.name === 'Calaisis')!;
    assert.equal(port.territoryId, calaisis.id);
    // Calaisis was created under the existing Pas-de-Calais département (matched by its code).
    assert.equal(calaisis.parentId, 'demo-d-pdc');
    assert.equal((await server.store.structures.get('CS59-001'))!.name, 'Centre renommé');
    const audit = await server.store.audit.list({ action: 'structures.import' });
    assert.equal(audit.length, 1);
  });

  test('an XLSX registry gives the same preview, with spreadsheet row numbers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Structures');
    sheet.addRow(['id', 'nom', 'type', 'qpv']);
    sheet.addRow(['XL-1', 'Centre tableur', 'CS', 'oui']);
    sheet.addRow(['XL-2', 'EVS tableur', 'Crèche', 'non']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/structures/import/preview',
      payload: { filename: 'registre.xlsx', content },
    });
    assert.equal(res.statusCode, 200, res.body);
    const p = res.json();
    assert.deepEqual(p.columns, ['id', 'nom', 'type', 'qpv']);
    assert.equal(p.total, 2);
    assert.deepEqual(
      p.errors.map((e: { line: number; column: string; value: string }) => [e.line, e.column, e.value]),
      [[3, 'type', 'Crèche']],
    );
    assert.equal(await server.store.structures.get('XL-1'), undefined);
  });

  test('multipart upload works like the JSON body', async () => {
    const boundary = '----panorama';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      'id;nom\nMP-1;Centre multipart\n' +
      `\r\n--${boundary}--\r\n`;
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/structures/import/preview',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().columns, ['id', 'nom']);
    assert.equal(res.json().toCreate, 1);
  });
});

describe('request limits', () => {
  test('an oversized body gets 413 with a clear message and nothing is stored', async () => {
    const invitation = (
      await server.store.invitations.list(server.demo.openCampaign.id, { status: ['not_started'] })
    )[0]!;
    const res = await server.app.inject({
      method: 'PUT',
      url: `/api/respond/${invitation.token}/draft`,
      payload: { data: { projet_phare: 'x'.repeat(300 * 1024) } },
    });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'body_too_large');
    assert.match(res.json().error.message, /trop volumineux/);
    assert.equal(await server.store.responses.getByInvitation(invitation.id), undefined);
  });

  test('a malformed request body is a 400 naming the field, in French', async () => {
    const res = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/campaigns',
      payload: { name: '', surveyId: 'x', opensAt: '31/12/2026', closesAt: '2026-12-31' },
    });
    assert.equal(res.statusCode, 400);
    const { error } = res.json();
    assert.equal(error.code, 'bad_request');
    assert.deepEqual(error.details.map((d: { path: string }) => d.path).sort(), ['name', 'opensAt']);
    assert.match(error.message, /AAAA-MM-JJ/);
  });
});

describe('registry import routes: access and the erase option', () => {
  const partial = (clearEmpty?: boolean) => ({
    filename: 'partiel.csv',
    content: b64('id;email\nCS59-001;\n'),
    ...(clearEmpty === undefined ? {} : { clearEmpty }),
  });

  test('anonymous, viewer and correspondent get nothing and change nothing, with or without clearEmpty', async () => {
    const before = await server.store.structures.get('CS59-001');
    for (const url of ['/api/structures/import/preview', '/api/structures/import']) {
      const anonymous = await server.request(undefined, { method: 'POST', url, payload: partial(true) });
      assert.equal(anonymous.statusCode, 401, `${url}: ${anonymous.body}`);
      for (const session of [server.users.viewer, server.users.nord]) {
        const res = await server.request(session, { method: 'POST', url, payload: partial(true) });
        assert.equal(res.statusCode, 403, `${url}: ${res.body}`);
      }
    }
    assert.deepEqual(await server.store.structures.get('CS59-001'), before);
  });

  test('an empty cell keeps the e-mail unless clearEmpty is sent (JSON or multipart)', async () => {
    const structure = (await server.store.structures.get('CS59-001'))!;
    await server.store.structures.update('CS59-001', {
      attributes: { ...structure.attributes, email: 'garde@centre.fr' },
    });
    const kept = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/structures/import',
      payload: partial(),
    });
    assert.equal(kept.statusCode, 200, kept.body);
    assert.deepEqual(kept.json(), { created: 0, updated: 0, unchanged: 1, territoriesCreated: 0 });
    assert.equal((await server.store.structures.get('CS59-001'))!.attributes.email, 'garde@centre.fr');

    const boundary = '----panorama-clear';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="clearEmpty"\r\n\r\ntrue\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.csv"\r\nContent-Type: text/csv\r\n\r\n` +
      'id;email\nCS59-001;\n' +
      `\r\n--${boundary}--\r\n`;
    const preview = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/structures/import/preview',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    assert.equal(preview.statusCode, 200, preview.body);
    assert.deepEqual(preview.json().changes[0].changes, [
      { field: 'email', attribute: true, before: 'garde@centre.fr', after: null },
    ]);
    assert.equal((await server.store.structures.get('CS59-001'))!.attributes.email, 'garde@centre.fr');
    const cleared = await server.request(server.users.admin, {
      method: 'POST',
      url: '/api/structures/import',
      payload: partial(true),
    });
    assert.equal(cleared.statusCode, 200, cleared.body);
    assert.equal((await server.store.structures.get('CS59-001'))!.attributes.email, undefined);
  });
});
