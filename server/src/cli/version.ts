/** The version of Model Card Studio this CLI is part of. */
export { version } from '../../../package.json';
