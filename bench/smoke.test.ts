/**
 * Runs the whole benchmark in smoke mode (one short round of everything, into a temporary folder) and checks
 * that the report has every table, each with numbers, and one chart per table.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from './http/scenarios.ts'
import { BENCH_DIR } from './lib/proc.ts'
import { TABLE_HEADINGS } from './report/report.ts'

const out = mkdtempSync(join(tmpdir(), 'fastbox-bench-test-'))

afterAll(() => rmSync(out, { recursive: true, force: true }))

/** The rows of the markdown table under `## heading` (header and separator left out). */
function tableRows(markdown: string, heading: string): string[][] {
  const section = markdown.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? ''
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    )
}

describe('bench smoke run', () => {
  it('writes a report with every table and chart', { timeout: 180_000 }, async () => {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'run.ts')], {
      cwd: BENCH_DIR,
      env: { ...process.env, BENCH_SMOKE: '1', BENCH_OUT: out },
      maxBuffer: 16 * 1024 * 1024,
    })
    const markdown = readFileSync(join(out, 'latest.md'), 'utf8')
    expect(markdown).toContain('SMOKE RUN')
    for (const heading of TABLE_HEADINGS) {
      const rows = tableRows(markdown, heading)
      expect(rows.length, `table "${heading}"`).toBeGreaterThan(0)
      // The machine table names things (the CPU model); every other row holds measurements.
      if (heading === 'Machine') continue
      for (const row of rows) expect(row.join(' '), `a row of "${heading}"`).toMatch(/\d/)
    }
    const machine = new Map(tableRows(markdown, 'Machine').map(([what, value]) => [what, value ?? '']))
    expect(Number(machine.get('cores'))).toBeGreaterThan(0)
    expect(machine.get('Node')).toMatch(/^v\d+\./)
    expect(machine.get('CPU')).not.toBe('')
    expect(machine.get('date')).toMatch(/^\d{4}-\d\d-\d\d/)
    const throughput = tableRows(markdown, 'HTTP throughput')
    expect(throughput).toHaveLength(SCENARIOS.length)
    // Every server's req/s cell is a positive number (FastAPI's column is absent when it is skipped), and on
    // Linux so is every server's CPU time per request.
    const servers = ((throughput[0]?.length ?? 1) - 1) / 3
    for (const row of throughput) {
      for (const cell of row.slice(1, 1 + servers))
        expect(Number(cell.replace(/,/g, '').split(' ')[0])).toBeGreaterThan(0)
      if (process.platform !== 'linux') continue
      for (const cell of row.slice(1 + servers, 1 + 2 * servers)) expect(cell).toMatch(/^\d+\.\d µs$/)
    }
    const ratios = tableRows(markdown, 'Fastbox ratios')
    expect(ratios).toHaveLength(SCENARIOS.length)
    if (process.platform === 'linux')
      for (const row of ratios) expect(row.slice(1).join(' ')).not.toContain('–')
    for (const row of tableRows(markdown, 'Targets')) expect(row[3]).toMatch(/PASS|MISS|n\/a/)
    const charts = readdirSync(out).filter((file) => file.endsWith('.svg'))
    expect(charts.sort()).toEqual(
      [
        'cpu.svg',
        'memory.svg',
        'openapi.svg',
        'startup.svg',
        'targets.svg',
        'throughput.svg',
        'typecheck.svg',
      ].sort(),
    )
    for (const chart of charts)
      expect(readFileSync(join(out, chart), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*<\/svg>\n$/)
  })
})
