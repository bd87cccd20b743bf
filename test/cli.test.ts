import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs, tempDir, writeTree } from './helpers/tree.js'

const CLI = path.resolve('dist/cli/index.js')
afterAll(cleanupTempDirs)
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error('dist/cli/index.js is missing: run npm run build')
})

function cli(args: string[], cwd = process.cwd(), env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    // a report of tens of thousands of findings is more than the 1 MiB default
    maxBuffer: 64 * 1024 * 1024,
    env: { PATH: process.env.PATH, NO_COLOR: '1', ...env }
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

function python(script: string, ...args: string[]) {
  const r = spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
}

const GOOD = {
  '20171228/www/index.html': '<!doctype html><link rel="stylesheet" href="app.css">',
  '20171228/www/app.css': 'a{}'
}

describe('CLI', () => {
  it('prints its version and help', () => {
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    const help = cli(['--help'])
    expect(help.status).toBe(0)
    expect(help.stdout).toContain('h5-offline validate <dir|zip>')
    // a bucket folder exists on the public cloud too (README: "bucket on either cloud")
    expect(help.stdout).toMatch(
      /--bucket <name> +HDFS\/AFS bucket folder before <appId>_<workspace> \(either cloud\)\n/
    )
    for (const flag of ['-h', '-V']) expect(cli([flag]).status).toBe(0)
  })

  it('counts in the singular for one, and quotes a refused size once', () => {
    const r = cli([
      'pack',
      writeTree({ '20171228/www/index.html': '<!doctype html>' }),
      '--out',
      path.join(tempDir(), 'p.zip'),
      '--main-entry',
      '/www/index.html'
    ])
    expect(r.status, r.stderr).toBe(0)
    expect(r.stdout).toContain('✓ 20171228 (standard, 1 file): 0 errors')
    expect(r.stdout).toMatch(/wrote .*p\.zip \(1 file, \d+ bytes, sha256/)
    // the package checked has 3 files; the zip says where the other 2 went
    const junk = cli([
      'pack',
      writeTree({ 'index.html': '<p>x</p>', '.DS_Store': '', '.env': 'A=1' }),
      '--id',
      '20171228',
      '--out',
      path.join(tempDir(), 'p.zip'),
      '--force'
    ])
    expect(junk.stdout).toContain('(standard, 3 files)')
    expect(junk.stdout).toMatch(
      /wrote .*p\.zip \(1 file, 2 left out: junk or secrets, \d+ bytes, sha256/
    )
    const size = cli(['validate', writeTree(GOOD), '--budget-total', '5XB'])
    expect([size.status, size.stderr]).toEqual([
      2,
      'h5-offline: --budget-total: "5XB" is not a size (use bytes or a unit: 500KB, 2MiB)\n'
    ])
  })

  it("prints a command's own usage first for <command> --help", () => {
    const r = cli(['diff', '--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^h5-offline diff <old\.zip> <new\.zip>/)
    expect(r.stdout).toContain('json: {old, new, delta, counts,')
    expect(r.stdout).toContain('h5-offline: validate and pack mPaaS H5 offline packages')
    expect(cli(['validate', '-h']).stdout).toMatch(/^h5-offline validate <dir\|zip> \[options\]\n/)
  })

  it('refuses a flag that belongs to another command, and a run with nothing to do (exit 2)', () => {
    const dir = writeTree(GOOD)
    const out = path.join(tempDir(), 'x.zip')
    for (const [flag, ...rest] of [['--out', out], ['-o', out], ['--force']]) {
      const r = cli(['validate', dir, '--id', '20171228', flag!, ...rest])
      expect(r.status, flag).toBe(2)
      expect(r.stderr).toContain(`h5-offline: ${flag} belongs to pack, not validate`)
    }
    expect(fs.existsSync(out)).toBe(false)
    const rules = cli(['rules', '--id', '1', 'extra'])
    expect([rules.status, rules.stderr]).toEqual([
      2,
      'h5-offline: rules takes no options, not --id (--id belongs to validate and pack)\n'
    ])
    expect(cli(['rules', 'extra']).stderr).toContain('rules takes no arguments, not "extra"')
    const version = cli(['--version', 'extra'])
    expect(version.status).toBe(2)
    expect(version.stdout).toBe('')
    expect(version.stderr).toContain('--version prints the version and takes nothing after it')
    const none = cli([])
    expect([none.status, none.stdout]).toEqual([2, ''])
    expect(none.stderr).toMatch(
      /^h5-offline: no command given: use validate, pack, diff or rules\n/
    )
    expect(none.stderr).toContain('--fail-on error|warning|never')
    expect(cli(['--id', '20171228']).status).toBe(2)
  })

  it('validates a good package: exit 0, a one-line total, no colour when not a TTY', () => {
    const r = cli(['validate', writeTree(GOOD), '--main-entry', '/www/index.html'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/✓ 20171228 \(standard, 2 files\): 0 errors, 0 warnings, 0 notices/)
    expect(r.stdout).not.toContain('\u001b[')
  })

  it('prints the JSON contract with --format json', () => {
    const dir = writeTree({ ...GOOD, '20171228/www/a b.png': 'x' })
    const r = cli(['validate', dir, '--main-entry', '/www/index.html', '--format', 'json'])
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.package).toEqual({
      id: '20171228',
      type: 'standard',
      files: 3,
      bytes: expect.any(Number)
    })
    expect(report.counts).toEqual({ error: 0, warning: 1, notice: 0 })
    expect(report.findings).toEqual([
      {
        rule: 'name-url-unsafe',
        severity: 'warning',
        path: '20171228/www/a b.png',
        message: expect.stringContaining('space'),
        args: { name: 'a b.png', chars: 'space' }
      }
    ])
  })

  it("gives each JSON finding its message's data (args), e.g. a broken reference's URL and target", () => {
    const dir = writeTree({
      '20171228/www/index.html': '<!doctype html><script src="./gone.js"></script>'
    })
    const r = cli(['validate', dir, '--main-entry', '/www/index.html', '--format', 'json'])
    expect(r.status).toBe(1)
    const [finding] = JSON.parse(r.stdout).findings
    expect(finding).toMatchObject({
      rule: 'ref-broken',
      line: 1,
      args: { url: './gone.js', target: '20171228/www/gone.js' }
    })
  })

  it('stops quietly when the reader of its output goes away (| head)', () => {
    const many: Record<string, string> = { '20171228/www/index.html': '<!doctype html>' }
    for (let i = 0; i < 400; i++) many[`20171228/www/f@${i}-${'x'.repeat(150)}.txt`] = ''
    const dir = writeTree(many)
    for (const args of [['rules'], ['validate', dir, '--main-entry', '/www/index.html']]) {
      const r = spawnSync(
        'sh',
        ['-c', '"$0" "$@" | head -c 10 >/dev/null', process.execPath, CLI, ...args],
        { encoding: 'utf8', env: { PATH: process.env.PATH, NO_COLOR: '1' } }
      )
      expect(r.status).toBe(0)
      expect(r.stderr).toBe('')
    }
  })

  it('pack --fail-on never writes the zip despite errors, as the Action does, and exits 0', () => {
    const dir = writeTree({ ...GOOD, '20171228/www/index.html': '<img src="missing.png">' })
    const out = path.join(tempDir('h5-out-'), 'p.zip')
    const refused = cli(['pack', dir, '--out', out, '--main-entry', '/www/index.html'])
    expect(refused.status).toBe(1)
    expect(fs.existsSync(out)).toBe(false)
    const r = cli([
      'pack',
      dir,
      '--out',
      out,
      '--main-entry',
      '/www/index.html',
      '--fail-on',
      'never'
    ])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/error ref-broken/)
    expect(fs.existsSync(out)).toBe(true)
  })

  it('fails on warnings with --fail-on warning and never with --fail-on never', () => {
    const dir = writeTree({ ...GOOD, '20171228/www/.DS_Store': 'x' })
    expect(cli(['validate', dir, '--main-entry', '/www/index.html']).status).toBe(0)
    const warned = cli(['validate', dir, '--main-entry', '/www/index.html', '--fail-on', 'warning'])
    expect(warned.status).toBe(1)
    // the verdict mark says what the exit status says
    expect(warned.stdout).toMatch(
      /✗ 20171228 .*: 0 errors, 1 warning, 0 notices \(fail-on: warning\)/
    )
    const bad = writeTree({ '20171228/www/index.html': '<script src="gone.js"></script>' })
    expect(cli(['validate', bad, '--main-entry', '/www/index.html']).status).toBe(1)
    const never = cli(['validate', bad, '--main-entry', '/www/index.html', '--fail-on', 'never'])
    expect(never.status).toBe(0)
    expect(never.stdout).toMatch(/✓ 20171228 .*: 1 error, 0 warnings, 0 notices \(fail-on: never\)/)
  })

  it('changes severities with --rule and rejects unknown rule ids', () => {
    const dir = writeTree({ ...GOOD, '20171228/www/.DS_Store': 'x' })
    expect(
      cli(['validate', dir, '--main-entry', '/www/index.html', '--rule', 'junk-file=error']).status
    ).toBe(1)
    const r = cli(['validate', dir, '--rule', 'junk-files=off'])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('unknown rule id "junk-files"')
  })

  it('reads h5offline.config.json from the working directory and rejects unknown keys', () => {
    const cwd = writeTree({
      'site/index.html': '<p>x</p>',
      'h5offline.config.json': JSON.stringify({ id: '20171228', mainEntry: '/www/index.html' })
    })
    const ok = cli(['validate', 'site', '--format', 'json'], cwd)
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout).package.id).toBe('20171228')
    fs.writeFileSync(
      path.join(cwd, 'h5offline.config.json'),
      JSON.stringify({ id: '20171228', mainEntri: '/www/index.html' })
    )
    const bad = cli(['validate', 'site'], cwd)
    expect(bad.status).toBe(2)
    expect(bad.stderr).toBe(
      'h5-offline: h5offline.config.json: "mainEntri": Unrecognized key: "mainEntri"\n'
    )
  })

  it('leaves the config file and the Info.plist it reads out of the package when they sit in the folder checked', () => {
    const cwd = writeTree({
      '20171228/www/index.html': '<p>x</p>',
      'h5offline.config.json': JSON.stringify({ mainEntry: '/www/index.html' }),
      'ios/App/Info.plist':
        '<?xml version="1.0"?><plist version="1.0"><dict><key>CFBundleShortVersionString</key><string>1.2.3</string></dict></plist>'
    })
    const r = cli(['validate', '.', '--info-plist', 'ios/App/Info.plist', '--format', 'json'], cwd)
    // they were a second and third top-level entry (single-root) of a package that has none
    expect(JSON.parse(r.stdout).findings).toEqual([])
    expect(r.status).toBe(0)
    const out = path.join(tempDir('h5-out-'), 'p.zip')
    expect(cli(['pack', '.', '--info-plist', 'ios/App/Info.plist', '--out', out], cwd).status).toBe(
      0
    )
    const names = execFileSync('zipinfo', ['-1', out], { encoding: 'utf8' }).trim().split('\n')
    expect(names).toEqual(['20171228/', '20171228/www/', '20171228/www/index.html'])
    // an Info.plist elsewhere in the package is a file of it like any other
    expect(cli(['validate', '.', '--format', 'json'], cwd).stdout).toContain('single-root')
  })

  it('names the config file and its key for a bad value there, and the flag for a bad flag', () => {
    const cwd = writeTree({ 'site/index.html': '<p>x</p>' })
    const write = (config: object) =>
      fs.writeFileSync(path.join(cwd, 'conf/h5.json'), JSON.stringify(config))
    fs.mkdirSync(path.join(cwd, 'conf'))
    const run = (...flags: string[]) =>
      cli(['validate', 'site', '--config', 'conf/h5.json', ...flags], cwd).stderr
    write({ id: 20171228, failOn: 'sometimes', budgets: { totl: '1MB' } })
    expect(run().split('\n')).toEqual([
      'h5-offline: conf/h5.json: "id": Invalid input: expected string, received number',
      'conf/h5.json: "budgets": Unrecognized key: "totl"',
      'conf/h5.json: "failOn": Invalid option: expected one of "error"|"warning"|"never", got "sometimes"',
      ''
    ])
    // The flag given over the file's bad value: the flag's value is what counts, and a bad flag is named as such.
    write({ id: 20171228 })
    expect(
      cli(['validate', 'site', '--config', 'conf/h5.json', '--id', '20171228'], cwd).status
    ).toBe(0)
    write({ rules: { 'ref-broken': 'loud' } })
    expect(run('--id', '20171228')).toMatch(/^h5-offline: conf\/h5\.json: "rules\.ref-broken": /)
    expect(run('--id', '20171228', '--rule', 'ref-broken=loud')).toMatch(/^h5-offline: --rule/)
    // an unknown rule id: named where it was set too
    write({ rules: { 'ref-broke': 'off' } })
    expect(run('--id', '20171228')).toMatch(
      /^h5-offline: conf\/h5\.json: "rules\.ref-broke": unknown rule id "ref-broke"/
    )
    write({})
    expect(run('--id', '20171228', '--rule', 'ref-brokn=off')).toMatch(
      /^h5-offline: --rule: unknown rule id "ref-brokn"/
    )
  })

  it('says a --global-package problem is about the global package', () => {
    const site = writeTree(GOOD)
    const build = writeTree({ 'lib/common.js': 'x' })
    const missing = cli(['validate', site, '--global-package', '/nonexistent/g.zip'])
    expect(missing.status).toBe(2)
    expect(missing.stderr).toBe(
      'h5-offline: --global-package /nonexistent/g.zip does not exist: give the zip MDS took, or the folder laid out as ID/<host>/…\n'
    )
    const plain = cli(['validate', site, '--global-package', build])
    expect(plain.status).toBe(2)
    expect(plain.stderr).toMatch(
      /^h5-offline: --global-package .* is a plain build output, not a laid-out global package/
    )
    expect(plain.stderr).not.toMatch(/--app-id/)
    // a standard package given by mistake: every global URL would read as missing, for no clear reason
    const standard = writeTree({ '20171228/www/index.html': '<p>x</p>' })
    const wrong = cli(['validate', site, '--global-package', standard])
    expect(wrong.status).toBe(2)
    expect(wrong.stderr).toBe(
      `h5-offline: --global-package ${standard} is a standard package (its files are under 20171228/www/), not a global resource package, whose second-level folder is the host it is served from: give the zip MDS took, or the folder laid out as ID/<host>/…\n`
    )
    // files straight under the ID folder (--entry-dir '') are no host folder either
    const flat = writeTree({ '20171228/index.html': '<p>x</p>', '20171228/app.js': '1' })
    expect(cli(['validate', site, '--global-package', flat]).stderr).toContain(
      `--global-package ${flat} is a standard package (its files are under 20171228/)`
    )
  })

  it('an empty folder is not packed and gets no findings: validate of the folder and of its zip agree', () => {
    const dir = writeTree({ 'index.html': '<!doctype html>', '空目录/': '', 'a/b/': '' })
    const args = ['--id', '20171228', '--main-entry', '/www/index.html', '--format', 'json']
    const out = path.join(tempDir(), 'p.zip')
    const folder = cli(['validate', dir, ...args])
    const packed = cli(['pack', dir, ...args, '--out', out])
    const zip = cli(['validate', out, ...args])
    expect([folder.status, packed.status, zip.status]).toEqual([0, 0, 0])
    for (const r of [folder, packed, zip]) expect(JSON.parse(r.stdout).findings).toEqual([])
    expect(execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).split('\n')).toEqual([
      '20171228/',
      '20171228/www/',
      '20171228/www/index.html',
      ''
    ])
  })

  it('packs and prints where the zip is', () => {
    const out = path.join(tempDir(), 'p.zip')
    const r = cli([
      'pack',
      writeTree(GOOD),
      '--out',
      out,
      '--main-entry',
      '/www/index.html',
      '--format',
      'json'
    ])
    expect(r.status).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.zip).toEqual({
      path: out,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      bytes: fs.statSync(out).size,
      files: 2
    })
  })
})

describe('reference scan on worker threads', () => {
  it('finds exactly what the inline scan finds', () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 40; i++) {
      files[`20171228/www/p${i}.html`] =
        `<link rel="stylesheet" href="c${i}.css"><script type="module" src="m${i}.js"></script><img src="gone${i}.png">`
      files[`20171228/www/c${i}.css`] = `a{background:url(./Img${i}.png)}`
      files[`20171228/www/m${i}.js`] = `import './missing${i}.js'\nexport const x = ${i}`
      files[`20171228/www/img${i}.png`] = 'x'
    }
    const dir = writeTree(files)
    const args = ['validate', dir, '--main-entry', '/www/p0.html', '--format', 'json']
    const withWorkers = cli(args, process.cwd(), { H5_OFFLINE_WORKERS: 'always' })
    const inline = cli(args, process.cwd(), { H5_OFFLINE_WORKERS: 'never' })
    expect(withWorkers.status).toBe(1)
    const a = JSON.parse(withWorkers.stdout)
    expect(a.counts.error).toBe(120)
    expect(a).toEqual(JSON.parse(inline.stdout))
    // pack too: the same findings and the same zip either way
    const packs = ['always', 'never'].map((mode) => {
      const out = path.join(tempDir('h5-out-'), 'p.zip')
      const r = cli(
        ['pack', dir, '--main-entry', '/www/p0.html', '--out', out, '--force', '--format', 'json'],
        process.cwd(),
        {
          H5_OFFLINE_WORKERS: mode
        }
      )
      return JSON.parse(r.stdout)
    })
    expect(packs[0].findings).toEqual(a.findings)
    expect(packs[0].findings).toEqual(packs[1].findings)
    expect(packs[0].zip.sha256).toBe(packs[1].zip.sha256)
  })
})

describe('bad input: a clear message, exit 2 or a finding, and nothing written', () => {
  const outDir = () => tempDir('h5-out-')
  const table: Array<{
    name: string
    run: (out: string) => string[]
    status: number
    message: RegExp
    cwd?: () => string
  }> = [
    {
      name: 'unknown flag',
      run: (out) => ['pack', writeTree(GOOD), '--out', out, '--colour'],
      status: 2,
      message: /^h5-offline: unknown option --colour\nRun h5-offline --help for the options\.\n$/
    },
    {
      name: 'missing path',
      run: (out) => ['pack', '/nonexistent/site', '--out', out],
      status: 2,
      message: /\/nonexistent\/site does not exist/
    },
    {
      name: 'a file where a directory is expected',
      run: (out) => [
        'pack',
        path.join(writeTree({ 'notes.txt': 'hello' }), 'notes.txt'),
        '--out',
        out
      ],
      status: 2,
      message: /notes\.txt.*(not a zip|zip)/i
    },
    {
      name: 'an invalid ID',
      run: (out) => ['pack', writeTree({ 'index.html': 'x' }), '--id', '1234567', '--out', out],
      status: 2,
      message: /--id: an 8-digit package ID such as 20171228, got "1234567"/
    },
    {
      name: 'a build output without an ID',
      run: (out) => ['pack', writeTree({ 'index.html': 'x' }), '--out', out],
      status: 2,
      message: /--id 20171228/
    },
    {
      name: 'a --prefix that climbs out of the host folder (zip-slip entries)',
      run: (out) => [
        'pack',
        writeTree({ 'index.html': 'x' }),
        '--id',
        '77777777',
        '--app-id',
        'A1',
        '--workspace',
        't',
        '--environment',
        'apsara-stack',
        '--host',
        'h.example.com',
        '--prefix',
        '../../x',
        '--out',
        out
      ],
      status: 2,
      message: /--prefix: folder names, not "\." or "\.\."/
    },
    {
      name: 'a one-value flag given twice with different values (the first was silently ignored)',
      run: (out) => [
        'pack',
        writeTree(GOOD),
        '--global-package',
        'a.zip',
        '--global-package',
        'b.zip',
        '--out',
        out
      ],
      status: 2,
      message: /--global-package was given twice \("a\.zip", then "b\.zip"\): give it once/
    },
    {
      name: 'an .amr (what the console signs) given instead of the zip',
      run: () => {
        const dir = tempDir()
        fs.writeFileSync(path.join(dir, '20171228_1.0.0.0.amr'), 'PK')
        return ['validate', path.join(dir, '20171228_1.0.0.0.amr')]
      },
      status: 2,
      message:
        /20171228_1\.0\.0\.0\.amr is an \.amr, the package the MDS console signs from your upload: validate the \.zip/
    },
    {
      name: 'a --host whose port is over 65535',
      run: (out) => ['pack', writeTree(GOOD), '--host', 'h.example.com:99999', '--out', out],
      status: 2,
      message: /--host: a port from 1 to 65535/
    },
    {
      name: 'pack without --out',
      run: () => ['pack', writeTree(GOOD)],
      status: 2,
      message: /--out/
    },
    {
      name: 'an unknown --type',
      run: (out) => ['pack', writeTree(GOOD), '--type', 'mixed', '--out', out],
      status: 2,
      message: /--type/
    },
    {
      name: 'a Windows-style path on Linux',
      run: (out) => ['pack', 'apps\\h5\\dist', '--out', out, '--id', '20171228'],
      status: 2,
      message:
        /apps\\h5\\dist does not exist \(the folder separator here is \/, not \\\): give the package/
    },
    {
      name: 'an unknown command, even with --help',
      run: () => ['init', '--help'],
      status: 2,
      message: /unknown command "init": use validate, pack, diff or rules/
    },
    {
      name: '--workspace without --app-id (half of the global folder name)',
      run: (out) => [
        'pack',
        writeTree({ 'index.html': '<p>x</p>' }),
        '--out',
        out,
        '--id',
        '20171228',
        '--workspace',
        'test'
      ],
      status: 2,
      message: /a global package needs app ID: give --app-id/
    },
    {
      name: 'an unwritable output folder',
      run: () => ['pack', writeTree(GOOD), '--out', '/nonexistent/dir/p.zip'],
      status: 2,
      message:
        /cannot write \/nonexistent\/dir\/p\.zip: the folder \/nonexistent\/dir does not exist \(create it first\); nothing was written/
    },
    {
      name: 'a symlink to /etc/passwd',
      run: (out) => {
        const dir = writeTree(GOOD)
        fs.symlinkSync('/etc/passwd', path.join(dir, '20171228/www/passwd'))
        return ['pack', dir, '--out', out, '--main-entry', '/www/index.html']
      },
      status: 1,
      message: /symlink[\s\S]*20171228\/www\/passwd.*symbolic link to \/etc\/passwd/
    }
  ]
  it('an Info.plist that is corrupt: one line naming it, none from the XML parser; UTF-16 and binary are read', () => {
    const dir = tempDir('h5-plist-')
    const file = (name: string) => path.join(dir, name)
    fs.writeFileSync(file('bad.plist'), '<plist><dict><key>x')
    python(
      `import plistlib, sys
d = {"CFBundleShortVersionString": "10.10", "Product Version": "10.10"}
xml = plistlib.dumps(d)
open(sys.argv[1], "wb").write(xml.decode().encode("utf-16"))
b = plistlib.dumps(d, fmt=plistlib.FMT_BINARY)
open(sys.argv[2], "wb").write(b[:-10])
open(sys.argv[3], "wb").write(plistlib.dumps({**d, "Product Version": 10.10}, fmt=plistlib.FMT_BINARY))`,
      file('utf16.plist'),
      file('cut.plist'),
      file('real.plist')
    )
    const run = (plist: string, ...flags: string[]) =>
      cli([
        'validate',
        writeTree(GOOD),
        '--main-entry',
        '/www/index.html',
        '--info-plist',
        file(plist),
        ...flags
      ])
    expect(run('bad.plist')).toEqual({
      status: 2,
      stdout: '',
      stderr: `h5-offline: ${file('bad.plist')} is not a valid Info.plist: the XML is malformed: unclosed xml tag(s): plist, dict, key (line 1)\n`
    })
    expect(run('cut.plist')).toEqual({
      status: 2,
      stdout: '',
      stderr: `h5-offline: ${file('cut.plist')} is not a valid Info.plist: the binary plist is damaged or cut short\n`
    })
    const utf16 = run('utf16.plist', '--ios-min-version', '10.2')
    expect([utf16.status, utf16.stderr]).toEqual([0, ''])
    expect(run('utf16.plist', '--ios-min-version', '10.10').stdout).toContain(
      'the minimum iOS client version 10.10 is not lower than Product Version 10.10'
    )
    // the real 10.10 of a binary plist was read as "10.1": a false mismatch and a false ios-min-version error
    const real = run('real.plist', '--ios-min-version', '10.2')
    expect(real.status).toBe(0)
    expect(real.stdout).toContain(
      '"Product Version" in Info.plist must be a string, but it is a number (10.1): the minimum iOS version 10.2 cannot be compared with it'
    )
    expect(real.stdout).not.toContain('ios-version-mismatch')
  })

  it('an output that is a FIFO, a link or a directory: refused, left as it was', () => {
    const dir = outDir()
    const fifo = path.join(dir, 'fifo')
    spawnSync('mkfifo', [fifo])
    fs.symlinkSync('/proc/self/fd/1', path.join(dir, 'stdout'))
    fs.mkdirSync(path.join(dir, 'sub'))
    const cases: Array<[string, RegExp]> = [
      [fifo, /it is a named pipe; give the path of a new or existing \.zip file/],
      [path.join(dir, 'stdout'), /it is a symbolic link/],
      [path.join(dir, 'sub'), /it is a directory; give a file name such as .*sub\/package\.zip/]
    ]
    for (const [out, message] of cases) {
      const r = cli(['pack', writeTree(GOOD), '--out', out, '--main-entry', '/www/index.html'])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(message)
    }
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true)
    expect(fs.readlinkSync(path.join(dir, 'stdout'))).toBe('/proc/self/fd/1')
    expect(fs.readdirSync(dir).sort()).toEqual(['fifo', 'stdout', 'sub'])
    expect(fs.readdirSync(path.join(dir, 'sub'))).toEqual([])
  })

  it('an output inside the package folder (or a file of it, or through a link): refused', () => {
    const site = writeTree(GOOD)
    const link = path.join(tempDir(), 'link')
    fs.symlinkSync(site, link)
    const page = path.join(site, '20171228/www/index.html')
    for (const [input, out] of [
      [site, path.join(site, 'pkg.zip')],
      [site, page],
      [link, path.join(site, 'pkg.zip')]
    ]) {
      const r = cli(['pack', input, '--out', out, '--main-entry', '/www/index.html'])
      expect(r.status).toBe(2)
      expect(r.stderr).toMatch(/it is inside the package folder .*; write it outside/)
    }
    expect(fs.readFileSync(page, 'utf8')).toBe(GOOD['20171228/www/index.html'])
    expect(fs.existsSync(path.join(site, 'pkg.zip'))).toBe(false)
    // the suggestion is outside: the folder's own name + .zip beside it, not the folder it refused
    const r = cli(['pack', site, '--out', site, '--main-entry', '/www/index.html'])
    expect(r.stderr).toContain(`write it outside, e.g. ${fs.realpathSync(site)}.zip`)
    const named = cli(['pack', site, '--out', path.join(site, 'pkg.zip')])
    expect(named.stderr).toContain(
      `e.g. ${path.join(path.dirname(fs.realpathSync(site)), 'pkg.zip')}`
    )
  })

  it('--sarif is guarded as --out is: not through a link, not into the package, not left half-written', () => {
    const site = writeTree(GOOD)
    const dir = tempDir()
    const victim = path.join(dir, 'victim.txt')
    fs.writeFileSync(victim, 'keep me')
    const link = path.join(dir, 'report.sarif')
    fs.symlinkSync(victim, link)
    const viaLink = cli(['validate', site, '--sarif', link, '--main-entry', '/www/index.html'])
    expect(viaLink.status).toBe(2)
    expect(viaLink.stderr).toContain('it is a symbolic link')
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me')
    const inside = cli([
      'validate',
      site,
      '--sarif',
      path.join(site, 'r.sarif'),
      '--main-entry',
      '/www/index.html'
    ])
    expect(inside.status).toBe(2)
    // the SARIF file is named, not the zip
    expect(inside.stderr).toMatch(
      /inside the package folder .*, so the SARIF file would end up in the next zip/
    )
    expect(fs.existsSync(path.join(site, 'r.sarif'))).toBe(false)
    const folder = cli(['validate', site, '--sarif', dir, '--main-entry', '/www/index.html'])
    expect(folder.status).toBe(2)
    expect(folder.stderr).toContain(
      `it is a directory; give a file name such as ${path.join(dir, 'h5.sarif')}`
    )
    // written whole, through a temp file renamed over the old report: no temp file is left beside it
    const good = path.join(dir, 'ok.sarif')
    fs.writeFileSync(good, 'old')
    expect(cli(['validate', site, '--sarif', good, '--main-entry', '/www/index.html']).status).toBe(
      0
    )
    expect(JSON.parse(fs.readFileSync(good, 'utf8')).version).toBe('2.1.0')
    expect(fs.readdirSync(dir).sort()).toEqual(['ok.sarif', 'report.sarif', 'victim.txt'])
  })

  it('--sarif into a folder that does not exist: refused before the work, naming the path given', () => {
    const cwd = tempDir()
    const r = cli(
      ['validate', writeTree(GOOD), '--sarif', 'dir/x.sarif', '--main-entry', '/www/index.html'],
      cwd
    )
    // the temp file's name (.x.sarif.<hash>.tmp) once stood in the message
    expect(r).toEqual({
      status: 2,
      stdout: '',
      stderr: `h5-offline: cannot write --sarif dir/x.sarif: the folder ${path.join(cwd, 'dir')} does not exist or is not writable\n`
    })
  })

  it('--sarif locates files from the top of the git checkout, wherever in it the CLI runs; outside one, from the current folder', () => {
    const sarifUri = (cwd: string) => {
      const r = cli(['validate', 'dist', '--sarif', 'out.sarif', '--id', '20171228'], cwd)
      expect(r.status, r.stderr).toBe(0)
      const log = JSON.parse(fs.readFileSync(path.join(cwd, 'out.sarif'), 'utf8'))
      const run = log.runs[0]
      const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'name-url-unsafe')
      return [
        run.originalUriBaseIds['%SRCROOT%'].uri,
        result.locations[0].physicalLocation.artifactLocation.uri
      ]
    }
    const tree = { 'index.html': '<p>x</p>', 'img/a b.png': 'x' }
    const repo = tempDir('h5-repo-')
    fs.mkdirSync(path.join(repo, '.git'))
    writeTree(tree, path.join(repo, 'apps/h5/dist'))
    // code scanning maps URIs from the repository root: dist/… would point at a file it does not have
    expect(sarifUri(path.join(repo, 'apps/h5'))).toEqual([
      `file://${repo}/`,
      'apps/h5/dist/img/a%20b.png'
    ])
    // a worktree or submodule has a .git file
    const worktree = tempDir('h5-wt-')
    fs.writeFileSync(path.join(worktree, '.git'), 'gitdir: /elsewhere\n')
    writeTree(tree, path.join(worktree, 'h5/dist'))
    expect(sarifUri(path.join(worktree, 'h5'))[1]).toBe('h5/dist/img/a%20b.png')
    const plain = tempDir('h5-norepo-')
    writeTree(tree, path.join(plain, 'h5/dist'))
    expect(sarifUri(path.join(plain, 'h5'))).toEqual([`file://${plain}/h5/`, 'dist/img/a%20b.png'])
  })

  it('--sarif with more findings than code scanning takes: the 25,000 most severe, and a note on stderr', () => {
    const dir = tempDir('h5-many-')
    const www = path.join(dir, '20171228/www')
    fs.mkdirSync(www, { recursive: true })
    fs.writeFileSync(path.join(www, 'index.html'), '<p>x</p>')
    for (let i = 0; i < 26_000; i++) fs.writeFileSync(path.join(www, `i@${i}.png`), '')
    const sarif = path.join(tempDir(), 'h5.sarif')
    const r = cli(['validate', dir, '--sarif', sarif, '--main-entry', '/www/index.html'])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe(
      'h5-offline: note: 1,000 of 26,000 findings were left out of the SARIF file, which holds the 25,000 most severe (GitHub code scanning accepts no more per run); the JSON and text reports have them all\n'
    )
    const run = JSON.parse(fs.readFileSync(sarif, 'utf8')).runs[0]
    expect(run.results).toHaveLength(25_000)
    expect(run.properties).toEqual({ resultsTotal: 26_000, resultsOmitted: 1_000 })
  })

  it('a report that cannot be written to standard output (a full disk): exit 2 and one line, not a stack trace', (ctx) => {
    if (!fs.existsSync('/dev/full')) return ctx.skip()
    const full = fs.openSync('/dev/full', 'w')
    try {
      const r = spawnSync(
        process.execPath,
        [CLI, 'validate', writeTree(GOOD), '--main-entry', '/www/index.html'],
        { stdio: ['ignore', full, 'pipe'], encoding: 'utf8', env: { PATH: process.env.PATH } }
      )
      expect(r.status).toBe(2)
      expect(r.stderr).toBe(
        'h5-offline: cannot write the report to standard output: ENOSPC: no space left on device, write\n'
      )
    } finally {
      fs.closeSync(full)
    }
  })

  it('diff --delta-out on a directory: refused like pack --out', () => {
    const dir = outDir()
    const zip = path.join(dir, 'a.zip')
    expect(
      cli(['pack', writeTree(GOOD), '--out', zip, '--main-entry', '/www/index.html']).status
    ).toBe(0)
    fs.mkdirSync(path.join(dir, 'delta'))
    const r = cli(['diff', zip, zip, '--delta-out', path.join(dir, 'delta')])
    expect(r.status).toBe(2)
    expect(r.stderr).toContain(
      `delta: it is a directory; give a file name such as ${path.join(dir, 'delta', 'delta.zip')}`
    )
    expect(r.stderr).not.toMatch(/EISDIR|\n\s+at /)
  })

  for (const c of table) {
    it(c.name, () => {
      const dir = outDir()
      const out = path.join(dir, 'p.zip')
      const r = cli(c.run(out))
      expect(r.status).toBe(c.status)
      expect(r.stdout + r.stderr).toMatch(c.message)
      expect(r.stdout + r.stderr).not.toMatch(/root:x:0:0/)
      expect(r.stderr).not.toMatch(/\n\s+at /)
      expect(fs.readdirSync(dir)).toEqual([])
    })
  }

  it('a zip with ../ entries: findings, never extracted', () => {
    const dir = tempDir()
    const zip = path.join(dir, 'evil.zip')
    python(
      "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],'w')\nz.writestr('20171228/www/index.html','<p>x</p>')\nz.writestr('../../evil.sh','echo pwned')\nz.writestr('/etc/cron.d/x','x')\nz.close()",
      zip
    )
    const r = cli(['validate', zip, '--main-entry', '/www/index.html', '--format', 'json'])
    expect(r.status).toBe(1)
    const rules = JSON.parse(r.stdout).findings.map(
      (f: { rule: string; path: string }) => `${f.rule} ${f.path}`
    )
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^unsafe-path .*evil\.sh/),
        expect.stringMatching(/^unsafe-path .*cron/)
      ])
    )
    expect(fs.readdirSync(dir)).toEqual(['evil.zip'])
    expect(fs.existsSync(path.resolve(dir, '../../evil.sh'))).toBe(false)
  })

  it('a zip bomb: refused with the cap named', () => {
    const dir = tempDir()
    const zip = path.join(dir, 'bomb.zip')
    python(
      "import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED)\nz.writestr('20171228/www/zeros.js',b'\\0'*(64*1024*1024))\nz.close()",
      zip
    )
    expect(fs.statSync(zip).size).toBeLessThan(1024 * 1024)
    fs.writeFileSync(
      path.join(dir, 'h5offline.config.json'),
      JSON.stringify({ limits: { bytes: '16MiB' } })
    )
    const r = cli(['validate', 'bomb.zip'], dir)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/bomb\.zip/)
    expect(r.stderr).toMatch(/limit|cap/i)
  })

  it('a folder whose files pass limits.bytes: refused as its zip would be when read back, nothing written', () => {
    const dir = tempDir()
    const site = writeTree({ '20171228/www/index.html': '<!doctype html>' })
    // sparse: 40 MiB on paper, no disk used
    fs.writeFileSync(path.join(site, '20171228/www/big.bin'), '')
    fs.truncateSync(path.join(site, '20171228/www/big.bin'), 40 * 1024 * 1024)
    fs.writeFileSync(path.join(dir, 'h5.json'), JSON.stringify({ limits: { bytes: '16MiB' } }))
    const out = path.join(dir, 'p.zip')
    const r = cli(['pack', site, '--config', 'h5.json', '--out', out], dir)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /its files hold 40\.0 MiB, more than the limit of 16\.0 MiB .*raise limits\.bytes/
    )
    expect(fs.readdirSync(dir)).toEqual(['h5.json'])
  })
})

describe('colour', () => {
  it('on a terminal only, and not with NO_COLOR or TERM=dumb', async () => {
    const { runCli } = await import('../src/cli/main.js')
    const site = writeTree({ '20171228/www/index.html': '<script src="gone.js"></script>' })
    const run = async (env: NodeJS.ProcessEnv, isTTY = true) => {
      let out = ''
      await runCli(['validate', site, '--no-refs'], {
        stdout: (s) => (out += s),
        stderr: () => {},
        cwd: process.cwd(),
        env,
        isTTY
      })
      return out.includes('\u001b[')
    }
    expect(await run({})).toBe(true)
    expect(await run({}, false)).toBe(false)
    expect(await run({ NO_COLOR: '1' })).toBe(false)
    expect(await run({ TERM: 'dumb' })).toBe(false)
  })
})

describe('text report', () => {
  it('groups by rule and severity, so a header counts what it says (a missing icon is a warning of its own)', () => {
    const site = writeTree({
      '20171228/www/index.html':
        '<link rel="icon" href="favicon.ico">\n<script src="gone.js"></script>\n<script src="gone2.js"></script>'
    })
    const r = cli(['validate', site, '--main-entry', '/www/index.html'])
    expect(r.stdout).toMatch(/^error ref-broken \(2\)$/m)
    expect(r.stdout).toMatch(/^warning ref-broken \(1\)$/m)
    expect(r.stdout).toContain('2 errors, 1 warning')
  })
})

describe('include and exclude patterns', () => {
  it('a pattern that matches nothing is noted on stderr (a typo would change nothing, silently)', () => {
    const site = writeTree({ '20171228/www/index.html': '<p>x</p>', '20171228/www/a.map': '{}' })
    const r = cli([
      'validate',
      site,
      '--exclude',
      '*.mapp',
      '--exclude',
      '*.map',
      '--main-entry',
      '/www/index.html'
    ])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe(
      `h5-offline: note: the exclude pattern "*.mapp" matches no file in ${site}, so it selects or leaves out nothing\n`
    )
  })

  it('a zip is checked whole: exclude hides nothing of what it ships, and a note says so', () => {
    const dir = writeTree({ '20171228/www/index.html': '<p>x</p>', '20171228/www/a.js.map': '{}' })
    const zip = path.join(tempDir(), 'p.zip')
    execFileSync('zip', ['-qr', zip, '20171228'], { cwd: dir })
    const r = cli(['validate', zip, '--exclude', '*.map', '--main-entry', '/www/index.html'])
    expect(r.stdout).toMatch(/^warning source-map \(1\)$/m)
    expect(r.stderr).toBe(
      'h5-offline: note: the exclude patterns do not apply to a zip, which is checked (and uploaded) whole; give the build folder to leave files out\n'
    )
  })

  it('an --allow-sensitive path that names no file is noted on stderr; one that names a file is not', () => {
    const site = writeTree({ 'index.html': '<p>x</p>', 'sens/.env': 'A=1' })
    const r = cli([
      'pack',
      site,
      '--id',
      '20171228',
      '--out',
      path.join(writeTree({}), 'p.zip'),
      '--allow-sensitive',
      'sens/.env',
      '--allow-sensitive',
      'sens/.env.local',
      '--main-entry',
      '/www/index.html'
    ])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe(
      `h5-offline: note: --allow-sensitive "sens/.env.local" names no file in ${site} (an exact path in the package or in the source folder), so it allows nothing\n`
    )
  })
})

describe('files named twice', () => {
  it('refuses an output that is another output or a file the run reads, before writing anything', () => {
    const site = writeTree({ 'index.html': '<p>x</p>' })
    const dir = tempDir()
    const config = path.join(dir, 'cfg.json')
    fs.writeFileSync(config, '{"id":"20171228"}')
    const global = path.join(dir, 'g.zip')
    fs.writeFileSync(global, 'not touched')
    const same = path.join(dir, 'same.zip')
    for (const [args, message] of [
      [
        ['--id', '20171228', '--out', same, '--sarif', same],
        `h5-offline: --out and --sarif both name ${same}: the second would replace the first; give each its own file\n`
      ],
      [
        ['--id', '20171228', '--out', global, '--global-package', global],
        `h5-offline: --out ${global} is the --global-package file this run reads: writing it would replace it; give --out another file name\n`
      ],
      [
        ['--config', config, '--out', config],
        `h5-offline: --out ${config} is the --config file this run reads: writing it would replace it; give --out another file name\n`
      ]
    ] as const) {
      const r = cli(['pack', site, ...args])
      expect(r.status, args.join(' ')).toBe(2)
      expect(r.stderr).toBe(message)
    }
    expect(fs.readFileSync(global, 'utf8')).toBe('not touched')
    expect(fs.readFileSync(config, 'utf8')).toBe('{"id":"20171228"}')
    expect(fs.existsSync(same)).toBe(false)
    // the zip being validated is read too
    const zip = path.join(dir, 'v.zip')
    execFileSync('zip', ['-qr', zip, '20171228'], { cwd: writeTree(GOOD) })
    const before = fs.readFileSync(zip)
    const r = cli(['validate', zip, '--sarif', zip])
    expect([r.status, r.stderr]).toEqual([
      2,
      `h5-offline: --sarif ${zip} is the package file this run reads: writing it would replace it; give --sarif another file name\n`
    ])
    expect(fs.readFileSync(zip).equals(before)).toBe(true)
  })
})

describe('budgets', () => {
  it('notes that a zipped budget is not applied when validate reads a folder', () => {
    const site = writeTree(GOOD)
    const r = cli(['validate', site, '--budget-zipped', '1MiB', '--main-entry', '/www/index.html'])
    expect(r.status).toBe(0)
    expect(r.stderr).toBe(
      'h5-offline: note: the zipped size budget applies to a zip: pack checks it, or validate the zip itself\n'
    )
  })
})

describe('help and missing values', () => {
  it('takes help <command> as <command> --help, and names a flag that lacks its value', () => {
    const help = cli(['help', 'validate'])
    expect(help.status).toBe(0)
    expect(help.stdout).toBe(cli(['validate', '--help']).stdout)
    const missing = cli(['validate', writeTree(GOOD), '--version'])
    expect([missing.status, missing.stderr]).toEqual([
      2,
      'h5-offline: --version needs a value (the package version, e.g. --version 1.0.0.0; h5-offline --version alone prints the tool version)\nRun h5-offline --help for the options.\n'
    ])
    expect(cli(['validate', writeTree(GOOD), '--id']).stderr).toMatch(
      /^h5-offline: --id needs a value\n/
    )
  })
})
