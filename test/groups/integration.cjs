// The integration group, `npm run test:integration`: the CI integrations installed the way their
// users install them (pre-commit, the GitHub Action's steps), from a snapshot of this working tree
// (they install the package's dependencies from the npm registry, so they need the network); and
// the README's fill and verify commands run as written, on a copy of it with the built dist/.
module.exports = { ...require('../../.mocharc.json'), spec: ['test/integration/**/*.test.ts'], timeout: 15 * 60_000, reporter: 'spec' };
