import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Real mistakes (a ragged CSV line, an unknown column, a bad option, an indicator file naming an
 * unknown question) through the command line: French by default, English with --lang en, and the
 * file, line, column and value named in both.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'src', 'main', 'panorama.ts');

async function fails(...args: string[]): Promise<string> {
  const env = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'PANORAMA_LANG']) delete env[k];
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: ROOT, env });
    return assert.fail('the command succeeded');
  } catch (err) {
    const e = err as { code: number; stderr: string };
    assert.equal(e.code, 2, e.stderr);
    assert.doesNotMatch(e.stderr, /\n\s+at /, 'no stack trace');
    return e.stderr.trim();
  }
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-errors-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SURVEY = JSON.stringify({
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'radiogroup', name: 'qpv', choices: ['oui', 'non'] },
        { type: 'text', inputType: 'number', name: 'etp' },
      ],
    },
  ],
});

describe('input file problems in the user language', () => {
  test('a CSV line with too many fields: file, line and counts', async () => {
    const dir = folder({ 'survey.json': SURVEY, 'responses.csv': 'id,qpv,etp\nr1,oui,3\nr2,non,4,9\n' });
    const fr = await fails('report', dir);
    assert.match(
      fr,
      /responses\.csv, ligne 3 : cette ligne a 4 champs mais l'en-tête a 3 colonnes \(séparateur « , »/,
    );
    assert.doesNotMatch(fr, /this line|field/);
    const en = await fails('report', dir, '--lang', 'en');
    assert.match(en, /responses\.csv, line 3: this line has 4 fields but the header has 3 columns/);
  });

  test('an unknown column and a bad checkbox-free value: column, response and hint named', async () => {
    const dir = folder({ 'survey.json': SURVEY, 'responses.csv': 'id,qpvv,etp\nr1,oui,3\n' });
    const fr = await fails('report', dir);
    assert.match(
      fr,
      /responses\.csv, ligne 1, colonne B "qpvv" : la colonne « qpvv » n'est pas une question de ce questionnaire ; vouliez-vous dire « qpv » \?/,
    );
    const en = await fails('--lang', 'en', 'report', dir);
    assert.match(en, /column "qpvv" is not a question of this survey; did you mean "qpv"\?/);
  });

  test('a duplicate response id in JSONL: line, response and first line', async () => {
    const line = (id: string) => JSON.stringify({ id, data: { qpv: 'oui' } });
    const dir = folder({ 'survey.json': SURVEY, 'responses.jsonl': `${line('r1')}\n${line('r1')}\n` });
    const fr = await fails('report', dir);
    assert.match(
      fr,
      /responses\.jsonl, ligne 2 : réponse « r1 » : identifiant de réponse « r1 » en double \(déjà ligne 1\)/,
    );
    const en = await fails('report', dir, '--lang=en');
    assert.match(
      en,
      /responses\.jsonl, line 2: response "r1": duplicate response id "r1" \(first on line 1\)/,
    );
  });

  test('a missing responses file: the folder and what was found', async () => {
    const dir = folder({ 'survey.json': SURVEY });
    assert.match(
      await fails('report', dir),
      /aucun fichier responses\.jsonl \/ .* dans ce dossier \(trouvé : survey\.json\)/,
    );
    assert.match(
      await fails('report', dir, '--lang', 'en'),
      /no responses\.jsonl \/ .* in this folder \(found: survey\.json\)/,
    );
  });
});

describe('command-line options and publication files in the user language', () => {
  test('brochure --k 0: the option and the value', async () => {
    const dir = folder({ 'survey.json': SURVEY, 'responses.jsonl': '' });
    assert.equal(
      await fails('brochure', dir, '--k', '0'),
      "panorama: --k « 0 » : un nombre entier d'au moins 1 est attendu (par exemple --k 5).",
    );
    assert.equal(
      await fails('brochure', dir, '--k', '0', '--lang', 'en'),
      'panorama: --k "0": a whole number of at least 1 is expected (e.g. --k 5).',
    );
  });

  test('an indicator file naming an unknown question: file, path and question', async () => {
    const dir = folder({
      'survey.json': SURVEY,
      'responses.jsonl': `${JSON.stringify({ id: 'r1', data: { qpv: 'oui', etp: 2 } })}\n`,
      'indicators.json': JSON.stringify({
        title: 'Chiffres',
        indicators: [{ id: 'etp', label: 'ETP', kind: 'mean', question: 'etpp' }],
      }),
    });
    const fr = await fails('brochure', dir);
    assert.match(fr, /indicators\.json : fichier d'indicateurs invalide \(1 problème\) :/);
    assert.match(fr, /indicators\[0\] \(etp\) : question « etpp » inconnue \(absente du questionnaire\)/);
    const en = await fails('brochure', dir, '--lang', 'en');
    assert.match(en, /indicators\.json: invalid indicator file \(1 problem\):/);
    assert.match(en, /indicators\[0\] \(etp\): unknown question "etpp" \(not in the survey definition\)/);
  });

  test('an indicator file with a schema mistake: our words, not zod’s', async () => {
    const dir = folder({
      'survey.json': SURVEY,
      'responses.jsonl': '',
      'indicators.json': JSON.stringify({ title: 'x', indicators: [{ id: 'a', label: 'a', kind: 'mean' }] }),
    });
    const fr = await fails('brochure', dir);
    assert.match(fr, /indicators\[0\]\.question : valeur obligatoire manquante/);
    assert.doesNotMatch(fr, /Invalid input|expected string/);
  });

  test('solidarity with an unknown sub-command', async () => {
    assert.match(
      await fails('solidarity', 'chiffres', '.'),
      /sous-commande « chiffres » inconnue ; possibles : figures, export\./,
    );
    assert.match(
      await fails('--lang', 'en', 'solidarity', 'chiffres', '.'),
      /unknown solidarity subcommand "chiffres"; use one of: figures, export\./,
    );
  });
});

describe('panorama start: a database or a port it cannot use, in the user language', () => {
  test('a data folder that is a file: our words, the path, no driver text', async () => {
    const dir = folder({ 'plain-file': 'not a folder' });
    const dataDir = join(dir, 'plain-file', 'sub');
    const fr = await fails('start', '--no-demo', '--port', '0', '--data-dir', dataDir);
    assert.match(
      fr,
      /Impossible d’ouvrir la base « .*plain-file.*panorama\.sqlite » : le dossier de données/,
    );
    assert.match(fr, /\[code E[A-Z]+\]/);
    assert.doesNotMatch(fr, /cannot open|ENOTDIR:/);
    const en = await fails('--lang', 'en', 'start', '--no-demo', '--port', '0', '--data-dir', dataDir);
    assert.match(en, /Cannot open the database ".*panorama\.sqlite": the data folder does not exist/);
  });

  test('a file that is not a database', async () => {
    const dir = folder({ 'panorama.sqlite': 'this is not SQLite, just text long enough to be a header' });
    const fr = await fails('start', '--no-demo', '--port', '0', '--data-dir', dir);
    assert.match(fr, /n’est pas une base SQLite ou il est endommagé .*panorama restore/);
  });

  test('DATABASE_URL that is not PostgreSQL, or a server that does not answer', async () => {
    const bad = await failsWith(
      { DATABASE_URL: 'mysql://u:secret@h/db' },
      'start',
      '--no-demo',
      '--port',
      '0',
    );
    assert.match(bad, /DATABASE_URL : format invalide : une adresse postgres:\/\/… ou postgresql:\/\/…/);
    assert.doesNotMatch(bad, /secret/);
    const down = await failsWith(
      { DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/db' },
      'start',
      '--no-demo',
      '--port',
      '0',
    );
    assert.match(down, /le serveur PostgreSQL ne répond pas .*\[code ECONNREFUSED\]/);
    assert.doesNotMatch(down, /secret/);
  });
});

async function failsWith(extra: Record<string, string>, ...args: string[]): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'PANORAMA_LANG']) delete env[k];
  env.DATA_DIR = mkdtempSync(join(tmpdir(), 'panorama-start-'));
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: ROOT, env });
    return assert.fail('the command succeeded');
  } catch (err) {
    const e = err as { code: number; stderr: string };
    assert.equal(e.code, 2, e.stderr);
    assert.doesNotMatch(e.stderr, /\n\s+at /, 'no stack trace');
    return e.stderr.trim();
  }
}
