/**
 * Hostile input, end to end: what a pull request (a fork's included) can put in front of the CLI and the engine.
 * Every case ends in a finding or a clear exit-2 message, never a crash, and nothing outside the package is
 * ever read into a report or a zip. docs/bad-input.md lists each case with the test that proves it.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../src/core/config.js'
import { packPackage } from '../src/engine/pack.js'
import { validatePackage } from '../src/engine/validate.js'
import { visible } from '../src/report/text.js'
import { craftZip, type CraftEntry } from './helpers/craft-zip.js'
import { cleanupTempDirs, tempDir, writeTree } from './helpers/tree.js'

/** The bundle CI builds; H5_OFFLINE_CLI points at another build of src/cli/index.ts (e.g. while dist/ is stale). */
const CLI = path.resolve(process.env.H5_OFFLINE_CLI ?? 'dist/cli/index.js')
afterAll(cleanupTempDirs)
beforeAll(() => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`)
})

function cli(args: string[], cwd = process.cwd()) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' }
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, all: r.stdout + r.stderr }
}

/** File entries of a zip as Python's zipfile reads them: name → content. */
function zipContents(zip: string): Map<string, Buffer> {
  const json = execFileSync(
    'python3',
    [
      '-c',
      'import zipfile,sys,json,base64\nz=zipfile.ZipFile(sys.argv[1])\nprint(json.dumps([[i.filename, base64.b64encode(z.read(i)).decode()] for i in z.infolist() if not i.is_dir()]))',
      zip
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
  )
  return new Map(
    (JSON.parse(json) as [string, string][]).map(([n, b]) => [n, Buffer.from(b, 'base64')])
  )
}

const unzipped = (zip: string) =>
  execFileSync('unzip', ['-p', zip], { maxBuffer: 64 * 1024 * 1024 })

/** A bare-bones view of a JSON report's findings. */
type JsonFinding = { rule: string; severity: string; path: string | null; message: string }
const findingsIn = (stdout: string) => (JSON.parse(stdout) as { findings: JsonFinding[] }).findings

const INDEX = '<!doctype html><title>x</title><p>hello</p>'
/** What acts on a terminal: C0 and C1 controls, DEL, bidi marks, overrides and isolates (visible() escapes them). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/

describe('symlinks: reported, never followed, never read into a report or a zip', () => {
  /** What `actions/checkout` leaves in .git/config when it persists credentials; fake, but shaped alike. */
  const TOKEN = 'ghs_FAKEtoken0123456789abcdefABCDEF0123'
  const PASSWD = fs.existsSync('/etc/passwd')
    ? fs.readFileSync('/etc/passwd', 'utf8').split('\n')[0]
    : ''
  let repo: string
  let site: string
  const links: Record<string, string> = {
    '20171228/www/passwd': '/etc/passwd', // a file outside, absolute
    '20171228/git-config': '../../.git/config', // the checkout's credentials, relative
    '20171228/www/etc': '/etc', // a folder outside
    '20171228/www/dotgit': '../../../.git', // the repository's .git folder
    '20171228/www/loop-a': 'loop-b', // a loop
    '20171228/www/loop-b': 'loop-a',
    '20171228/www/self': 'self', // a link to itself
    '20171228/www/up': '..', // a folder cycle inside the package
    '20171228/www/dangling.js': 'missing.js' // dangling
  }

  beforeAll(() => {
    repo = writeTree({
      '.git/config': `[remote "origin"]\n\turl = https://github.com/o/r\n[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic ${TOKEN}\n`,
      // A page that references the links: the reference scan must not resolve them to files either.
      'site/20171228/www/index.html': `${INDEX}<script src="passwd"></script><script src="dangling.js"></script><link rel="stylesheet" href="etc/hostname">`
    })
    site = path.join(repo, 'site')
    for (const [name, target] of Object.entries(links))
      fs.symlinkSync(target, path.join(site, name))
    // The relative links really lead to the secrets (so the test is not vacuous).
    expect(fs.readFileSync(path.join(site, '20171228/git-config'), 'utf8')).toContain(TOKEN)
    expect(fs.existsSync(path.join(site, '20171228/www/dotgit/config'))).toBe(true)
  })

  const expectNoLeak = (text: string | Buffer) => {
    expect(text.includes(TOKEN)).toBe(false)
    if (PASSWD) expect(text.includes(PASSWD)).toBe(false)
    expect(text.includes('extraheader')).toBe(false)
  }

  it('validate (engine): one symlink finding per link, with its target as written; the links are no files', async () => {
    const v = await validatePackage(site, parseConfig({ mainEntry: '/www/index.html' }))
    const symlinks = v.findings.filter((f) => f.rule === 'symlink')
    expect(Object.fromEntries(symlinks.map((f) => [f.path, f.args.target]))).toEqual(links)
    expect(symlinks.every((f) => f.severity === 'error')).toBe(true)
    expect(v.pkg.files.map((f) => f.path)).toEqual(['20171228/www/index.html'])
    // The page's references to links are broken references, not files found through them.
    const broken = v.findings.filter((f) => f.rule === 'ref-broken').map((f) => f.args.url)
    expect(broken).toEqual(expect.arrayContaining(['passwd', 'dangling.js', 'etc/hostname']))
    expectNoLeak(JSON.stringify(v))
  })

  it('validate (CLI, JSON and text): exit 1, each link named with its target, no byte of a target printed', () => {
    const json = cli(['validate', site, '--main-entry', '/www/index.html', '--format', 'json'])
    expect(json.status).toBe(1)
    const symlinks = findingsIn(json.stdout).filter((f) => f.rule === 'symlink')
    expect(symlinks.map((f) => f.path).sort()).toEqual(Object.keys(links).sort())
    for (const f of symlinks) expect(f.message).toContain(`symbolic link to ${links[f.path!]}`)
    expectNoLeak(json.all)

    const text = cli(['validate', site, '--main-entry', '/www/index.html'])
    expect(text.status).toBe(1)
    expect(text.stdout).toMatch(/^error symlink \(9\)$/m)
    expectNoLeak(text.all)
  })

  it('pack without --force: refused (exit 1), nothing written', () => {
    const out = tempDir('h5-out-')
    const r = cli([
      'pack',
      site,
      '--main-entry',
      '/www/index.html',
      '--out',
      path.join(out, 'p.zip')
    ])
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(
      /^h5-offline: not written: \d+ errors?; fix (it|them), or pass --force \(or --fail-on never\)$/m
    )
    expect(fs.readdirSync(out)).toEqual([])
    expectNoLeak(r.all)
  })

  it('pack --force: the zip holds the real files only; no target bytes in its raw bytes or its inflated content', () => {
    const out = path.join(tempDir('h5-out-'), 'p.zip')
    const r = cli([
      'pack',
      site,
      '--main-entry',
      '/www/index.html',
      '--out',
      out,
      '--force',
      '--format',
      'json'
    ])
    expect(r.status).toBe(1) // written, but the errors still fail the run
    const report = JSON.parse(r.stdout)
    expect(report.zip.files).toBe(1)
    expect(report.findings.filter((f: JsonFinding) => f.rule === 'symlink')).toHaveLength(9)
    expect([...zipContents(out).keys()]).toEqual(['20171228/www/index.html'])
    expect(execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n')).toEqual([
      '20171228/',
      '20171228/www/',
      '20171228/www/index.html'
    ])
    const bytes = fs.readFileSync(out)
    expectNoLeak(bytes)
    const content = unzipped(out)
    expect(content.toString()).toContain('<p>hello</p>') // the check below reads real content
    expectNoLeak(content)
    expectNoLeak(r.all)
  })

  it('pack (engine) --force: the same, and the links are not among the packed files', async () => {
    const out = path.join(tempDir('h5-out-'), 'p.zip')
    const r = await packPackage(site, parseConfig({ mainEntry: '/www/index.html' }), {
      out,
      force: true
    })
    expect(r.zip?.files).toBe(1)
    expect(r.findings.filter((f) => f.rule === 'symlink')).toHaveLength(9)
    expectNoLeak(fs.readFileSync(out))
    expectNoLeak(unzipped(out))
  })
})

describe('hostile zips through the CLI (the engine-level cases are in test/zip-source.test.ts)', () => {
  let dir: string
  beforeAll(() => {
    dir = tempDir('h5-zip-')
  })
  const index = { name: '20171228/www/index.html', data: INDEX }
  const zipOf = (name: string, entries: CraftEntry[] | Buffer) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, Buffer.isBuffer(entries) ? entries : craftZip(entries))
    return file
  }
  const validate = (zip: string, ...extra: string[]) =>
    cli(['validate', zip, '--main-entry', '/www/index.html', '--format', 'json', ...extra])

  const findingCases: Array<{
    name: string
    entries: CraftEntry[]
    rule: string
    path: string
    message: RegExp
  }> = [
    {
      name: 'a backslash entry (a separator on Windows)',
      entries: [index, { name: '20171228\\www\\..\\..\\evil.js', data: 'x' }],
      rule: 'unsafe-path',
      path: '20171228\\www\\..\\..\\evil.js',
      message: /backslash/
    },
    {
      name: 'two entries with the same name',
      entries: [
        index,
        { name: '20171228/www/a.js', data: 'first' },
        { name: '20171228/www/a.js', data: 'second' }
      ],
      rule: 'duplicate-entry',
      path: '20171228/www/a.js',
      message: /a\.js/
    },
    {
      name: 'names that differ only in case',
      entries: [
        index,
        { name: '20171228/www/Logo.png', data: 'a' },
        { name: '20171228/www/logo.png', data: 'b' }
      ],
      rule: 'name-case-collision',
      path: '20171228/www/logo.png',
      message: /Logo\.png/
    },
    {
      name: 'a symlink entry to /etc/passwd',
      entries: [
        index,
        { name: '20171228/www/passwd', data: '/etc/passwd', mode: 0o120777, method: 0 }
      ],
      rule: 'symlink',
      path: '20171228/www/passwd',
      message: /symbolic link to \/etc\/passwd/
    },
    {
      name: 'an encrypted entry',
      entries: [index, { name: '20171228/www/secret.js', data: 'x', flags: 1 }],
      rule: 'encrypted-entry',
      path: '20171228/www/secret.js',
      message: /secret\.js/
    },
    {
      name: 'a non-UTF-8 (GBK) name',
      entries: [
        index,
        {
          name: Buffer.concat([
            Buffer.from('20171228/www/'),
            Buffer.from([0xd6, 0xd0, 0xce, 0xc4]),
            Buffer.from('.js')
          ]),
          data: 'x'
        }
      ],
      rule: 'name-encoding',
      path: '20171228/www/╓╨╬─.js',
      message: /not UTF-8 \(read as GBK: "20171228\/www\/中文\.js"\)/
    },
    {
      name: 'a FIFO entry',
      entries: [index, { name: '20171228/www/fifo', mode: 0o010644 }],
      rule: 'special-file',
      path: '20171228/www/fifo',
      message: /fifo/
    }
  ]
  for (const c of findingCases) {
    it(`${c.name}: a ${c.rule} finding, exit 1, valid JSON, nothing extracted`, () => {
      const zip = zipOf(`${c.rule}.zip`, c.entries)
      const before = fs.readdirSync(dir).sort()
      const r = validate(zip)
      expect(r.status, r.stderr).toBe(1)
      const found = findingsIn(r.stdout).filter((f) => f.rule === c.rule)
      expect(found.map((f) => f.path)).toContain(c.path)
      expect(found.find((f) => f.path === c.path)!.message).toMatch(c.message)
      expect(r.all).not.toMatch(/root:x:0:0/)
      expect(fs.readdirSync(dir).sort()).toEqual(before)
    })
  }

  const refusals: Array<{ name: string; zip: () => Buffer; message: RegExp }> = [
    {
      name: 'a small zip declaring 200 MiB in one entry (ratio bomb)',
      zip: () =>
        craftZip([index, { name: '20171228/www/bomb.js', data: 'x', size: 200 * 1024 ** 2 }]),
      message: /bomb\.js declares 200\.0 MiB .* more than 1000:1 \(zip bomb\?\)/
    },
    {
      name: 'a truncated zip',
      zip: () => {
        const whole = craftZip([index, { name: '20171228/www/a.js', data: 'x'.repeat(5000) }])
        return whole.subarray(0, whole.length - 30)
      },
      message: /is not a readable zip file: End of central directory record signature not found/
    },
    {
      name: 'a central directory pointing past the end of the file',
      zip: () => craftZip([index, { name: '20171228/www/a.js', data: 'x', offset: 5_000_000 }]),
      message: /claims bytes up to offset \d+, past the end/
    },
    {
      name: 'an entry that inflates past its declared size (read by the reference scan)',
      zip: () => craftZip([{ ...index, data: Buffer.alloc(100_000, 'a'), size: 10 }]),
      message: /cannot read 20171228\/www\/index\.html: /
    },
    {
      name: 'an entry whose CRC-32 is wrong',
      zip: () => craftZip([{ ...index, crc: 1234 }]),
      message: /cannot read 20171228\/www\/index\.html: CRC-32 mismatch, the zip is damaged/
    },
    {
      name: 'an image whose CRC-32 is wrong (no rule reads images: validate reads every entry, as unzip -t does)',
      zip: () => craftZip([index, { name: '20171228/www/img.png', data: 'PNG', crc: 1234 }]),
      message: /cannot read 20171228\/www\/img\.png: CRC-32 mismatch, the zip is damaged/
    },
    {
      name: 'an entry compressed with bzip2 (method 12)',
      zip: () => craftZip([index, { name: '20171228/www/img.png', data: 'BZh', method: 12 }]),
      message:
        /img\.png: unsupported compression method: 12 \(MDS and phones read stored and deflated entries only/
    },
    {
      name: 'a local header naming another file than the central directory does',
      zip: () =>
        craftZip([
          index,
          { name: '20171228/www/aaaa.js', localName: '20171228/www/.env.js', data: 'x' }
        ]),
      message:
        /entry "20171228\/www\/aaaa\.js" names it "20171228\/www\/\.env\.js" in its local header: the zip says two things/
    },
    {
      name: 'PKWARE strong encryption',
      zip: () => craftZip([index, { name: '20171228/www/a.js', data: 'x', flags: 0x41 }]),
      message: /not a readable zip file: strong encryption is not supported/
    },
    {
      name: 'a text file named .zip',
      zip: () => Buffer.from('just text\n'),
      message: /is not a readable zip file/
    },
    {
      name: 'an empty file',
      zip: () => Buffer.alloc(0),
      message: /is not a readable zip file/
    }
  ]
  for (const c of refusals) {
    it(`${c.name}: exit 2 with the zip named, no stack trace`, () => {
      const zip = zipOf(`refused-${refusals.indexOf(c)}.zip`, c.zip())
      const r = validate(zip)
      expect(r.status, r.stdout).toBe(2)
      expect(r.stdout).toBe('')
      expect(r.stderr).toMatch(c.message)
      expect(r.stderr).toContain(zip)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    })
  }

  it('a lying entry with --no-refs: still read whole and refused, without the scan', () => {
    const zip = zipOf(
      'liar-norefs.zip',
      craftZip([{ ...index, data: Buffer.alloc(100_000, 'a'), size: 10 }])
    )
    const r = validate(zip, '--no-refs')
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/cannot read 20171228\/www\/index\.html: /)
  })

  it('pack refuses a zip (it takes a directory): exit 2, nothing written', () => {
    const zip = zipOf('pack-me.zip', [index])
    const out = tempDir('h5-out-')
    const r = cli(['pack', zip, '--out', path.join(out, 'p.zip')])
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(
      /pack takes a directory; .*pack-me\.zip is a zip \(run validate on it instead\)/
    )
    expect(fs.readdirSync(out)).toEqual([])
  })
})

describe('file names: reports stay well-formed whatever the names', () => {
  const NAMES = [
    'new\nline.js',
    'cr\rreturn.js',
    'tab\there.js',
    '100%.js',
    '%0A%25.js',
    'a:b.js',
    'a,b.js',
    '::error file=x.js,line=1::pwned.js',
    '::add-mask::x.js',
    'esc\u001b[31mred\u001b[0m.js',
    'title\u001b]0;owned\u0007.js',
    'bell\u0007.js',
    'del\u007f.js',
    'c1\u0085\u009b.js',
    'rtl\u202egnp.js',
    'isolate\u2066x\u2069.js',
    'pipe|`tick`<script>alert(1)<.js',
    // A backslash is left out as unsafe-path (a folder separator on Windows): test/rules/unsafe-path.test.ts.
    'quote"and-a-quote.js',
    'x'.repeat(252) + '.js', // 255 bytes, the longest name ext4 takes
    'é'.repeat(125) + 'a.js', // 254 bytes in 129 characters
    '中'.repeat(84) + '.js' // 255 bytes
  ]
  let site: string
  beforeAll(() => {
    site = writeTree({
      '20171228/www/index.html': INDEX,
      ...Object.fromEntries(NAMES.map((n) => [`20171228/www/${n}`, `/* ${n.length} */`]))
    })
    expect(fs.readdirSync(path.join(site, '20171228/www')).sort()).toEqual(
      [...NAMES, 'index.html'].sort()
    )
  })

  it('JSON: parses, and every name is reported exactly (byte for byte)', () => {
    const r = cli(['validate', site, '--main-entry', '/www/index.html', '--format', 'json'])
    expect(r.status, r.stderr).toBe(0) // all warnings for a standard package
    const report = JSON.parse(r.stdout)
    expect(report.package.files).toBe(NAMES.length + 1)
    const paths = new Set(findingsIn(r.stdout).map((f) => f.path))
    for (const n of NAMES) expect(paths.has(`20171228/www/${n}`), JSON.stringify(n)).toBe(true)
  })

  it('text: control and bidi characters shown as escapes; one line per finding, no raw ESC, CR or newline in one', () => {
    const r = cli(['validate', site, '--main-entry', '/www/index.html'])
    expect(r.status).toBe(0)
    // Nothing that acts on a terminal, anywhere: newlines only end lines.
    expect(r.stdout.replace(/\n/g, '')).not.toMatch(TERMINAL_CONTROLS)
    const lines = r.stdout.split('\n')
    for (const n of NAMES) {
      const shown = `  ${visible(`20171228/www/${n}`)}  `
      expect(
        lines.some((l) => l.startsWith(shown)),
        JSON.stringify(shown)
      ).toBe(true)
    }
    expect(r.stdout).toContain('new\\nline.js')
    expect(r.stdout).toContain('esc\\u001b[31mred\\u001b[0m.js')
    expect(r.stdout).toContain('rtl\\u202egnp.js')
    // The number of finding lines is the number of findings: no name split a line in two.
    const json = cli(['validate', site, '--main-entry', '/www/index.html', '--format', 'json'])
    const withPath = findingsIn(json.stdout).filter((f) => f.path !== null).length
    expect(
      lines.filter((l) => /^ {2}(?:(?:error|warning|notice) )?20171228\//.test(l))
    ).toHaveLength(withPath)
  })

  it('pack --force: every name is an entry of the zip, exactly, with its content', () => {
    const out = path.join(tempDir('h5-out-'), 'names.zip')
    const r = cli(['pack', site, '--main-entry', '/www/index.html', '--out', out, '--force'])
    expect(r.status, r.stderr).toBe(0)
    const entries = zipContents(out)
    expect([...entries.keys()].sort()).toEqual(
      [...NAMES, 'index.html'].map((n) => `20171228/www/${n}`).sort()
    )
    for (const n of NAMES)
      expect(entries.get(`20171228/www/${n}`)!.toString()).toBe(`/* ${n.length} */`)
  })

  /** A zip's only top-level folder is its ID, so a crafted folder name must not reach the terminal raw. */
  it('text: a control character in the package ID (a zip’s only top folder) is escaped too', () => {
    const zip = path.join(tempDir('h5-zip-'), 'esc-id.zip')
    fs.writeFileSync(
      zip,
      craftZip([{ name: '\u001b]0;owned\u0007\u001b[2J/www/index.html', data: INDEX }])
    )
    const r = cli(['validate', zip])
    expect(r.status).toBe(1)
    expect(r.stdout.replace(/\n/g, '')).not.toMatch(TERMINAL_CONTROLS)
  })

  /**
   * The runner reads `::cmd::` at the start of a log line (after spaces) and `##[cmd]` anywhere in one, so when the
   * CLI runs in a workflow `run:` step its reports must not carry either from a file name.
   */
  it('text and JSON: no line of output is a workflow command (as actions/runner parses them)', () => {
    const dir = writeTree({
      '20171228/www/index.html': INDEX,
      '::error file=index.html::injected': 'x',
      '20171228/www/##[warning]injected.js': 'x'
    })
    for (const format of ['text', 'json']) {
      const r = cli(['validate', dir, '--main-entry', '/www/index.html', '--format', format])
      const commands = (r.stdout + r.stderr).split('\n').flatMap((l) => workflowCommandsIn(l))
      expect(commands, format).toEqual([])
    }
  })
})

/** Commands actions/runner would run from a log line (ActionCommand.TryParseV2, then the v1 TryParse). */
function workflowCommandsIn(line: string): string[] {
  const known =
    /^(error|warning|notice|debug|group|endgroup|add-mask|stop-commands|set-output|save-state|add-matcher|remove-matcher|echo|set-env|add-path)$/i
  const v2 = /^::([^ :]+)[^]*?::/.exec(line.trimStart())
  if (v2 && known.test(v2[1])) return [v2[1]]
  const v1 = /##\[([^ \]]+)[^\]]*\]/.exec(line)
  return v1 && known.test(v1[1]) ? [v1[1]] : []
}

describe('config files: not JSON, unknown keys, wrong types → exit 2 naming the file and the key', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['not JSON', '{"id": "20171228",', /config file .*c\.json is not valid JSON: /],
    ['empty', '', /is not valid JSON: Unexpected end of JSON input/],
    ['an array', '[]', /must hold a JSON object/],
    ['null', 'null', /must hold a JSON object/],
    ['a string', '"20171228"', /must hold a JSON object/],
    [
      'an unknown key',
      '{"mainEntri": "/www/index.html"}',
      /^h5-offline: c\.json: "mainEntri": Unrecognized key: "mainEntri"/
    ],
    [
      'an unknown nested key',
      '{"budgets": {"totl": "1MB"}}',
      /^h5-offline: c\.json: "budgets": Unrecognized key: "totl"/
    ],
    ['an unknown limits key', '{"limits": {"entrys": 5}}', /limits.*Unrecognized key: "entrys"/],
    [
      '__proto__ as a key (not a prototype)',
      '{"__proto__": {"keepJunk": true}}',
      /^h5-offline: c\.json: "__proto__": Unrecognized key: "__proto__"/
    ],
    [
      // zod's record drops this key silently: a rule set under it would vanish unchecked
      '__proto__ as a rule id',
      '{"rules": {"__proto__": "off"}}',
      /^h5-offline: c\.json: "rules\.__proto__": not a rule id/
    ],
    [
      'a number for a string',
      '{"id": 20171228}',
      /^h5-offline: c\.json: "id": Invalid input: expected string, received number/
    ],
    [
      'a string for a boolean',
      '{"keepJunk": "yes"}',
      /^h5-offline: c\.json: "keepJunk": Invalid input: expected boolean/
    ],
    [
      'a string for a list',
      '{"allowSensitive": ".env"}',
      /^h5-offline: c\.json: "allowSensitive": Invalid input: expected array/
    ],
    [
      'an unknown severity',
      '{"rules": {"junk-file": "loud"}}',
      /^h5-offline: c\.json: "rules\.junk-file": Invalid option: expected one of "off"\|"notice"\|"warning"\|"error"/
    ],
    [
      'an unknown rule id',
      '{"rules": {"junk-files": "off"}}',
      /^h5-offline: c\.json: "rules\.junk-files": unknown rule id "junk-files"/
    ],
    [
      'a size that is no size',
      '{"budgets": {"total": "lots"}}',
      /^h5-offline: c\.json: "budgets\.total": "lots" is not a size/
    ],
    ['a negative limit', '{"limits": {"entries": -1}}', /limits.*Too small/],
    [
      // a backtracking regex on a crafted name: 6 runs took minutes per file, 12 hours
      'a glob with more wildcards than the matcher can take',
      '{"exclude": ["*a*a*a*a*a*a*a*a*a*a*a*a*b"]}',
      /^h5-offline: c\.json: "exclude\.0": at most 4 wildcards \(\* or \*\*\)/
    ],
    [
      'an unknown enum value',
      '{"type": "mixed"}',
      /^h5-offline: c\.json: "type": Invalid option: expected one of "global"\|"standard"\|"auto", got "mixed"/
    ]
  ]
  let site: string
  beforeAll(() => {
    site = writeTree({ 'index.html': INDEX })
  })
  it.each(cases)('%s', (_name, content, message) => {
    const dir = tempDir('h5-config-')
    fs.writeFileSync(path.join(dir, 'c.json'), content)
    const r = cli(['validate', site, '--config', 'c.json'], dir)
    expect(r.status).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('the same for h5offline.config.json found in the working directory', () => {
    const dir = writeTree({ 'h5offline.config.json': '{"id": "20171228", "checkRefs": false}' })
    const r = cli(['validate', site], dir)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/Unrecognized key: "checkRefs"/)
  })

  it('a config path that is missing or a folder: exit 2, named', () => {
    const dir = tempDir('h5-config-')
    let r = cli(['validate', site, '--config', 'nope.json'], dir)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/config file .*nope\.json cannot be read \(ENOENT\)/)
    r = cli(['validate', site, '--config', dir], dir)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/cannot be read \(EISDIR\)/)
  })

  it('a byte-order mark is fine', () => {
    const dir = tempDir('h5-config-')
    fs.writeFileSync(
      path.join(dir, 'c.json'),
      '\uFEFF{"id": "20171228", "mainEntry": "/www/index.html"}'
    )
    const r = cli(['validate', site, '--config', 'c.json', '--format', 'json'], dir)
    expect(r.status, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).package.id).toBe('20171228')
  })
})

describe('sensitive files: never packed, even with --force, unless their exact path is allowed', () => {
  const SECRETS = [
    '.env',
    '.env.production',
    'config/.npmrc',
    'certs/server.pem',
    'certs/server.KEY',
    'keys/id_rsa',
    'keys/id_ed25519',
    'admin/.htpasswd',
    '.netrc',
    '.git-credentials'
  ]
  let site: string
  beforeAll(() => {
    site = writeTree({
      'index.html': INDEX,
      'keys/id_rsa.pub': 'ssh-rsa AAAA public',
      '.git/config': '[core]\n',
      ...Object.fromEntries(SECRETS.map((s) => [s, `SECRET ${s}`]))
    })
  })
  const base = ['--id', '20171228', '--main-entry', '/www/index.html']
  const pack = (...extra: string[]) => {
    const out = path.join(tempDir('h5-out-'), 'p.zip')
    const r = cli(['pack', site, ...base, '--out', out, '--format', 'json', ...extra])
    return { ...r, out, names: fs.existsSync(out) ? [...zipContents(out).keys()] : [] }
  }
  const www = (p: string) => `20171228/www/${p}`

  it('without --force: refused, nothing written', () => {
    const r = pack()
    expect(r.status).toBe(1)
    expect(fs.existsSync(r.out)).toBe(false)
    expect(fs.readdirSync(path.dirname(r.out))).toEqual([])
  })

  it('with --force: written without any of them; each reported; the public key and the page are packed', () => {
    const r = pack('--force')
    expect(r.status).toBe(1)
    expect(r.names.sort()).toEqual([www('index.html'), www('keys/id_rsa.pub')])
    const reported = findingsIn(r.stdout)
      .filter((f) => f.rule === 'sensitive-file')
      .map((f) => f.path)
    expect(reported.sort()).toEqual([...SECRETS.map(www), www('.git')].sort())
    expect(unzipped(r.out).includes('SECRET')).toBe(false)
    expect(fs.readFileSync(r.out).includes('SECRET')).toBe(false)
  })

  it.each([
    ['its package path', '20171228/www/.env'],
    ['its source path', '.env']
  ])('--allow-sensitive with %s packs that one file only', (_form, allowed) => {
    const r = pack('--force', '--allow-sensitive', allowed)
    expect(r.names.sort()).toEqual([www('.env'), www('index.html'), www('keys/id_rsa.pub')])
    const reported = findingsIn(r.stdout)
      .filter((f) => f.rule === 'sensitive-file')
      .map((f) => f.path)
    expect(reported).not.toContain(www('.env'))
    expect(reported).toContain(www('.env.production'))
  })

  it('the allow-list takes exact paths only: no globs, no case folding, no ./ or / prefixes, no folders', () => {
    const near = [
      '*.env',
      '**/.env',
      '.ENV',
      './.env',
      '/.env',
      'www/.env',
      '20171228/www',
      'certs',
      'keys/*',
      '.git',
      '.git/config'
    ]
    const r = pack('--force', ...near.flatMap((a) => ['--allow-sensitive', a]))
    expect(r.names.sort()).toEqual([www('index.html'), www('keys/id_rsa.pub')])
  })

  it('the same through the engine, both path forms at once', async () => {
    const out = path.join(tempDir('h5-out-'), 'p.zip')
    const config = parseConfig({
      id: '20171228',
      mainEntry: '/www/index.html',
      allowSensitive: ['certs/server.pem', www('keys/id_rsa')]
    })
    const r = await packPackage(site, config, { out, force: true })
    expect(r.zip?.files).toBe(4)
    expect([...zipContents(out).keys()].sort()).toEqual(
      [
        www('certs/server.pem'),
        www('index.html'),
        www('keys/id_rsa'),
        www('keys/id_rsa.pub')
      ].sort()
    )
    expect(zipContents(out).get(www('keys/id_rsa'))!.toString()).toBe('SECRET keys/id_rsa')
  })
})

describe('a page with more findings than a function call takes arguments', () => {
  it('validate and pack report all 150,000 (findings are concatenated, not spread into push)', async () => {
    const refs = Array.from({ length: 150_000 }, (_, i) => `<img src="m/${i}.png">`).join('\n')
    const site = writeTree({ '20171228/www/index.html': `<!doctype html>\n${refs}` })
    const config = parseConfig({ mainEntry: '/www/index.html' })
    const v = await validatePackage(site, config)
    expect(v.counts.error).toBe(150_000)
    const out = path.join(tempDir(), 'p.zip')
    const p = await packPackage(site, config, { out, force: true })
    expect(p.counts.error).toBe(150_000)
  }, 60_000)
})
