import { sql } from 'kysely';
import type { Kysely } from 'kysely';

// Portable DDL only (see 0001_initial.ts).
/* eslint-disable @typescript-eslint/no-explicit-any */

const check = (condition: string) => sql.raw(condition);

/**
 * Digital solidarity (src/solidarity): the directory profile and services of a structure, equipment
 * programmes with their households (pseudonymous codes; an optional contact, visible to the
 * structure only and purged after the programme's retention period), items, gifts and loans,
 * support actions, and the online resources the structures publish.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('solidarity_places')
    .addColumn('structure_id', 'text', (c) => c.primaryKey().references('structures.id').onDelete('cascade'))
    .addColumn('siret_or_rna', 'text')
    .addColumn('postal_code', 'text')
    .addColumn('commune', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('solidarity_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('public', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'solidarity_services_access',
      check("access IN ('accueil', 'sur_rendez_vous', 'telephone')"),
    )
    .execute();
  await db.schema
    .createIndex('solidarity_services_structure')
    .on('solidarity_services')
    .column('structure_id')
    .execute();

  await db.schema
    .createTable('solidarity_programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public', 'text', (c) => c.notNull())
    .addColumn('partners', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('start_on', 'text')
    .addColumn('end_on', 'text')
    .addColumn('retention_days', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('solidarity_programmes_public', check("public IN ('famille', 'senior')"))
    .execute();

  await db.schema
    .createTable('solidarity_households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) =>
      c.notNull().references('solidarity_programmes.id').onDelete('cascade'),
    )
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('commune_code', 'text')
    .addColumn('identified_on', 'text')
    .addColumn('targeted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('children', 'integer')
    .addColumn('contact', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('solidarity_households_code', ['programme_id', 'code'])
    .addCheckConstraint('solidarity_households_type', check("type IN ('famille', 'senior')"))
    .execute();
  await db.schema
    .createIndex('solidarity_households_structure')
    .on('solidarity_households')
    .column('structure_id')
    .execute();

  await db.schema
    .createTable('solidarity_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) =>
      c.notNull().references('solidarity_programmes.id').onDelete('cascade'),
    )
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('partner', 'text')
    .addColumn('received_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('solidarity_items_code', ['programme_id', 'code'])
    .addCheckConstraint(
      'solidarity_items_category',
      check("category IN ('smartphone', 'telephone', 'tablette', 'ordinateur', 'connexion')"),
    )
    .addCheckConstraint('solidarity_items_source', check("source IN ('don', 'achat')"))
    .execute();
  await db.schema
    .createIndex('solidarity_items_structure')
    .on('solidarity_items')
    .column('structure_id')
    .execute();

  await db.schema
    .createTable('solidarity_allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('solidarity_items.id').onDelete('cascade'))
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('solidarity_households.id').onDelete('cascade'),
    )
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('returned_on', 'text')
    .addColumn('return_condition', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('solidarity_allocations_mode', check("mode IN ('don', 'pret')"))
    .execute();
  await db.schema
    .createIndex('solidarity_allocations_item')
    .on('solidarity_allocations')
    .column('item_id')
    .execute();

  await db.schema
    .createTable('solidarity_support')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('solidarity_households.id').onDelete('cascade'),
    )
    .addColumn('structure_id', 'text', (c) => c.notNull().references('structures.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('solidarity_support_type', check("type IN ('visite_domicile', 'appel', 'atelier')"))
    .execute();
  await db.schema
    .createIndex('solidarity_support_structure')
    .on('solidarity_support')
    .column('structure_id')
    .execute();

  await db.schema
    .createTable('solidarity_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('structure_id', 'text', (c) => c.references('structures.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('theme', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('public', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('published_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('solidarity_resources_type', check("type IN ('ressource', 'tutoriel', 'activite')"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'solidarity_resources',
    'solidarity_support',
    'solidarity_allocations',
    'solidarity_items',
    'solidarity_households',
    'solidarity_programmes',
    'solidarity_services',
    'solidarity_places',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
