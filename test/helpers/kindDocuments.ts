/** Documents of the other kinds than model cards, as the tests write them: each kind's name and a document every rule accepts. */

export const datasheetUri = 'file:///work/faces.datasheet.yaml';

/** A datasheet that every rule accepts: tests add or break one thing in it. */
export const completeDatasheet = `name: faces-in-the-wild
version: '2.0'
license: cc-by-4.0
motivation:
  purpose: Measure smile detection across age groups
composition:
  instances: Photos of one face each
  size: 12000
collection_process:
  acquisition: Volunteers took the photos
preprocessing:
  cleaning: Blurred photos removed
personal_data:
  present: true
  consent: Every volunteer signed a consent form
uses:
  out_of_scope: Identifying people
distribution:
  method: Download from the lab's site
maintenance:
  contact: faces@example.com
`;

export const systemCardUri = 'file:///work/support-assistant.systemcard.yaml';

/** A system card that every rule accepts: tests add or break one thing in it. */
export const completeSystemCard = `name: Support assistant
version: '1.0'
purpose: Answers customer questions from the knowledge base
components:
  - id: gateway
    kind: service
  - id: retriever
    kind: retriever
    card: ../models/embedder.modelcard.yaml
  - id: generator
    kind: model
    card: ../models/generator.modelcard.yaml
data_flow:
  - from: gateway
    to: retriever
    data: question
  - from: retriever
    to: generator
    data: passages
  - from: generator
    to: gateway
    data: answer
requirements:
  latency_p95:
    target: 800
    measured: 640
    unit: ms
  availability:
    target: 99.9
    measured: 99.95
    unit: percent
failure_modes:
  - name: Retrieval misses
    components: [retriever, generator]
    mitigation: The answer cites its passages
`;
