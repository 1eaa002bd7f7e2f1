/**
 * A RAG system as a workspace holds it: a system card beside the model cards of its embedder,
 * reranker and generator and the datasheet of its retrieval corpus, linked by relative paths.
 */
export function ragWorkspace({ systemStatus = 'draft' }: { systemStatus?: string } = {}): Record<string, string> {
  return {
    'assistant.systemcard.yaml': `name: Support assistant
version: '1.0'
purpose: Answers customer questions from the help centre
governance:
  status: ${systemStatus}
  reviews:
    - {reviewer: Ana Ruiz, decision: approved, date: 2026-11-02}
components:
  - id: embedder
    kind: model
    card: models/embedder.modelcard.yaml
  - id: reranker
    kind: model
    card: models/reranker.modelcard.yaml
  - id: generator
    kind: model
    card: "models/generator.modelcard.yaml"
  - id: index
    kind: index
    card: data/support-articles.datasheet.yaml
  - id: gateway
    kind: service
data_flow:
  - {from: gateway, to: embedder, data: question}
  - {from: embedder, to: index, data: query vector}
  - {from: index, to: reranker, data: passages}
  - {from: reranker, to: generator, data: top passages}
  - {from: generator, to: gateway, data: answer}
failure_modes:
  - name: Retrieval miss
`,
    'models/embedder.modelcard.yaml': modelCard('Embedder', 'approved'),
    'models/reranker.modelcard.yaml': modelCard('Reranker', 'in_review'),
    'models/generator.modelcard.yaml': `${modelCard('Generator', 'published')}training_data:
  - name: support-articles
    datasheet: ../data/support-articles.datasheet.yaml
`,
    'data/support-articles.datasheet.yaml': `name: support-articles
version: '3'
license: cc-by-4.0
`,
  };
}

function modelCard(name: string, status: string): string {
  return `name: ${name}
version: '1.0'
governance:
  status: ${status}
  reviews:
    - {reviewer: Ana Ruiz, decision: approved, date: 2026-11-02}
`;
}

/** The RAG workspace with one broken link: the system card names the embedder's card `embeder`. */
export function brokenRagWorkspace(): Record<string, string> {
  const files = ragWorkspace();
  return { ...files, 'assistant.systemcard.yaml': files['assistant.systemcard.yaml'].replace('models/embedder.modelcard.yaml', 'models/embeder.modelcard.yaml') };
}
