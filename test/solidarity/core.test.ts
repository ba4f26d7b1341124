import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { computeFigures, figureConfigSchema, protectFigures } from '../../src/solidarity/figures.js';
import {
  describeOpeningHoursFr,
  formatOpeningHours,
  isOpenAt,
  mergeSchedules,
  parseOpeningHours,
  type WeekSchedule,
} from '../../src/solidarity/opening-hours.js';
import { readSolidarityFolder } from '../../src/solidarity/read.js';
import { toDataInclusion, toMednum } from '../../src/solidarity/standards.js';
import {
  loadStandardSchemas,
  validateDataInclusion,
  validateMednumRows,
} from '../../src/solidarity/validate.js';
import { fixtureDir, ROOT, SHARED_DIR, skipWithoutFixture } from '../support/shared.js';

const FIXTURE = 'solidarite-numerique-2020';
const INTEROP = join(SHARED_DIR, 'interop');
const skipInterop = existsSync(join(INTEROP, 'mednum', 'schema.json'))
  ? false
  : (process.stderr.write(`\n*** SKIPPED: ${INTEROP} not found (national schemas)\n`),
    `SKIPPED: ${INTEROP} absent`);

function schedule(text: string): WeekSchedule {
  const r = parseOpeningHours(text);
  assert.ok(r.ok, `${text} should parse`);
  return r.schedule;
}

describe('opening hours (OSM syntax)', () => {
  it('parses, formats back and describes in French', () => {
    const cambrai = schedule('Mo,We 10:00-12:00');
    assert.equal(formatOpeningHours(cambrai), 'Mo,We 10:00-12:00');
    assert.equal(describeOpeningHoursFr(cambrai), 'lundi et mercredi, 10 h – 12 h');
    const week = schedule('Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00');
    assert.equal(formatOpeningHours(week), 'Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00');
    assert.equal(
      describeOpeningHoursFr(week),
      'du lundi au vendredi, 9 h – 12 h et 14 h – 17 h 30 ; samedi, 9 h – 12 h',
    );
    assert.equal(
      formatOpeningHours(schedule('Mo 09:00-12:00; We 14:00-17:00')),
      'Mo 09:00-12:00; We 14:00-17:00',
    );
  });

  it('a later rule replaces the days it names; off closes them; PH off is kept', () => {
    const s = schedule('Mo-Fr 09:00-12:00; We off; PH off');
    assert.equal(formatOpeningHours(s), 'Mo,Tu,Th,Fr 09:00-12:00; PH off');
  });

  it('refuses what it does not understand, with the position', () => {
    const bad = parseOpeningHours('Mo-Fr 09:00-12:00; Lu 10:00-12:00');
    assert.equal(bad.ok, false);
    if (!bad.ok) {
      assert.equal(bad.problem.position, 20);
      assert.equal(bad.problem.found, 'Lu');
    }
    assert.equal(parseOpeningHours('Mo 12:00-09:00').ok, false);
    assert.equal(parseOpeningHours('Jan-Mar Mo 10:00-12:00').ok, false);
    assert.equal(parseOpeningHours('').ok, false);
  });

  it('merges services into the place hours and says whether it is open (Europe/Paris)', () => {
    const merged = mergeSchedules([schedule('Mo-Fr 09:00-12:00'), schedule('Tu,Th 14:00-17:00')]);
    assert.equal(formatOpeningHours(merged), 'Mo,We,Fr 09:00-12:00; Tu,Th 09:00-12:00,14:00-17:00');
    const cambrai = schedule('Mo,We 10:00-12:00');
    // Monday 7 December 2026, 10:30 in Paris = 09:30 UTC (winter time).
    assert.equal(isOpenAt(cambrai, new Date('2026-12-07T09:30:00Z')), true);
    assert.equal(isOpenAt(cambrai, new Date('2026-12-07T11:00:00Z')), false);
    assert.equal(isOpenAt(cambrai, new Date('2026-12-08T09:30:00Z')), false);
  });
});

describe(`fixture ${FIXTURE}: every figure of expected.json`, { skip: skipWithoutFixture(FIXTURE) }, () => {
  const dir = fixtureDir(FIXTURE);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as {
    checks: { figure: string; value: number; tolerance: number }[];
  };
  const { data, problems } = readSolidarityFolder(dir);
  const config = figureConfigSchema.parse(
    JSON.parse(readFileSync(join(ROOT, 'examples', FIXTURE, 'figures.json'), 'utf8')),
  );
  const figures = computeFigures(config.figures, data, { asOf: '2021-12-31' });

  it('reads the folder without a problem', () => {
    assert.deepEqual(problems, []);
    assert.equal(data.households.length, 1101);
  });

  for (const check of expected.checks) {
    it(`${check.figure} = ${check.value}`, () => {
      const figure = figures.find((f) => f.id === check.figure);
      assert.ok(figure, `no figure ${check.figure} in examples/${FIXTURE}/figures.json`);
      assert.ok(Math.abs(figure.value - check.value) <= check.tolerance, `${figure.value} ≠ ${check.value}`);
    });
  }

  it('public figures below the threshold are withheld', () => {
    const protectedFigures = protectFigures(figures, 11);
    assert.equal(protectedFigures.find((f) => f.id === 'telephones_mel')?.value, null);
    assert.equal(protectedFigures.find((f) => f.id === 'tutoriels')?.value, null);
    assert.equal(protectedFigures.find((f) => f.id === 'tablettes_mel')?.value, 12);
  });
});

describe(
  `fixture ${FIXTURE}: directory in the national standards`,
  { skip: skipWithoutFixture(FIXTURE) || skipInterop },
  () => {
    const { data } = readSolidarityFolder(fixtureDir(FIXTURE));
    const options = { source: 'Fédération des centres sociaux du Nord', updatedOn: '2026-12-05' };
    const schemas = loadStandardSchemas(INTEROP);

    it('lists every structure lacking a required field instead of writing an invalid file', () => {
      const { rows, problems } = toMednum(data.places, data.services, options);
      assert.equal(rows.length, 0, 'the fixture has no SIRET/RNA nor street address');
      const withServices = new Set(data.services.map((s) => s.placeId));
      assert.deepEqual(
        new Set(problems.filter((p) => p.field === 'pivot').map((p) => p.placeId)),
        withServices,
      );
      assert.ok(problems.every((p) => p.code === 'solidarity_place_field_missing'));
    });

    // What each structure declares in the directory (SIRET, street address, postal code where the
    // commune has several): synthetic here, the fixture does not hold them.
    const completed = data.places.map((p, i) => ({
      ...p,
      siretOrRna: String(77567227200000 + i),
      address: `${i + 1} rue des Centres sociaux`,
      postalCode: p.communeCode === '59350' ? '59000' : p.communeCode === '59009' ? '59650' : null,
      phone: '03 20 00 00 00',
    }));

    it('mednum export validates against schema.json; Cambrai open « Mo,We 10:00-12:00 »', () => {
      const { rows, problems } = toMednum(completed, data.services, options);
      assert.deepEqual(problems, []);
      assert.equal(rows.length, new Set(data.services.map((s) => s.placeId)).size);
      assert.deepEqual(validateMednumRows(rows, schemas.mednum!), []);
      const cambrai = rows.find((r) => r.commune === 'Cambrai');
      assert.equal(cambrai?.horaires, 'Mo,We 10:00-12:00');
      assert.equal(cambrai?.code_postal, '59400');
      assert.equal(cambrai?.telephone, '+33320000000');
      assert.match(String(cambrai?.services), /Aide aux démarches administratives/);
    });

    it('the schema check is real: a bad row is refused field by field', () => {
      const { rows } = toMednum(completed, data.services, options);
      const bad = { ...rows[0]!, code_postal: '594', services: 'Cours de cuisine' };
      const violations = validateMednumRows([bad, rows[0]!], schemas.mednum!);
      assert.deepEqual(violations.map((v) => v.field).sort(), ['code_postal', 'id', 'services']);
    });

    it('data·inclusion export validates; Cambrai has its two services open « Mo,We 10:00-12:00 »', () => {
      const di = toDataInclusion(completed, data.services, options);
      assert.deepEqual(di.problems, []);
      assert.deepEqual(
        validateDataInclusion(di, {
          structure: schemas.dataInclusionStructure!,
          service: schemas.dataInclusionService!,
        }),
        [],
      );
      const cambrai = di.structures.find((s) => s.commune === 'Cambrai');
      const services = di.services.filter((s) => s.structure_id === cambrai?.id);
      assert.equal(services.length, 2);
      assert.ok(services.every((s) => s.horaires_accueil === 'Mo,We 10:00-12:00'));
      // Public data only: no household code anywhere.
      const text = JSON.stringify(di);
      assert.ok(!data.households.some((h) => text.includes(`"${h.id}"`)));
    });
  },
);
