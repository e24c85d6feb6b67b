/**
 * The project transfer file: one JSON document holding every row of the project's tables (column names + row
 * arrays, so a file is readable and a column added later by a migration is simply absent from older files) and the
 * Yjs state of each co-written document (one merged update, base64).
 *
 * SQLite values map to JSON exactly: NULL → null, TEXT → string, REAL → number, INTEGER → number (or `{"$int"}` as
 * a decimal string beyond 2^53), non-finite REAL → `{"$real"}`, BLOB → `{"$blob": base64}`.
 */
import { z } from '../../lib/openapi.js';

export const ARCHIVE_FORMAT = 'mutualab.project';
export const ARCHIVE_VERSION = 1;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const Value = z.union([
  z.null(),
  z.number(),
  z.string(),
  z.object({ $int: z.string().regex(/^-?\d{1,20}$/) }).strict(),
  z.object({ $real: z.enum(['Infinity', '-Infinity']) }).strict(),
  z.object({ $blob: z.string().regex(BASE64, 'base64 attendu') }).strict(),
]);
export type ArchiveValue = z.infer<typeof Value>;

const Identifier = z.string().min(1).max(64).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'identifiant SQL attendu');

const Table = z.object({
  columns: z.array(Identifier).min(1).max(300),
  rows: z.array(z.array(Value).max(300)),
});

export const ProjectArchiveSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    version: z.literal(ARCHIVE_VERSION),
    exportedAt: z.string().max(40),
    projectId: z.string().min(1).max(64),
    tables: z.record(Identifier, Table),
    /** Document id → `Y.encodeStateAsUpdate`-compatible update, base64. */
    documents: z.record(z.string().min(1).max(64), z.string().regex(BASE64, 'base64 attendu')),
  })
  .openapi('ProjectArchive', { description: 'Fichier de transfert d’un projet (tel que produit par l’export).' });

export type ProjectArchive = z.infer<typeof ProjectArchiveSchema>;

/** A SQLite value as read with `safeIntegers` → its JSON form. */
export function encodeValue(v: unknown): ArchiveValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : { $int: v.toString() };
  if (typeof v === 'number') return Number.isFinite(v) ? v : { $real: v > 0 ? 'Infinity' : '-Infinity' };
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return { $blob: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
  throw new Error(`unexpected SQLite value of type ${typeof v}`);
}

/** The JSON form → a value better-sqlite3 binds to the same SQLite value. */
export function decodeValue(v: ArchiveValue): null | number | bigint | string | Buffer {
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if ('$int' in v) return BigInt(v.$int);
  if ('$real' in v) return v.$real === 'Infinity' ? Infinity : -Infinity;
  return Buffer.from(v.$blob, 'base64');
}
