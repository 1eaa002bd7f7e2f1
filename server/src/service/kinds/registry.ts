import { datasheet } from './datasheet';
import type { DocumentKind } from './documentKind';
import { kindOfFileName } from './kindFiles';
import { modelCard } from './modelCard';
import { systemCard } from './systemCard';

/** Every kind of document the service reads; the first is the one a file of no known kind is read as. */
export const documentKinds: readonly DocumentKind[] = [modelCard, datasheet, systemCard];

/** The kind of the document at `uri`, by its file name (`*.datasheet.yaml`); the first of `kinds` when none matches. */
export function kindOfUri(uri: string, kinds: readonly DocumentKind[] = documentKinds): DocumentKind {
  return kindOfFileName(uri, kinds) ?? kinds[0];
}

/** The kind with this id, if there is one. */
export function kindById(id: string, kinds: readonly DocumentKind[] = documentKinds): DocumentKind | undefined {
  return kinds.find((kind) => kind.id === id);
}
