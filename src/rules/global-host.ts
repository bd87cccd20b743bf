import { LEGACY_OSS_HOST, PUBLIC_CLOUD_HOST, validPort } from '../core/config.js'
import { defineRule } from './types.js'

/** A dotted host name with an optional port, or a single label with a port (`intranet:8080`). */
const HOST =
  /^(?=.{1,253}(:|$))(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?|[a-z0-9](?:[a-z0-9-]*[a-z0-9])?:\d{1,5})$/i

/**
 * The folder that really is the host, so the others are reported as extra: the configured host, else the folder
 * holding an `<appId>_<workspace>` folder, else the first.
 */
function mainHost(
  hosts: string[],
  files: string[],
  prefix: string,
  configured: string | undefined
): string | undefined {
  if (configured && hosts.includes(configured)) return configured
  const holdsAppFolder = (h: string) =>
    files.some(
      (f) =>
        f.startsWith(`${prefix}${h}/`) &&
        f
          .split('/')
          .slice(2, -1)
          .some((s) => APP_WORKSPACE.test(s))
    )
  return hosts.find(holdsAppFolder) ?? hosts[0]
}

const APP_WORKSPACE = /^[A-Za-z0-9]+_[A-Za-z0-9-]+$/

export default defineRule({
  id: 'global-host',
  description:
    'A global package has one second-level folder, a valid host[:port]; on public cloud, mcube-prod.mpaascloud.com.',
  defaultSeverity: 'error',
  message: (a) => {
    switch (a.problem) {
      case 'invalid':
        return `"${a.host}" is not a host name (with an optional :port from 1 to 65535); the second-level folder of a global package is the resource host`
      case 'extra':
        return `"${a.host}" is a second host folder; a global package has exactly one (the first is "${a.first}")`
      case 'mismatch':
        return `the host folder is "${a.host}" but the configured host is "${a.expected}"`
      case 'legacy':
        return `"${a.host}" is the legacy OSS host; public cloud now serves global resources from ${PUBLIC_CLOUD_HOST}`
      default:
        return `"${a.host}" is not ${PUBLIC_CLOUD_HOST}: real-time publishing acceleration is off for this package`
    }
  },
  fix: `Name the second-level folder after the host the resources are served from (public cloud: ${PUBLIC_CLOUD_HOST}; Apsara Stack: the mdsweb domain, with :port if any).`,
  check({ pkg, config }, report) {
    if (pkg.type !== 'global' || !pkg.id) return
    const prefix = `${pkg.id}/`
    const hosts = pkg.directories.filter(
      (d) => d.startsWith(prefix) && !d.slice(prefix.length).includes('/')
    )
    const first = mainHost(
      hosts.map((h) => h.slice(prefix.length)),
      pkg.files.map((f) => f.path),
      prefix,
      config.host
    )
    for (const dir of hosts) {
      const host = dir.slice(prefix.length)
      if (host !== first)
        report({ path: dir, args: { problem: 'extra', host, first: first ?? '' } })
      else if (!HOST.test(host) || !validPort(host))
        report({ path: dir, args: { problem: 'invalid', host } })
      else if (config.host && host !== config.host && config.host !== PUBLIC_CLOUD_HOST)
        report({ path: dir, args: { problem: 'mismatch', host, expected: config.host } })
      else if (config.environment === 'public-cloud' && host === LEGACY_OSS_HOST)
        report({ path: dir, severity: 'warning', args: { problem: 'legacy', host } })
      else if (config.environment === 'public-cloud' && host !== PUBLIC_CLOUD_HOST)
        report({ path: dir, severity: 'warning', args: { problem: 'other', host } })
    }
  }
})
