import { defineConfig } from 'vitest/config'

// vitest 5 reports failures with Map.groupBy, which Node 20 lacks (it exists from Node 21); without this the
// reporter itself crashes on the first failing test and hides the failure.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const map = new Map<K, V[]>()
      let i = 0
      for (const item of items) {
        const k = key(item, i++)
        const list = map.get(k)
        if (list) list.push(item)
        else map.set(k, [item])
      }
      return map
    }
  })
}

export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
