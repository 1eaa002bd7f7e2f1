/**
 * Which card field a Markdown section goes to, by its heading: the Hugging Face template's
 * headings, Mitchell et al.'s ("Intended Use", "Caveats and Recommendations", "Quantitative
 * Analyses") and common variants, whatever their case, emoji, numbering or trailing marks.
 */

/** Where a section's text goes. `description` keeps what has no field of its own. */
export type SectionTarget =
  | 'description'
  | 'type'
  | 'architecture'
  | 'date'
  | 'citation'
  | 'contact'
  | 'references'
  | 'primary_uses'
  | 'primary_users'
  | 'secondary_uses'
  | 'benefits'
  | 'out_of_scope'
  | 'limitations'
  | 'ethical_considerations'
  | 'caveats_and_recommendations'
  | 'tradeoffs'
  | 'training_data'
  | 'evaluation_data'
  | 'training'
  | 'evaluation'
  | 'unitary_results'
  | 'intersectional_results'
  | 'decision_thresholds'
  | 'variation_approaches'
  | 'factors'
  | 'environment';

const targets: [RegExp, SectionTarget][] = [
  [/^(how to (use|get started)|usage|getting started|use with|quick ?start|examples?$|glossary|more information|model card authors|authors)/, 'description'],
  [/^(model )?(description|details|overview|information)$|^about/, 'description'],
  [/^model type$/, 'type'],
  [/^(technical specifications|model architecture( and objective)?|architecture|model specs?)$/, 'architecture'],
  [/^(model )?(release )?date$/, 'date'],
  [/^(bibtex|citation|citing|how to cite|cite)/, 'citation'],
  [/^(model card contact|contact|feedback|where to send questions)/, 'contact'],
  [/^(model sources|documents|references|resources|papers?|links)$/, 'references'],
  [/^out[ -]?of[ -]?scope/, 'out_of_scope'],
  [/^(downstream use|secondary (intended )?uses?)/, 'secondary_uses'],
  [/^(primary )?intended users|^(primary )?users$/, 'primary_users'],
  [/^benefits$|^positive impact/, 'benefits'],
  [/^(direct use|intended uses?|primary intended uses?|uses|model use|use cases?|intended use cases?)( (&|and) limitations)?$/, 'primary_uses'],
  [/^(bias,? risks,? and limitations|(known )?limitations( and bias(es)?)?|performance and limitations|risks,? and limitations)$/, 'limitations'],
  [/^(ethical considerations|ethics|bias(es)?( and fairness)?|fairness|risks( and (harms|mitigations))?)$/, 'ethical_considerations'],
  [/^((caveats and )?recommendations|caveats)$/, 'caveats_and_recommendations'],
  [/^trade ?-?offs$/, 'tradeoffs'],
  [/^(testing|evaluation|test|eval) (data|datasets?)$/, 'evaluation_data'],
  [/^(training (data|datasets?|set)|data|datasets?)$/, 'training_data'],
  [/^(training( (procedure|details|regime|hyperparameters))?|preprocessing|pre-?training|fine-?tuning|training procedure and hyperparameters)$/, 'training'],
  [/^unitary results$/, 'unitary_results'],
  [/^intersectional results$/, 'intersectional_results'],
  [/^decision thresholds?$/, 'decision_thresholds'],
  [/^(approaches to uncertainty( and variability)?|variation approaches|uncertainty)$/, 'variation_approaches'],
  [/^((relevant |evaluation |testing )?factors)$/, 'factors'],
  [/^(evaluation( results)?|results|performance|quantitative analys[ie]s|metrics|benchmarks?|(testing data, )?factors (&|and) metrics|eval results)$/, 'evaluation'],
  [/^environmental impact/, 'environment'],
];

/** The heading as compared: lowercase, without emoji, numbering ("2.1"), `[optional]`, colons and stray marks. */
export function normalizedHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/\[optional\]/g, '')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, '')
    .replace(/^[\s\d.)]+(?=[a-z])/, '')
    .replace(/[:.!?*_`#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The field a heading names, or undefined (then the section belongs to the section above it). */
export function sectionTarget(heading: string): SectionTarget | undefined {
  const normalized = normalizedHeading(heading);
  return targets.find(([pattern]) => pattern.test(normalized))?.[1];
}
