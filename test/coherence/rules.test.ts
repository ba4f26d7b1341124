import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRuleSet } from '../../src/coherence/index.js';
import { PanoramaError } from '../../src/contract/errors/index.js';
import type { RuleProblem } from '../../src/contract/errors/coherence.js';
import { loadSurveyFile } from '../../src/ingest/index.js';
import { buildSurveyModel } from '../../src/survey/model.js';
import { fixtureDir, ROOT, skipWithoutFixture } from '../support/shared.js';

const survey = buildSurveyModel({
  locale: 'fr',
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'text', inputType: 'number', name: 'budget', title: 'Budget' },
        { type: 'comment', name: 'note', title: 'Note' },
      ],
    },
  ],
});

function refused(input: unknown, withSurvey = false): { fr: string; en: string; problems: RuleProblem[] } {
  try {
    parseRuleSet(input, 'regles.json', withSurvey ? survey : undefined);
  } catch (err) {
    assert.ok(err instanceof PanoramaError, String(err));
    return { fr: err.messageIn('fr'), en: err.messageIn('en'), problems: err.details as RuleProblem[] };
  }
  assert.fail('the rules were accepted');
}

describe('rules files with mistakes', () => {
  test('each problem names the rule number, the field and the value, in French', () => {
    const { fr, en, problems } = refused({
      rules: [
        { id: 'a', kind: 'range', question: 'budget', min: 'beaucoup', severity: 'bloquant' },
        { id: 'b', kind: 'ratios' },
        { id: 'c', kind: 'compare', left: 'budget', op: '=<', right: 'budget', severity: 'flag' },
        { id: 'a', kind: 'range', question: 'budget', max: 1, severity: 'flag', unknown: true },
      ],
    });
    assert.match(fr, /Les règles de cohérence « regles\.json » ne sont pas valables/);
    assert.match(fr, /Règle n° 1 \(« a »\), champ « min » \(valeur : "beaucoup"\) : doit être un nombre\./);
    assert.match(
      fr,
      /Règle n° 1 \(« a »\), champ « severity » \(valeur : "bloquant"\) : doit valoir l'un de : blocking, warning, flag\./,
    );
    assert.match(
      fr,
      /Règle n° 2 \(« b »\), champ « kind » \(valeur : "ratios"\) : n'est pas un type de règle connu/,
    );
    assert.match(fr, /Règle n° 3 \(« c »\), champ « op » \(valeur : "=<"\)/);
    assert.match(fr, /Règle n° 4 \(« a »\), champ « unknown » : n'est pas un champ connu/);
    assert.match(en, /Rule #1 \("a"\), field "min" \(value: "beaucoup"\): must be a number\./);
    assert.equal(problems.length, 5);
  });
  test('missing fields, bounds, duplicate ids and template fields', () => {
    const { fr } = refused({
      rules: [
        { id: 'a', kind: 'range', question: 'budget', severity: 'flag' },
        { id: 'b', kind: 'range', question: 'budget', min: 10, max: 1, severity: 'flag' },
        { id: 'b', kind: 'change', question: 'budget', severity: 'flag' },
        {
          id: 'd',
          kind: 'range',
          question: 'budget',
          min: 1,
          severity: 'flag',
          message: { fr: 'Trop : {valeur}' },
        },
        { kind: 'range', question: 'budget', min: 1, severity: 'flag' },
      ],
    });
    assert.match(fr, /Règle n° 1 \(« a »\), champ « min » : manque : donnez au moins un minimum/);
    assert.match(fr, /Règle n° 2 \(« b »\), champ « min » \(valeur : 10\) : est supérieur au maximum/);
    assert.match(fr, /Règle n° 3 \(« b »\), champ « percent » : est obligatoire et manque/);
    assert.match(
      fr,
      /Règle n° 4 \(« d »\), champ « message\.fr » \(valeur : "\{valeur\}"\) : contient un champ de modèle inconnu/,
    );
    assert.match(fr, /Règle n° 5, champ « id » : est obligatoire et manque/);
  });
  test('the questions must exist in the survey and be numeric where computed', () => {
    const { fr } = refused(
      {
        rules: [
          { id: 'a', kind: 'range', question: 'budjet', min: 1, severity: 'flag' },
          { id: 'b', kind: 'compare', left: 'note', op: '<', right: 'budget', severity: 'flag' },
        ],
      },
      true,
    );
    assert.match(
      fr,
      /Règle n° 1 \(« a »\), champ « question » \(valeur : "budjet"\) : n'est pas une question du questionnaire/,
    );
    assert.match(
      fr,
      /Règle n° 2 \(« b »\), champ « left » \(valeur : "note"\) : n'est pas une question numérique/,
    );
  });
  test('duplicate ids are refused even when the rest is valid', () => {
    const { fr } = refused({
      rules: [
        { id: 'a', kind: 'range', question: 'budget', min: 1, severity: 'flag' },
        { id: 'a', kind: 'range', question: 'budget', max: 1, severity: 'flag' },
      ],
    });
    assert.match(fr, /Règle n° 2 \(« a »\), champ « id » \(valeur : "a"\) : est déjà l’identifiant/);
  });
  test('the file itself: not an object, no rules, broken JSON with line and column', () => {
    assert.match(refused(42).fr, /Le fichier, champ « » \(valeur : 42\)|Le fichier \(valeur : 42\)/);
    assert.match(refused({ regles: [] }).fr, /Le fichier, champ « rules » : est obligatoire et manque/);
    try {
      parseRuleSet('{\n  "rules": [\n    { "id": "a", }\n  ]\n}', 'regles.json');
      assert.fail('accepted');
    } catch (err) {
      assert.ok(err instanceof PanoramaError);
      assert.equal(
        err.messageIn('fr'),
        "Le fichier de règles « regles.json » n'est pas du JSON valable (ligne 3, colonne 18).",
      );
    }
  });
  test('defaults are filled (outlier k = 3 within the campaign)', () => {
    const set = parseRuleSet({ rules: [{ id: 'o', kind: 'outlier', question: 'budget', severity: 'flag' }] });
    assert.deepEqual(set.rules[0], {
      id: 'o',
      kind: 'outlier',
      question: 'budget',
      severity: 'flag',
      k: 3,
      within: 'campaign',
      attribute: 'territoire',
      minCount: 8,
    });
  });
});

describe('examples/observatoire-nord-2021/rules.json', () => {
  const name = 'observatoire-nord-2021';
  test(
    'is valid against the survey of the fixture and holds the rules asked for',
    { skip: skipWithoutFixture(name) },
    async () => {
      const fixtureSurvey = await loadSurveyFile(join(fixtureDir(name), 'survey.json'));
      const file = join(ROOT, 'examples', name, 'rules.json');
      const set = parseRuleSet(readFileSync(file, 'utf8'), file, fixtureSurvey);
      const find = (kind: string, question: string) =>
        set.rules.find((r) => r.kind === kind && JSON.stringify(r).includes(`"${question}"`));
      assert.deepEqual(
        (({ min, max }) => ({ min, max }))(find('range', 'budget_total') as { min: number; max: number }),
        { min: 50000, max: 10000000 },
      );
      assert.ok(find('compare', 'charges_personnel'));
      assert.ok(find('ratio', 'etp'));
      assert.ok(find('change', 'budget_total_2019'));
      assert.ok(find('compare', 'nb_habitants_mobilises'));
    },
  );
});
