import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { EntryError, loadApp, parseEntry } from './load-app.ts'

const fixtures = fileURLToPath(new URL('../../../../tests/serving/fixtures/', import.meta.url))
const title = async (entry: string) => (await loadApp(parseEntry(entry, fixtures))).settings.title

describe('finding the app an entry names', () => {
  it('takes the default export, else the export named app, else the only exported app', async () => {
    expect(await title('default-export.ts')).toBe('default')
    expect(await title('single.ts')).toBe('single')
    const app = await loadApp(parseEntry('app.ts', fixtures))
    expect(app.settings.shutdownTimeout).toBe(300)
  })

  it('takes a named export, calling a factory', async () => {
    expect(await title('entries.ts:other')).toBe('other')
    expect(await title('entries.ts:build')).toBe('built')
  })

  it('says what to write when it cannot tell', async () => {
    await expect(loadApp(parseEntry('entries.ts', fixtures))).rejects.toThrow(
      /several apps \(other, second\); pick one with .*entries.ts:name/,
    )
    await expect(loadApp(parseEntry('entries.ts:missing', fixtures))).rejects.toThrow(
      /no export named missing \(it exports: build, notAnApp, other, second\)/,
    )
    await expect(loadApp(parseEntry('entries.ts:notAnApp', fixtures))).rejects.toThrow(/is not a Fastbox app/)
    expect(() => parseEntry('nowhere.ts', fixtures)).toThrow(EntryError)
  })

  it('keeps a Windows drive letter as part of the path', () => {
    expect(() => parseEntry('C:\\app.ts', fixtures)).toThrow(/C:\\app.ts: no such file/)
  })

  it('looks for main.ts, app.ts, src/main.ts, src/app.ts when no entry is given', () => {
    expect(parseEntry(undefined, fixtures)).toEqual({ file: `${fixtures}app.ts`, name: undefined })
    expect(() => parseEntry(undefined, '/')).toThrow(/No entry given, and none of main.ts, app.ts/)
  })
})
