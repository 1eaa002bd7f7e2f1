// The slow group, `npm run test:slow`: bad and random input, at scale, through the service and the
// live server (minutes, not seconds).
module.exports = { ...require('../../.mocharc.json'), spec: ['test/slow/**/*.test.ts'] };
