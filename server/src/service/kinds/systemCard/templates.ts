import rag from '../../../../../templates/rag.systemcard.yaml';
import standard from '../../../../../templates/standard.systemcard.yaml';
import type { CardTemplate } from '../../templates/cardTemplates';

/** The system card templates (templates/*.systemcard.yaml), in the order they are offered. */
export const systemCardTemplates: readonly CardTemplate[] = [
  { id: 'standard', label: 'Standard', detail: 'Purpose, components with their cards, data flow, requirements, monitoring, failure modes and governance', text: standard },
  {
    id: 'rag',
    label: 'Retrieval-augmented generation',
    detail: 'A RAG service: embedding model, index, retriever, reranker, prompt and LLM, with its latency budget and failure modes',
    text: rag,
  },
];
