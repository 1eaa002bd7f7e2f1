import { readdir, readFile, stat } from 'node:fs/promises';
import { baseName, TrackerError, type SqliteDatabase, type TrackerIO } from '../service/trackers/trackerTypes';

/** The tracker readers' I/O on the local file system (the CLI and the language server). */
export const nodeTrackerIO: TrackerIO = {
  readFile: (path) => readFile(path, 'utf8').catch((error) => Promise.reject(ioError(path, error))),
  listDir: (path) => readdir(path).catch((error) => Promise.reject(ioError(path, error))),
  stat: async (path) => {
    try {
      const stats = await stat(path);
      return { kind: stats.isDirectory() ? 'directory' : 'file', size: stats.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
      throw ioError(path, error);
    }
  },
  openSqlite: async (path) => {
    await refuseWhileWritten(path);
    return openSqliteModule(path);
  },
};

/** The WASM SQLite is loaded on the first store read, never before (bundled apart as dist/sqlite.js). */
async function openSqliteModule(path: string): Promise<SqliteDatabase> {
  const { openReadOnlySqlite } = require('./sqliteReadOnly') as typeof import('./sqliteReadOnly');
  return openReadOnlySqlite(path);
}

/**
 * A reader that never writes cannot roll back a half-done write or merge a write-ahead log, so it
 * does not read a store while another process writes to it. In MLflow's journal mode (DELETE) a
 * rollback journal exists only during a write transaction; a WAL file with frames holds changes
 * not yet in the database. Either means "try again".
 */
async function refuseWhileWritten(path: string): Promise<void> {
  if ((await stat(path).catch(() => undefined))?.isFile() !== true) throw new TrackerError(`${path} does not exist`);
  const journal = await stat(`${path}-journal`).catch(() => undefined);
  if (journal && journal.size > 0) {
    throw new TrackerError(`${path} is locked: another process is writing to it (${baseName(path)}-journal exists); try again when it is done`);
  }
  const wal = await stat(`${path}-wal`).catch(() => undefined);
  if (wal && wal.size > 0) {
    throw new TrackerError(`${path} is locked: ${baseName(path)}-wal holds changes not yet in the database (is MLflow running?); try again when it has stopped`);
  }
}

function ioError(path: string, error: unknown): TrackerError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new TrackerError(`${path} does not exist`);
  if (code === 'EACCES' || code === 'EPERM') return new TrackerError(`cannot read ${path}: permission denied`);
  if (code === 'EISDIR') return new TrackerError(`${path} is a folder, not a file`);
  if (code === 'ENOTDIR') return new TrackerError(`${path} is a file, not a folder`);
  return new TrackerError(`cannot read ${path} (${code ?? (error as Error).message})`);
}
