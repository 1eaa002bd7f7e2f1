import path from 'node:path';
import { configFileNames, parseProjectConfig, type ParsedProjectConfig } from '../service/config/projectConfig';
import { UpwardFiles, type LoadedFile } from './upwardFiles';

/** A config file found for a card, and what it says. */
export interface LoadedConfig extends ParsedProjectConfig, LoadedFile {}

/**
 * Finds the project config that applies to a card: the nearest `.modelcardrc.yaml`,
 * `.modelcardrc.yml` or `package.json` with a `modelcard` key, in the card's folder or above.
 */
export class ProjectConfigFiles extends UpwardFiles<LoadedConfig> {
  constructor() {
    super(
      configFileNames,
      (text, file) => {
        const parsed = parseProjectConfig(text, path.basename(file));
        return parsed && { path: file, ...parsed };
      },
      (file, reason) => ({ path: file, config: { rules: {}, ignore: [] }, problems: [{ line: 1, column: 1, message: `cannot read the config file: ${reason}` }] }),
    );
  }
}
