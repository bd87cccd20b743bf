import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ref-case-mismatch'
const REFS = { ...STANDARD_CONFIG, checkReferences: true }

describe('ref-case-mismatch', () => {
  it('reports a reference that matches a file only ignoring case', async () => {
    const tree = {
      '20171228/www/index.html': '<!doctype html>\n<link rel="stylesheet" href="css/App.css">',
      '20171228/www/css/app.css': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(found).toEqual([
      {
        severity: 'error',
        path: '20171228/www/index.html',
        line: 2,
        args: {
          url: 'css/App.css',
          target: '20171228/www/css/App.css',
          actual: '20171228/www/css/app.css'
        }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      '"css/App.css" matches "20171228/www/css/app.css" only ignoring case; it works on a Mac and fails on the phone'
    )
  })

  it('reports it from CSS too, and not as ref-broken', async () => {
    const tree = {
      '20171228/www/index.html': '<link rel="stylesheet" href="css/app.css">',
      '20171228/www/css/app.css': '.logo { background: url(../img/Logo.PNG) }',
      '20171228/www/img/logo.png': ''
    }
    expect((await check(RULE, tree, REFS)).map((f) => [f.path, f.args.actual])).toEqual([
      ['20171228/www/css/app.css', '20171228/www/img/logo.png']
    ])
    expect(await check('ref-broken', tree, REFS)).toEqual([])
  })

  it('passes a reference with the exact case', async () => {
    const tree = {
      '20171228/www/index.html': '<link rel="stylesheet" href="css/App.css">',
      '20171228/www/css/App.css': ''
    }
    expect(await check(RULE, tree, REFS)).toEqual([])
  })
})
