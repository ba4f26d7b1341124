import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { InputError, loadRegistryFile, readRegistryTable, resolveCommune } from '../../src/ingest/index.js';
import { tableToRegistry } from '../../src/ingest/registry.js';
import { readTable } from '../../src/ingest/table-file.js';

/** What the import preview reads: every problem (line, header, value, message) and the rows kept. */
async function readRegistry(input: string | Uint8Array, file: string) {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const table = await readTable(bytes, file);
  const read = readRegistryTable(table);
  return {
    read,
    errors: read.problems.map((p) => ({ line: p.line, column: p.header, value: p.value, reason: p.message })),
    registry: tableToRegistry(table).registry,
  };
}
import { tempDir, writeFile } from './helpers.js';

const dir = tempDir();

async function registryProblems(name: string, content: string | Uint8Array) {
  try {
    await loadRegistryFile(writeFile(dir, name, content));
  } catch (err) {
    assert.ok(err instanceof InputError, `expected an InputError, got ${String(err)}`);
    return err;
  }
  assert.fail('the registry was accepted');
}

test('reads id, nom and every other column as attributes, in header order', async () => {
  const registry = await loadRegistryFile(
    writeFile(
      dir,
      'structures.csv',
      'id;nom;territoire;qpv\nCS-1;Centre social Émile Zola;MEL;oui\nCS-2;Maison "Bleue";Artois;\n',
    ),
  );
  assert.deepEqual(registry, {
    attributes: ['territoire', 'qpv'],
    structures: [
      { id: 'CS-1', name: 'Centre social Émile Zola', attributes: { territoire: 'MEL', qpv: 'oui' } },
      { id: 'CS-2', name: 'Maison "Bleue"', attributes: { territoire: 'Artois', qpv: '' } },
    ],
  });
  const english = await loadRegistryFile(
    writeFile(dir, 'en.csv', iconv.encode('ID,Name,Département\nA,Café,59\n', 'win1252')),
  );
  assert.deepEqual(english.structures, [{ id: 'A', name: 'Café', attributes: { Département: '59' } }]);
});

test('missing id and name columns are named with the columns found', async () => {
  const err = await registryProblems('nocols.csv', 'code,libelle\nA,B\n');
  assert.deepEqual(
    err.problems.map((p) => p.message),
    [
      'the mandatory "id" column is missing (or "identifiant", "code structure"); columns found: code, libelle',
      'the "nom" column is missing (or "name", "raison sociale"); columns found: code, libelle',
    ],
  );
  assert.match(err.message, /nocols\.csv, line 1: the mandatory "id" column is missing/);
});

test('empty ids, empty names, duplicate ids (both lines) and ragged lines are all listed', async () => {
  const csv = ['id,nom,territoire', 'A,Un,MEL', ',Deux,MEL', 'C,,MEL', 'A,Quatre,MEL', 'E,Cinq'].join('\n');
  const err = await registryProblems('bad.csv', csv);
  assert.deepEqual(err.message.split('\n'), [
    '4 problems in bad.csv:',
    '  - bad.csv, line 3, column A "id": the structure id is empty',
    '  - bad.csv, line 4, column B "nom": the name of structure "C" is empty',
    '  - bad.csv, line 5, column A "id": the id "A" is used twice (lines 2 and 5)',
    '  - bad.csv, line 6: this line has 2 fields but the header has 3 columns (separator ","; check quotes and separators)',
  ]);
});

test('the import reader lists rows and every error (line, column, value, reason) without throwing', async () => {
  const csv = 'id,nom,code_commune\nA,Un,59350\nA,Deux,62041\nC,Trois,99999\nD,Quatre,Lille\n';
  const { read, errors } = await readRegistry(csv, 'import.csv');
  assert.deepEqual(read.table.header, ['id', 'nom', 'code_commune']);
  assert.deepEqual(errors, [
    { line: 3, column: 'id', value: 'A', reason: 'the id "A" is used twice (lines 2 and 3)' },
    { line: 4, column: 'code_commune', value: '99999', reason: '"99999" is not a known INSEE commune code' },
    {
      line: 5,
      column: 'code_commune',
      value: 'Lille',
      reason: '"Lille" is not an INSEE commune code (5 characters, e.g. 59350)',
    },
  ]);
  assert.deepEqual(
    read.rows.map((r) => [r.line, r.id, r.invalid ?? false]),
    [
      [2, 'A', false],
      [3, 'A', true],
      [4, 'C', true],
      [5, 'D', true],
    ],
  );
  await assert.rejects(
    readRegistry(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), 'broken.xlsx'),
    /not a readable XLSX workbook/,
  );
});

test('one set of column names: accents, case and punctuation do not matter; two columns for one field are refused', async () => {
  const { read } = await readRegistry(
    'Code structure;Raison sociale;Code_INSEE;Courriel;Département\nA;Un;59350;a@b.fr;59\n',
    'aliases.csv',
  );
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.rows[0]!.fields, {
    id: 'A',
    name: 'Un',
    communeCode: '59350',
    email: 'a@b.fr',
    departement: '59',
  });
  const twice = await readRegistry('id,nom,name\nA,Un,One\n', 'twice.csv');
  assert.deepEqual(
    twice.errors.map((e) => [e.line, e.column, e.reason]),
    [[1, 'name', 'the columns "nom" and "name" give the same information: keep only one']],
  );
});

test('a commune code fills departement, region and epci when the registry does not give them', async () => {
  const csv =
    'id,nom,commune,departement\nA,Lille-Sud,59350,\nB,Arras,62041,62-bis\nC,Sans code,,\nD,Nom de commune,Roubaix,\nE,Bourg,1053,\n';
  const preview = await readRegistry(csv, 'geo.csv');
  assert.deepEqual(preview.errors, []);
  assert.deepEqual(preview.registry.attributes, ['commune', 'departement', 'region', 'epci']);
  assert.deepEqual(
    preview.registry.structures.map((s) => s.attributes),
    [
      {
        commune: '59350',
        departement: '59',
        region: 'Hauts-de-France',
        epci: 'Métropole Européenne de Lille',
      },
      { commune: '62041', departement: '62-bis', region: 'Hauts-de-France', epci: "CU d'Arras" },
      { commune: '', departement: '', region: '', epci: '' },
      { commune: 'Roubaix', departement: '', region: '', epci: '' },
      {
        commune: '01053',
        departement: '01',
        region: 'Auvergne-Rhône-Alpes',
        epci: 'CA du Bassin de Bourg-en-Bresse',
      },
    ],
  );
});

test('resolveCommune: current communes, arrondissements, Corsica, merged communes, unknown codes', () => {
  assert.deepEqual(resolveCommune('59350'), {
    commune: { code: '59350', name: 'Lille' },
    departement: { code: '59', name: 'Nord' },
    region: { code: '32', name: 'Hauts-de-France' },
    epci: { code: '200093201', name: 'Métropole Européenne de Lille' },
  });
  const paris1 = resolveCommune('75101');
  assert.equal(paris1?.departement.name, 'Paris');
  assert.equal(paris1?.region.name, 'Île-de-France');
  assert.equal(paris1?.epci?.name, 'Métropole du Grand Paris');
  assert.equal(resolveCommune('2a004')?.departement.name, 'Corse-du-Sud');
  // Annappes (59020) merged into Villeneuve-d'Ascq: an old registry code leads to the current commune.
  assert.equal(resolveCommune('59020')?.commune.name, "Villeneuve-d'Ascq");
  // Lomme (59355) is an associated commune of Lille: its own name, Lille's EPCI.
  assert.deepEqual(
    [resolveCommune('59355')?.commune.name, resolveCommune('59355')?.epci?.name],
    ['Lomme', 'Métropole Européenne de Lille'],
  );
  assert.equal(resolveCommune('99999'), undefined);
  assert.equal(resolveCommune('Lille'), undefined);
});
