import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { isSensitive, isSensitiveName } from '../../src/rules/util.js'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD, STANDARD_CONFIG, check, messageOf, zipOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'sensitive-file'

describe('sensitive-file', () => {
  it.each([
    '.env',
    '.env.local',
    '.env.production',
    '.npmrc',
    '.htpasswd',
    '.netrc',
    'id_rsa',
    'id_ed25519',
    'server.pem',
    'app.key',
    'APP.KEY',
    'cert.p12',
    '.git-credentials',
    'deploy.ppk',
    'release.jks',
    'upload.keystore',
    'secring.gpg',
    '.pypirc',
    '.pgpass',
    '.aws/credentials'
  ])('reports %s', async (name) => {
    const file = `20171228/www/${name}`
    // a folder that holds secrets (.aws, as .git) is reported once, as the folder
    const path = name.includes('/') ? file.slice(0, file.lastIndexOf('/')) : file
    expect(await check(RULE, { ...STANDARD, [file]: 'x' }, STANDARD_CONFIG)).toEqual([
      { severity: 'error', path, line: undefined, args: { path } }
    ])
  })

  it('explains the risk', () => {
    expect(messageOf(RULE, { path: '20171228/www/.env.local' })).toBe(
      '"20171228/www/.env.local" looks like a secret; it would be readable on every phone (the packer never packs it)'
    )
  })

  it('reports a .git folder once, not each object inside it', async () => {
    const found = await check(
      RULE,
      {
        ...STANDARD,
        '20171228/www/.git/HEAD': 'x',
        '20171228/www/.git/config': 'x',
        '20171228/www/.git/objects/ab/cdef': 'x'
      },
      STANDARD_CONFIG
    )
    expect(found.map((f) => f.path)).toEqual(['20171228/www/.git'])
  })

  it('reports a .git folder inside a zip once', async () => {
    const zip = zipOf([
      { name: '20171228/www/index.html', data: 'x' },
      { name: '20171228/.git/HEAD', data: 'x' },
      { name: '20171228/.git/config', data: 'x' }
    ])
    expect((await check(RULE, zip, STANDARD_CONFIG)).map((f) => f.path)).toEqual(['20171228/.git'])
  })

  it('accepts a file listed by its exact package path in allowSensitive', async () => {
    const tree = { ...STANDARD, '20171228/www/public.pem': 'x', '20171228/www/.env': 'x' }
    const found = await check(RULE, tree, {
      ...STANDARD_CONFIG,
      allowSensitive: ['20171228/www/public.pem']
    })
    expect(found.map((f) => f.path)).toEqual(['20171228/www/.env'])
  })

  it('takes the package path or the source path of a build output in allowSensitive', async () => {
    const tree = { 'index.html': 'x', 'public.pem': 'x' }
    expect(
      (await check(RULE, tree, { id: '20171228', allowSensitive: ['other.pem'] })).map(
        (f) => f.path
      )
    ).toEqual(['20171228/www/public.pem'])
    expect(await check(RULE, tree, { id: '20171228', allowSensitive: ['public.pem'] })).toEqual([])
    expect(
      await check(RULE, tree, { id: '20171228', allowSensitive: ['20171228/www/public.pem'] })
    ).toEqual([])
  })

  it('passes names that only contain the words', async () => {
    const tree = {
      ...STANDARD,
      '20171228/www/environment.js': 'x',
      '20171228/www/keyboard.png': 'x',
      '20171228/www/git.svg': 'x',
      '20171228/www/monkey.js': 'x'
    }
    expect(await check(RULE, tree, STANDARD_CONFIG)).toEqual([])
  })
})

describe('isSensitive', () => {
  it('is true exactly when a segment is a sensitive name (the one-test prefilter drops none)', () => {
    const segment = fc.oneof(
      fc.constantFrom(
        ...[
          '.env',
          '.ENV.local',
          '.envrc',
          '.npmrc',
          '.Htpasswd',
          '.netrc',
          '.git',
          '.git-credentials'
        ]
      ),
      fc.constantFrom(
        ...[
          'id_rsa',
          'ID_ECDSA',
          'id_rsa.pub',
          'a.pem',
          'b.KEY',
          'c.p12',
          'd.pfx',
          'www',
          'app.js'
        ],
        ...[
          'e.ppk',
          'f.JKS',
          'g.keystore',
          'secring.gpg',
          'pubring.gpg',
          '.pypirc',
          '.pgpass',
          '.aws'
        ]
      ),
      fc.constantFrom(
        ...['key', 'pem', '.', '..', 'x.keys', 'env', 'id', 'xid_rsa', 'a.env', '_', 'é.key']
      ),
      fc.string({ maxLength: 8 }).filter((s) => !s.includes('/'))
    )
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 6 }), (segs) => {
        const p = segs.join('/')
        expect(isSensitive(p)).toBe(segs.some(isSensitiveName))
      }),
      { numRuns: 3000 }
    )
  })
})
