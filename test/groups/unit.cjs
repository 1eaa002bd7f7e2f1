// The fast group, `npm run test:unit`: the unit tests and the protocol tests (the bundled server
// over JSON-RPC), for the edit-and-test loop. Options as in .mocharc.json (which runs this group
// and the slow one: `npx mocha`); `--config` reads this file instead.
module.exports = { ...require('../../.mocharc.json'), spec: ['test/unit/**/*.test.ts', 'test/protocol/**/*.test.ts'] };
