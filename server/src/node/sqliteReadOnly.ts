/**
 * SQLite files opened strictly read-only, with SQLite's own WebAssembly build
 * (`@sqlite.org/sqlite-wasm`) and a file layer of ours that can only read: no native module to
 * build, and nothing is ever written next to the user's store (no journal, WAL, lock or shm file).
 *
 * This module is bundled on its own (dist/sqlite.js, with dist/sqlite3.wasm) and loaded only when
 * a store is read: linting and the editor's start never load it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import sqlite3InitModule from '@sqlite.org/sqlite-wasm';
import { TrackerError, type SqliteDatabase, type SqlRow, type SqlValue } from '../service/trackers/trackerTypes';

type Sqlite3 = Awaited<ReturnType<typeof sqlite3InitModule>>;

/** A C struct as the library binds it: `$`-prefixed members (the package's typings omit them). */
interface Struct {
  [member: `$${string}`]: unknown;
  readonly pointer: number;
  dispose(): void;
}

const vfsName = 'modelcard-readonly';
let ready: Promise<Sqlite3> | undefined;

/** Opens `path` read-only. A busy, locked or corrupt file is a TrackerError with a one-line message. */
export async function openReadOnlySqlite(path: string): Promise<SqliteDatabase> {
  const sqlite3 = await (ready ??= sqlite3InitModule().then(installReadOnlyVfs));
  let db: InstanceType<Sqlite3['oo1']['DB']>;
  try {
    db = new sqlite3.oo1.DB({ filename: path, flags: 'r', vfs: vfsName });
    // Reading the schema is where a file that is not a database fails.
    db.exec('SELECT count(*) FROM sqlite_schema');
  } catch (error) {
    throw new TrackerError(`${path} cannot be read as a SQLite database (${sqliteReason(error)})`);
  }
  return {
    all: (sql, params = []) => {
      try {
        return allRows(sqlite3, db, sql, params);
      } catch (error) {
        throw new TrackerError(`${path}: ${sqliteReason(error)}`);
      }
    },
    close: () => db.close(),
  };
}

function allRows(sqlite3: Sqlite3, db: InstanceType<Sqlite3['oo1']['DB']>, sql: string, params: readonly SqlValue[]): SqlRow[] {
  const { capi, wasm } = sqlite3;
  // SQLite's exported C functions themselves: the `capi` wrappers convert every argument and
  // result, which costs several times more per row on tables of 100,000 rows.
  const c = wasm.exports as unknown as RawColumnApi;
  const statement = db.prepare(sql);
  try {
    if (params.length > 0) statement.bind([...params]);
    const pointer = statement.pointer!;
    const names = Array.from({ length: c.sqlite3_column_count(pointer) }, (_, index) => capi.sqlite3_column_name(pointer, index) ?? String(index));
    const rows: SqlRow[] = [];
    while (c.sqlite3_step(pointer) === capi.SQLITE_ROW) {
      const row: SqlRow = {};
      for (let index = 0; index < names.length; index++) {
        const type = c.sqlite3_column_type(pointer, index);
        row[names[index]] =
          type === capi.SQLITE_INTEGER || type === capi.SQLITE_FLOAT
            ? c.sqlite3_column_double(pointer, index)
            : type === capi.SQLITE_TEXT
              ? wasm.cstrToJs(c.sqlite3_column_text(pointer, index))
              : null;
      }
      rows.push(row);
    }
    return rows;
  } finally {
    statement.finalize();
  }
}

/** The C functions the row loop calls, as the WebAssembly module exports them (pointers are numbers). */
interface RawColumnApi {
  sqlite3_step(statement: number): number;
  sqlite3_column_count(statement: number): number;
  sqlite3_column_type(statement: number, column: number): number;
  sqlite3_column_double(statement: number, column: number): number;
  sqlite3_column_text(statement: number, column: number): number;
}

function sqliteReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^SQLITE_\w+: (sqlite3 result code \d+: )?/, '').split('\n')[0];
}

/**
 * A VFS that opens only the main database file, with O_RDONLY, and fails every write. It
 * declares the file immutable, so SQLite takes no locks and looks for no journal: the node
 * layer checks for a write in progress before opening (see nodeTrackerIO).
 */
function installReadOnlyVfs(sqlite3: Sqlite3): Sqlite3 {
  const { capi, wasm } = sqlite3;
  const descriptors = new Map<number, number>();
  // A struct type called with `undefined` takes it for a pointer: call it without one to allocate.
  const newStruct = (type: unknown, ...pointer: [] | [number]) => new (type as new (...pointer: [] | [number]) => Struct)(...pointer);
  const vfs = newStruct(capi.sqlite3_vfs);
  const io = newStruct(capi.sqlite3_io_methods);
  io.$iVersion = 1;
  vfs.$iVersion = 2;
  vfs.$szOsFile = (capi.sqlite3_file as unknown as { structInfo: { sizeof: number } }).structInfo.sizeof;
  vfs.$mxPathname = 1024;
  vfs.$zName = wasm.allocCString(vfsName, false);
  const defaultVfs = newStruct(capi.sqlite3_vfs, capi.sqlite3_vfs_find(null));
  vfs.$xRandomness = defaultVfs.$xRandomness;
  vfs.$xSleep = defaultVfs.$xSleep;
  defaultVfs.dispose();
  const fail = () => capi.SQLITE_READONLY;
  const ok = () => 0;
  const installVfs = sqlite3.vfs.installVfs as unknown as (options: Record<'io' | 'vfs', { struct: Struct; methods: Record<string, (...args: never[]) => number> }>) => void;
  installVfs({
    io: {
      struct: io,
      methods: {
        xClose: (file: number) => {
          const descriptor = descriptors.get(file);
          descriptors.delete(file);
          if (descriptor !== undefined) closeSync(descriptor);
          return 0;
        },
        xRead: (file: number, destination: number, length: number, offset: number | bigint) => {
          const target = wasm.heap8u().subarray(Number(destination), Number(destination) + length);
          try {
            const read = readSync(descriptors.get(file)!, target, 0, length, Number(offset));
            if (read === length) return 0;
            target.fill(0, read);
            return capi.SQLITE_IOERR_SHORT_READ;
          } catch {
            return capi.SQLITE_IOERR_READ;
          }
        },
        xWrite: fail,
        xTruncate: fail,
        xSync: ok,
        xFileSize: (file: number, sizeOut: number) => {
          wasm.poke(sizeOut, fstatSync(descriptors.get(file)!).size, 'i64');
          return 0;
        },
        xLock: ok,
        xUnlock: ok,
        xCheckReservedLock: (_file: number, resultOut: number) => {
          wasm.poke(resultOut, 0, 'i32');
          return 0;
        },
        xFileControl: () => capi.SQLITE_NOTFOUND,
        xSectorSize: () => 4096,
        xDeviceCharacteristics: () => capi.SQLITE_IOCAP_IMMUTABLE,
      },
    },
    vfs: {
      struct: vfs,
      methods: {
        xOpen: (_vfs: number, name: number, file: number, flags: number, flagsOut: number) => {
          if (!(flags & capi.SQLITE_OPEN_MAIN_DB) || !name) return capi.SQLITE_CANTOPEN;
          try {
            descriptors.set(file, openSync(wasm.cstrToJs(name) ?? '', 'r'));
          } catch {
            return capi.SQLITE_CANTOPEN;
          }
          const handle = newStruct(capi.sqlite3_file, file);
          handle.$pMethods = io.pointer;
          handle.dispose();
          wasm.poke(flagsOut, capi.SQLITE_OPEN_READONLY, 'i32');
          return 0;
        },
        xDelete: fail,
        xAccess: (_vfs: number, _name: number, _flags: number, resultOut: number) => {
          wasm.poke(resultOut, 0, 'i32');
          return 0;
        },
        xFullPathname: (_vfs: number, name: number, size: number, out: number) => (wasm.cstrncpy(out, name, size) < size ? 0 : capi.SQLITE_CANTOPEN),
        xGetLastError: ok,
        xCurrentTime: (_vfs: number, out: number) => {
          wasm.poke(out, 2440587.5 + Date.now() / 864e5, 'double');
          return 0;
        },
        xCurrentTimeInt64: (_vfs: number, out: number) => {
          wasm.poke(out, 210866760000000 + Date.now(), 'i64');
          return 0;
        },
      },
    },
  });
  return sqlite3;
}
