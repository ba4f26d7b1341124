import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutEventHandlers } from '../../src/web/survey/event-handlers.js';

test('event handlers and scripts are removed before any browser parser sees the HTML', () => {
  const cases: [string, string][] = [
    ['<img src="x" onerror="alert(1)">', '<img src="x">'],
    ['<img/src="x"/ONERROR=alert(1)>', '<img src="x">'],
    ['<svg><animate onbegin="alert(1)"/></svg>', '<svg><animate></animate></svg>'],
    [
      '<p class="intro">Bienvenue <b>à tous</b></p><script>alert(1)</script>',
      '<p class="intro">Bienvenue <b>à tous</b></p>',
    ],
    ['<template><img src=x onerror=alert(1)></template>', '<template><img src="x"></template>'],
    ['<iframe srcdoc="<img src=x onerror=alert(1)>"></iframe>ok', 'ok'],
  ];
  for (const [input, expected] of cases) assert.equal(withoutEventHandlers(input), expected, input);
  assert.equal(withoutEventHandlers('Texte sans balise'), 'Texte sans balise');
  assert.equal(withoutEventHandlers('opinion=bonne <b>x</b>'), 'opinion=bonne <b>x</b>');
});
