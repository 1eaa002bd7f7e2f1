import { governanceStatuses, type Catalogue, type CatalogueComponent, type CatalogueDocument, type DocumentSummary, type GovernanceStatus } from '../../../server/src/protocol';

/** A node of the catalogue: a kind of document, a status within it, a document, or a system's component. */
export type CatalogueNode =
  | { type: 'kind'; id: string; label: string; documents: CatalogueDocument[] }
  | { type: 'status'; kind: string; status: GovernanceStatus | undefined; documents: CatalogueDocument[] }
  | { type: 'document'; document: CatalogueDocument }
  | { type: 'component'; component: CatalogueComponent; system: CatalogueDocument };

/** The kinds that have documents, in the registry's order. */
export function kindNodes(catalogue: Catalogue): CatalogueNode[] {
  return catalogue.kinds.flatMap(({ id, label }) => {
    const documents = catalogue.documents.filter((document) => document.kind === id);
    return documents.length > 0 ? [{ type: 'kind' as const, id, label, documents }] : [];
  });
}

/** What a node holds: a kind's statuses in workflow order (documents with no status last), a status's documents by name, a system's components. */
export function childNodes(node: CatalogueNode): CatalogueNode[] {
  switch (node.type) {
    case 'kind':
      return [...governanceStatuses, undefined].flatMap((status) => {
        const documents = node.documents.filter((document) => document.status === status);
        return documents.length > 0 ? [{ type: 'status' as const, kind: node.id, status, documents }] : [];
      });
    case 'status':
      return [...node.documents].sort((a, b) => displayName(a).localeCompare(displayName(b))).map((document) => ({ type: 'document' as const, document }));
    case 'document':
      return (node.document.components ?? []).map((component) => ({ type: 'component' as const, component, system: node.document }));
    case 'component':
      return [];
  }
}

/** A document's name, or its file name when it states none. */
export function displayName(document: CatalogueDocument): string {
  return document.name ?? decodeURIComponent(document.uri.split('/').pop() ?? document.uri);
}

/** `2 errors, 1 warning`; empty when there are none. */
export function findingCounts({ errors, warnings }: Pick<DocumentSummary, 'errors' | 'warnings'>): string {
  const parts = [errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(', ');
}
