/**
 * End to end, in real Chromium against the real server (in-process, temp SQLite, random port):
 * an administrator logs in, imports a registry (after its preview), uploads a survey, opens a
 * campaign; a structure answers half on a phone, leaves, resumes on another device and submits;
 * participation, results and reminders reflect it.
 *
 * Screenshots go to a temp folder; set PANORAMA_SCREENSHOTS=1 to refresh docs/screenshots/.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startHarness } from './harness.js';
import { skipWithoutChromium } from './helpers.js';
import { administratorPreparesCampaign } from './steps-admin.js';
import { followUp } from './steps-follow-up.js';
import { structureAnswers } from './steps-respondent.js';

test(
  'campaign end to end in a real browser',
  { skip: skipWithoutChromium(), timeout: 180_000 },
  async (t) => {
    const h = await startHarness(t);
    const { page, campaignId, link } = await administratorPreparesCampaign(h);
    await structureAnswers(h, { page, campaignId, link });
    await followUp(h, { page, link });
    assert.deepEqual(h.pageErrors, []);
  },
);
