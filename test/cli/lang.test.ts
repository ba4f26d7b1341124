import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { cliLang, withoutGlobalLang } from '../../src/cli/lang.js';

/** The command line words its errors in the user's language: --lang, PANORAMA_LANG, then the locale. */
const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'src', 'main', 'panorama.ts');

async function panorama(env: Record<string, string>, ...args: string[]) {
  const clean = { ...process.env };
  for (const k of ['LANG', 'LC_ALL', 'LC_MESSAGES', 'PANORAMA_LANG']) delete clean[k];
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      cwd: ROOT,
      env: { ...clean, ...env },
    });
    return assert.fail('the command succeeded');
  } catch (err) {
    const e = err as { code: number; stderr: string };
    assert.doesNotMatch(e.stderr, /\n\s+at /, 'no stack trace');
    return { code: e.code, stderr: e.stderr.trim() };
  }
}

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'panorama-lang-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const SURVEY = JSON.stringify({
  pages: [{ name: 'p', elements: [{ type: 'radiogroup', name: 'qpv', choices: ['oui', 'non'] }] }],
});

describe('cliLang', () => {
  test('--lang first, then PANORAMA_LANG, LC_ALL, LC_MESSAGES, LANG; French otherwise', () => {
    assert.equal(cliLang([], {}), 'fr');
    assert.equal(cliLang([], { LANG: 'C' }), 'fr');
    assert.equal(cliLang([], { LANG: 'en_GB.UTF-8' }), 'en');
    assert.equal(cliLang([], { LANG: 'en_GB.UTF-8', LC_ALL: 'fr_FR.UTF-8' }), 'fr');
    assert.equal(cliLang([], { LANG: 'fr_FR@euro', PANORAMA_LANG: 'en' }), 'en');
    assert.equal(cliLang(['--lang', 'en', 'report'], { LANG: 'fr_FR.UTF-8' }), 'en');
    assert.equal(cliLang(['report', 'x', '--lang=fr'], { LANG: 'en_US.UTF-8' }), 'fr');
    assert.equal(cliLang(['report', '--', '--lang', 'en'], {}), 'fr');
  });

  test('a --lang given before the command is taken out of its arguments', () => {
    assert.deepEqual(withoutGlobalLang(['--lang', 'en', 'report', 'x']), ['report', 'x']);
    assert.deepEqual(withoutGlobalLang(['--lang=en', 'report']), ['report']);
    assert.deepEqual(withoutGlobalLang(['report', '--lang', 'en']), ['report', '--lang', 'en']);
  });
});

describe('panorama: errors in the user language', () => {
  test('an unknown command, from the locale or --lang', async () => {
    const fr = await panorama({ LANG: 'fr_FR.UTF-8' }, 'raport');
    assert.equal(fr.code, 2);
    assert.equal(
      fr.stderr,
      'panorama: commande « raport » inconnue. Lancez « panorama --help » pour la liste des commandes.',
    );
    const en = await panorama({ LANG: 'en_GB.UTF-8' }, 'raport');
    assert.equal(
      en.stderr,
      'panorama: unknown command "raport". Run "panorama --help" for the list of commands.',
    );
    const forced = await panorama({ LANG: 'fr_FR.UTF-8' }, '--lang', 'en', 'raport');
    assert.equal(forced.stderr, en.stderr);
  });

  test('an unknown option: named, with no parser text', async () => {
    const fr = await panorama({}, 'report', '--formt', 'json', 'x');
    assert.match(fr.stderr, /option « --formt » inconnue\. Lancez « panorama report --help »/);
    const en = await panorama({ PANORAMA_LANG: 'en' }, 'report', '--formt', 'json', 'x');
    assert.match(en.stderr, /unknown option "--formt"\. Run "panorama report --help"/);
  });

  test('a survey file with a JSON mistake: file, line and column in each language', async () => {
    const dir = folder({ 'survey.json': '{\n  "pages": [\n    { "name": "p" ]\n}', 'responses.jsonl': '' });
    const fr = await panorama({}, 'report', dir);
    assert.match(
      fr.stderr,
      /1 problème dans survey\.json :\n {2}- survey\.json, ligne 3, colonne 19 : JSON invalide : "\]\\n\}" inattendu/,
    );
    const en = await panorama({ LANG: 'en_US.UTF-8' }, 'report', dir);
    assert.match(
      en.stderr,
      /1 problem in survey\.json:\n {2}- survey\.json, line 3, column 19: invalid JSON: unexpected "\]\\n\}"/,
    );
  });

  test('a bad --where: the report command’s own --lang also words its errors', async () => {
    const dir = folder({ 'survey.json': SURVEY, 'responses.jsonl': '{"id":"r1","data":{"qpv":"oui"}}\n' });
    const syntax = await panorama({}, 'report', dir, '--where', 'qpv');
    // The same catalogue code as the web API's `where` (one report use case, src/app/reports).
    assert.equal(
      syntax.stderr,
      'panorama: Filtre « qpv » invalide : écrivez clé=valeur (par exemple territoire=Lille).',
    );
    const unknownFr = await panorama({}, 'report', dir, '--where', 'region=Nord');
    assert.match(
      unknownFr.stderr,
      /Filtre region=Nord : « region » n'est ni un attribut du répertoire ni une question \(questions : qpv\)/,
    );
    const unknownEn = await panorama({}, 'report', dir, '--lang', 'en', '--where', 'qpv=peut-être');
    assert.match(
      unknownEn.stderr,
      /Filter qpv=peut-être: "peut-être" is not a choice value of question "qpv" \(choices: oui, non\)/,
    );
  });
});
