'use strict';
/**
 * Runs the TypeScript sources directly: each .ts file is transpiled on require (no type check; `npm run typecheck`
 * does that). It replaces ts-node, whose loading pulls in node:repl and with it node:domain, which makes every
 * EventEmitter of the process slower (seen in the services' CPU profiles under load).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.resolve(__dirname, '..');
const { config } = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, root);
const compilerOptions = {
  ...options,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  sourceMap: false,
  inlineSourceMap: true,
  inlineSources: true,
  outDir: undefined,
};

// Transpiled output is kept on disk by a hash of the source, so a service (re)start only transpiles what changed:
// cold starts of every service in its own process (fault tests, benches) were spending seconds here.
const cacheDir = path.join(root, 'node_modules', '.cache', 'shagym-ts');
const cacheSalt = `${ts.version}\0${JSON.stringify(compilerOptions)}`;

function transpile(source, filename) {
  const key = crypto.createHash('sha1').update(cacheSalt).update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, `${key}.js`);
  try {
    return fs.readFileSync(cached, 'utf8');
  } catch {
    const { outputText } = ts.transpileModule(source, { compilerOptions, fileName: filename });
    try {
      fs.mkdirSync(cacheDir, { recursive: true });
      const tmp = `${cached}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, outputText);
      fs.renameSync(tmp, cached);
    } catch {
      // A read-only tree just runs without the cache.
    }
    return outputText;
  }
}

require.extensions['.ts'] = (module, filename) => {
  module._compile(transpile(fs.readFileSync(filename, 'utf8'), filename), filename);
};
process.setSourceMapsEnabled(true);
