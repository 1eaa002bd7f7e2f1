import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { cardText } from '../../server/src/service/formats/cardText';
import { createLanguageService } from '../../server/src/service/languageService';
import { corpus, repoRoot } from './trackerStores';

export { corpus, repoRoot };

/** Model Card Toolkit's own JSON Schema v0.0.2 (draft-07), from the corpus; compiled without strict mode and without format checks, as MCT's Python validates. */
export function mctValidator(): ValidateFunction<unknown> {
  const schema = JSON.parse(readFileSync(path.join(corpus, 'mct/schema/v0.0.2/model_card.schema.json'), 'utf8'));
  return new Ajv({ strict: false, validateFormats: false }).compile(schema);
}

const cycloneDxSchemas = path.join(repoRoot, 'node_modules/@cyclonedx/cyclonedx-library/res/schema');
const readSchema = (name: string) => JSON.parse(readFileSync(path.join(cycloneDxSchemas, name), 'utf8'));

/**
 * The official CycloneDX JSON Schema (as @cyclonedx/cyclonedx-library bundles it), with the SPDX
 * and JSF schemas it refers to; not strict, since it uses annotation keywords such as `meta:enum`.
 */
export function cycloneDxValidator(spec: '1.5' | '1.6'): ValidateFunction {
  const ajv = new Ajv({ strict: false, validateFormats: false });
  ajv.addSchema(readSchema('spdx.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/spdx.SNAPSHOT.schema.json');
  ajv.addSchema(readSchema('jsf-0.82.SNAPSHOT.schema.json'), 'http://cyclonedx.org/schema/jsf-0.82.SNAPSHOT.schema.json');
  return ajv.compile(readSchema(`bom-${spec}.SNAPSHOT.schema.json`));
}

/** The errors the card rules find in the text an importer would write for `card`. */
export function lintErrors(card: Record<string, unknown>): Diagnostic[] {
  const document = TextDocument.create('file:///imported.modelcard.yaml', 'modelcard', 1, cardText(card, 'test'));
  return createLanguageService().validate(document).filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error);
}

export function corpusText(file: string): string {
  return readFileSync(path.join(corpus, file), 'utf8');
}
