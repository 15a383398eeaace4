// Checks each service's OpenAPI document the way a front-end team or an integrator meets it:
//   1. Spectral lints it with .spectral.yaml (spectral:oas recommended + the suite's own rules); any error fails.
//   2. openapi-generator (typescript-fetch) generates a client from it; the generator's own validation must pass.
//   3. tsc --strict compiles that client, and every operation of it must be typed: a method whose answer or
//      parameters are `any` (an untyped answer, a body without a schema) fails the check.
// Usage: node check.mjs <module> [<module> ...]   (documents at ../<module>/target/openapi/openapi.yaml)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = (name) => path.join(here, 'node_modules', '.bin', name);
const modules = process.argv.slice(2);
const failures = [];
let checked = 0;
let skipped = 0;

for (const module of modules) {
  const document = path.resolve(here, '..', module, 'target', 'openapi', 'openapi.yaml');
  if (!existsSync(document)) {
    console.log(`api-checks: ${module}: skipped, no document at ${path.relative(path.resolve(here, '..'), document)} `
      + '(the module is not built, or does not write one)');
    skipped++;
    continue;
  }
  const json = JSON.parse(readFileSync(document.replace(/\.yaml$/, '.json'), 'utf8'));
  const operations = Object.values(json.paths ?? {}).flatMap((item) =>
    Object.keys(item).filter((k) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(k)));
  if (operations.length === 0) {
    console.log(`api-checks: ${module}: skipped, its document has no operations yet`);
    skipped++;
    continue;
  }
  console.log(`api-checks: ${module}: ${operations.length} operations`);
  checked++;
  lint(module, document);
  const client = generate(module, document);
  if (client) {
    compile(module, client);
    untypedOperations(module, client);
  }
}

console.log(`api-checks: ${checked} documents checked, ${skipped} skipped, ${failures.length} failing`);
if (failures.length > 0) {
  for (const f of failures) {
    console.error(`api-checks: FAILED ${f}`);
  }
  process.exit(1);
}

function run(module, step, command, args) {
  try {
    const out = execFileSync(command, args, { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { ok: true, out };
  } catch (e) {
    console.error(`${e.stdout ?? ''}${e.stderr ?? ''}`);
    failures.push(`${module}: ${step}`);
    return { ok: false, out: `${e.stdout ?? ''}` };
  }
}

function lint(module, document) {
  const result = run(module, 'Spectral found errors (see above)', bin('spectral'),
    ['lint', document, '--ruleset', path.join(here, '.spectral.yaml'), '--fail-severity', 'error',
      '--format', 'text', '--display-only-failures', '--quiet']);
  if (result.ok) {
    console.log(`api-checks: ${module}: Spectral: no errors`);
  }
}

function generate(module, document) {
  const out = path.join(here, 'target', 'clients', module);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = run(module, 'openapi-generator could not generate a client', bin('openapi-generator-cli'),
    ['generate', '-i', document, '-g', 'typescript-fetch', '-o', out,
      '--additional-properties=supportsES6=true,withInterfaces=false,useSingleRequestParameter=true',
      '--global-property=apiDocs=false,modelDocs=false,apiTests=false,modelTests=false']);
  return result.ok ? out : null;
}

function compile(module, client) {
  writeFileSync(path.join(client, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'ES2020', module: 'ES2020', moduleResolution: 'node',
      lib: ['ES2020', 'DOM'], skipLibCheck: false, noImplicitAny: true,
    },
    include: ['**/*.ts'],
  }, null, 2));
  const result = run(module, 'the generated client does not compile with tsc --strict', bin('tsc'),
    ['-p', path.join(client, 'tsconfig.json')]);
  if (result.ok) {
    console.log(`api-checks: ${module}: client compiles with tsc --strict`);
  }
}

/** Every public method of the generated API classes: its parameters and its answer must not involve `any`. */
function untypedOperations(module, client) {
  const apis = path.join(client, 'apis');
  if (!existsSync(apis)) {
    failures.push(`${module}: the generator wrote no API classes`);
    return;
  }
  const files = readdirSync(apis).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => path.join(apis, f));
  const program = ts.createProgram(files, { strict: true, target: ts.ScriptTarget.ES2020, lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'] });
  const checker = program.getTypeChecker();
  const untyped = [];
  let methods = 0;
  for (const file of files) {
    const source = program.getSourceFile(file);
    ts.forEachChild(source, (node) => {
      if (!ts.isClassDeclaration(node) || !node.name) {
        return;
      }
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !member.name || member.modifiers?.some(
          (m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword)) {
          continue;
        }
        const name = member.name.getText(source);
        if (name.endsWith('Raw') || name.endsWith('RequestOpts')) {
          continue; // the typed method wraps these; their own types mirror it
        }
        methods++;
        const signature = checker.getSignatureFromDeclaration(member);
        const answer = checker.typeToString(checker.getReturnTypeOfSignature(signature), undefined,
          ts.TypeFormatFlags.NoTruncation);
        const params = signature.getParameters().map((p) => checker.typeToString(
          checker.getTypeOfSymbolAtLocation(p, member), undefined, ts.TypeFormatFlags.NoTruncation));
        if (mentionsAny(answer) || params.some(mentionsAny)) {
          untyped.push(`${node.name.text}.${name}(${params.join(', ')}): ${answer}`);
        }
      }
    });
  }
  // Request parameter interfaces: a field typed any (a body without a schema) is as untyped as an answer.
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = line.match(/^\s+(\w+)\??: any;/);
      if (m) {
        untyped.push(`${path.basename(file)}: request field ${m[1]}: any`);
      }
    }
  }
  if (untyped.length > 0) {
    for (const u of untyped) {
      console.error(`api-checks: ${module}: untyped operation ${u}`);
    }
    failures.push(`${module}: ${untyped.length} of ${methods} client methods involve \`any\``);
  } else {
    console.log(`api-checks: ${module}: all ${methods} client methods fully typed`);
  }
}

function mentionsAny(type) {
  return /(^|[^\w])any([^\w]|$)/.test(type);
}
