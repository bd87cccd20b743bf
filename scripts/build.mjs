// ncc type-checks with src/tsconfig.json (sources only), so a test in progress cannot break the bundle; the typecheck step covers tests.
// Bundles the Action (dist/index.js) and the CLI (dist/cli/index.js) with ncc, from a clean dist/ so that a
// stale chunk cannot survive; CI rebuilds and fails on any difference, new files included.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { minify } from 'terser'

const root = path.resolve(import.meta.dirname, '..')
const ncc = path.join(root, 'node_modules', '.bin', 'ncc')
// The reference-extraction worker is bundled beside each entry point, which finds it next to itself.
const bundles = [
  { entry: 'src/action/index.ts', out: 'dist' },
  { entry: 'src/refs/extract-worker.ts', out: 'dist/refs-worker' },
  { entry: 'src/cli/index.ts', out: 'dist/cli' },
  { entry: 'src/refs/extract-worker.ts', out: 'dist/cli/refs-worker' }
]

fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true })
for (const { entry, out } of bundles) {
  execFileSync(
    ncc,
    ['build', entry, '-o', out, '--minify', '--license', 'licenses.txt', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit'
    }
  )
}
// ncc minifies each entry file but leaves the chunks of dynamic imports as they are, comments and all (1.1 MB
// for the CLI's engine): minified, the CLI starts about 20 ms sooner. Terser is deterministic, so the bundles
// stay reproducible.
for (const dir of ['dist', 'dist/cli']) {
  for (const name of fs.readdirSync(path.join(root, dir))) {
    if (!/^\d+\.index\.js$/.test(name)) continue
    const file = path.join(root, dir, name)
    const { code } = await minify(fs.readFileSync(file, 'utf8'), {
      module: true,
      compress: true,
      mangle: true
    })
    fs.writeFileSync(file, code)
  }
}

// npm's bin shim runs the file directly: it needs its shebang and the executable bit.
const cli = path.join(root, 'dist/cli/index.js')
const code = fs.readFileSync(cli, 'utf8')
if (!code.startsWith('#!')) fs.writeFileSync(cli, `#!/usr/bin/env node\n${code}`)
fs.chmodSync(cli, 0o755)
