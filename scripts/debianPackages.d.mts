/** The command, for messages, that installs the Debian packages `npm start` or `npm test` needs. */
export function installCommand(purpose: 'start' | 'test'): string;
