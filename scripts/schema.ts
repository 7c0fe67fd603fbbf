/** `npm run schema` writes schema/; `npm run schema:check` fails when schema/ differs from the code. */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { composeFromCode, drift, SCHEMA_DIR } from './supergraph';

async function main() {
  const check = process.argv.includes('--check');
  const { files, errors } = await composeFromCode();
  if (errors.length > 0) {
    console.error(`Composition failed:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    process.exit(1);
  }
  const changed = drift(files);
  if (check) {
    if (changed.length > 0) {
      console.error(`schema/ is out of date with the code: ${changed.join(', ')}. Run \`npm run schema\`.`);
      process.exit(1);
    }
    console.log('schema/ matches the code and composes.');
    return;
  }
  fs.mkdirSync(SCHEMA_DIR, { recursive: true });
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(SCHEMA_DIR, name), content);
  console.log(changed.length > 0 ? `Wrote ${changed.join(', ')}` : 'schema/ was already up to date.');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
