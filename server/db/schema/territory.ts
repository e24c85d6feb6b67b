import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

/** An EPCI (or another grouping) whose communes pool services. */
export const territories = sqliteTable('territories', {
  id: text('id').primaryKey(),
  siren: text('siren').notNull().unique(),
  name: text('name').notNull(),
  /** CC, CA, CU, METRO (from the official nature codes). */
  nature: text('nature').notNull(),
  /** FPU (fiscalité professionnelle unique) or FA (fiscalité additionnelle). */
  fiscalRegime: text('fiscal_regime').notNull(),
  createdAt: text('created_at').notNull(),
});

/** Member communes and communes from outside the EPCI (progressive membership). */
export const communes = sqliteTable(
  'communes',
  {
    id: text('id').primaryKey(),
    territoryId: text('territory_id').notNull().references(() => territories.id),
    inseeCode: text('insee_code').notNull(),
    siren: text('siren'),
    name: text('name').notNull(),
    population: integer('population'),
    member: integer('member', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('communes_territory_insee').on(t.territoryId, t.inseeCode)],
);

/** Partner organisations (CAF, conseil départemental, MSA…). */
export const partners = sqliteTable(
  'partners',
  {
    id: text('id').primaryKey(),
    territoryId: text('territory_id').notNull().references(() => territories.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('partners_territory').on(t.territoryId)],
);
