// npm runs `prepare` after `npm install` in a clone of this repository and before `npm pack`: it
// builds dist/, which is git-ignored but is what the package ships (see .npmignore). The build
// tools are dev dependencies; an install without them (`--omit=dev`) has nothing to build with.
import { createRequire } from 'node:module';

try {
  createRequire(import.meta.url).resolve('esbuild');
} catch {
  console.log('prepare: esbuild is not installed (dev dependencies omitted), so dist/ is not built.');
  process.exit(0);
}
await import('../esbuild.mjs');
