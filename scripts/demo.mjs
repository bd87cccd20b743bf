// `npm run demo`: the main job on the bundled examples. Packs the global resource package, then validates and
// packs the standard package against it, with the same CLI a user runs.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const cli = path.join(root, 'dist/cli/index.js')
const out = path.join(root, 'out')
if (!fs.existsSync(cli)) {
  console.error('dist/cli/index.js is missing: run npm run build')
  process.exit(2)
}
fs.mkdirSync(out, { recursive: true })

const steps = [
  [
    'pack',
    'examples/global',
    '--config',
    'examples/global.config.json',
    '--out',
    'out/77777777_1.0.0.0.zip'
  ],
  [
    'validate',
    'examples/standard',
    '--config',
    'examples/standard.config.json',
    '--global-package',
    'out/77777777_1.0.0.0.zip'
  ],
  [
    'pack',
    'examples/standard',
    '--config',
    'examples/standard.config.json',
    '--global-package',
    'out/77777777_1.0.0.0.zip',
    '--out',
    'out/20171228_1.0.0.0.zip'
  ]
]
for (const args of steps) {
  console.log(`\n$ h5-offline ${args.join(' ')}`)
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
// What findings look like: examples/broken has a missing script and a file name with a space.
const broken = [
  'validate',
  'examples/broken',
  '--id',
  '20171228',
  '--main-entry',
  '/www/index.html'
]
console.log(`\n$ h5-offline ${broken.join(' ')}    # a broken package, for show: exit status 1`)
const shown = spawnSync(process.execPath, [cli, ...broken], { cwd: root, stdio: 'inherit' })
if (shown.status !== 1) process.exit(shown.status || 1)

console.log(
  `\nZips to upload to the MDS console:\n  ${path.join(out, '77777777_1.0.0.0.zip')}\n  ${path.join(out, '20171228_1.0.0.0.zip')}`
)
