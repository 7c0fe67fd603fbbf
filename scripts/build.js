'use strict';
/**
 * `npm run build`: compiles the services to `dist/` (tsconfig.build.json; the JSON data files are imported, so tsc
 * emits them too) and copies what they read at run time: the composed supergraph in `schema/`.
 * `npm run start:prod` then runs `dist/scripts/start.js` with plain node: no TypeScript at run time.
 */
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
// Another folder may be given (the build test compiles to a temporary one).
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', dist], {
  stdio: 'inherit',
});
fs.mkdirSync(path.join(dist, 'schema'), { recursive: true });
for (const file of fs.readdirSync(path.join(root, 'schema'))) {
  if (file.endsWith('.graphql')) fs.copyFileSync(path.join(root, 'schema', file), path.join(dist, 'schema', file));
}
console.log(`Built ${path.relative(process.cwd(), dist) || 'dist'}/ (start it with npm run start:prod)`);
