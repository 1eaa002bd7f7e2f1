/**
 * The technical documentation of a high-risk AI system, as Annex IV of Regulation (EU) 2024/1689
 * (the AI Act, Art. 11(1)) lists it: its nine points, with the sub-points of points 1 and 2, in
 * the regulation's words (shortened as in our standards notes); and for each, the card fields that answer it. A point no field of a
 * model card answers (the declaration of conformity, the user interface...) lists none: the
 * regulatory document says it belongs to the rest of the technical documentation.
 */
export interface AnnexIVPoint {
  /** "1", "2(b)". */
  number: string;
  title: string;
  /** Dotted card paths, in the order the document shows them. */
  fields: string[];
  subpoints?: AnnexIVPoint[];
}

export const annexIV: readonly AnnexIVPoint[] = [
  {
    number: '1',
    title: 'General description',
    fields: [],
    subpoints: [
      { number: '1(a)', title: 'Intended purpose, provider name, version and its relation to previous versions', fields: ['summary', 'intended_use.primary_uses', 'owners', 'version', 'date'] },
      { number: '1(b)', title: 'Interaction with hardware or software, including other AI systems', fields: ['base_model'] },
      { number: '1(c)', title: 'Versions of relevant software/firmware and update requirements', fields: ['library_name', 'variants'] },
      { number: '1(d)', title: 'All forms in which it is placed on the market (packages, downloads, APIs)', fields: [] },
      { number: '1(e)', title: 'The hardware it is intended to run on', fields: [] },
      { number: '1(f)', title: 'Photographs or illustrations if it is a component of a product', fields: ['graphics'] },
      { number: '1(g)', title: 'A basic description of the user interface provided to the deployer', fields: [] },
      { number: '1(h)', title: 'Instructions for use for the deployer', fields: ['intended_use.primary_users', 'intended_use.out_of_scope', 'caveats_and_recommendations'] },
    ],
  },
  {
    number: '2',
    title: 'Detailed description of the elements and of the development process',
    fields: [],
    subpoints: [
      { number: '2(a)', title: 'Methods and steps, including use of pre-trained systems or third-party tools and how they were used', fields: ['training.procedure', 'base_model'] },
      { number: '2(b)', title: 'Design specifications: general logic, key design choices with rationale and assumptions (including about the persons or groups it will be used on), main classification choices, what it optimises for, trade-offs', fields: ['type', 'architecture', 'factors.relevant', 'tradeoffs'] },
      { number: '2(c)', title: 'System architecture and the computational resources used to develop, train, test and validate it', fields: ['architecture', 'training.hyperparameters', 'environment'] },
      { number: '2(d)', title: 'Data requirements and datasheets: training methodologies, data sets, provenance, scope, labelling, cleaning', fields: ['training_data', 'evaluation_data'] },
      { number: '2(e)', title: 'Assessment of human-oversight measures (Art. 14)', fields: [] },
      { number: '2(f)', title: 'Pre-determined changes', fields: ['monitoring.retraining_trigger'] },
      { number: '2(g)', title: 'Validation and testing procedures, data and metrics (accuracy, robustness, discriminatory impacts), with signed and dated test logs and reports', fields: ['metrics', 'metric_definitions', 'quantitative_analyses', 'governance.sign_offs'] },
      { number: '2(h)', title: 'Cybersecurity measures', fields: [] },
    ],
  },
  {
    number: '3',
    title: 'Monitoring, functioning and control: capabilities and limitations in performance, including accuracy for specific persons or groups and overall expected accuracy; foreseeable unintended outcomes and risks to health, safety, fundamental rights and of discrimination; human-oversight measures; input-data specifications',
    fields: ['factors.evaluation', 'quantitative_analyses.unitary_results', 'quantitative_analyses.intersectional_results', 'limitations', 'ethical_considerations'],
  },
  { number: '4', title: 'Appropriateness of the performance metrics', fields: ['metric_definitions', 'quantitative_analyses.decision_thresholds'] },
  { number: '5', title: 'The risk management system (Art. 9)', fields: ['governance.risk_rating', 'governance.risk_rating_explanation', 'ethical_considerations'] },
  { number: '6', title: 'Relevant changes made through the lifecycle', fields: ['governance.changelog'] },
  { number: '7', title: 'Harmonised standards applied, or other solutions and standards used', fields: ['governance.regulations'] },
  { number: '8', title: 'A copy of the EU declaration of conformity (Art. 47)', fields: [] },
  { number: '9', title: 'The post-market monitoring system and plan (Art. 72(3))', fields: ['monitoring'] },
];
