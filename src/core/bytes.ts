/** Sizes as `12.3 KiB`; exact bytes below 1 KiB. */
export function formatBytes(n: number): string {
  const abs = Math.abs(n)
  const sign = n < 0 ? '-' : ''
  if (abs < 1024) return `${sign}${abs} B`
  const units = ['KiB', 'MiB', 'GiB']
  let v = abs / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${sign}${v.toFixed(1)} ${units[i]}`
}
