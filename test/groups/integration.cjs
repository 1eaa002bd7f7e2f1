// The integration group, `npm run test:integration`: the CI integrations installed the way their
// users install them (pre-commit, the GitHub Action's steps), from a snapshot of this working tree.
// They install the package's dependencies from the npm registry, so they need the network.
module.exports = { ...require('../../.mocharc.json'), spec: ['test/integration/**/*.test.ts'], timeout: 15 * 60_000, reporter: 'spec' };
