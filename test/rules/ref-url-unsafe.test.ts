import { afterAll, describe, expect, it } from 'vitest'
import { cleanupTempDirs } from '../helpers/tree.js'
import { STANDARD_CONFIG, check, messageOf } from './_helpers.js'

afterAll(cleanupTempDirs)

const RULE = 'ref-url-unsafe'
const REFS = { ...STANDARD_CONFIG, checkReferences: true }

describe('ref-url-unsafe', () => {
  it('warns about a reference to a package file with a character urlencode changes', async () => {
    const tree = {
      '20171228/www/index.html': '<!doctype html>\n<img src="img/icon@2x.png">',
      '20171228/www/img/icon@2x.png': ''
    }
    const found = await check(RULE, tree, REFS)
    expect(found).toEqual([
      {
        severity: 'warning',
        path: '20171228/www/index.html',
        line: 2,
        args: { url: 'img/icon@2x.png', target: '20171228/www/img/icon@2x.png', chars: "'@'" }
      }
    ])
    expect(messageOf(RULE, found[0].args)).toBe(
      `"img/icon@2x.png" contains '@'; MDS advises against characters urlencode changes in URLs`
    )
  })

  it('warns about a CSS reference with "~" (webpack chunk names)', async () => {
    const tree = {
      '20171228/www/index.html': '<link rel="stylesheet" href="css/mbank~login.css">',
      '20171228/www/css/mbank~login.css': ''
    }
    expect((await check(RULE, tree, REFS)).map((f) => f.args.chars)).toEqual(["'~'"])
  })

  it('passes plain references, and external URLs it does not judge', async () => {
    const tree = {
      '20171228/www/index.html':
        '<img src="img/icon-2x.png"><script src="https://cdn.example.com/a@1.0/x.js"></script>',
      '20171228/www/img/icon-2x.png': ''
    }
    expect(await check(RULE, tree, REFS)).toEqual([])
  })
})
