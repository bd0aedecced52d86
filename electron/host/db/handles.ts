/**
 * Branded database handles: code that was given a read-only handle cannot be handed to a
 * function that writes (the brands differ), which the compiler checks for free.
 */
import type BetterSqlite3 from 'better-sqlite3';

declare const writableBrand: unique symbol;
declare const readonlyBrand: unique symbol;

export type Database = BetterSqlite3.Database;
export type WritableDatabase = Database & { readonly [writableBrand]: true };
export type ReadonlyDatabase = Database & { readonly [readonlyBrand]: true };
