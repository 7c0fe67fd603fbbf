'use strict';
/** Preloaded by the production-build test: the compiled services must never load TypeScript or a .ts file. */
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'typescript' || request.startsWith('typescript/') || request === 'ts-node' || request.endsWith('.ts')) {
    throw new Error(`production code tried to load ${request}`);
  }
  return resolve.call(this, request, ...rest);
};
require.extensions['.ts'] = () => {
  throw new Error('production code tried to run a .ts file');
};
