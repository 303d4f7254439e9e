/** A small horizontal grouped bar chart as a standalone SVG (no dependencies, readable in any browser). */

export interface BarGroup {
  label: string
  /** One value per series, in the order of `BarChart.series`; `undefined` leaves a gap. */
  values: (number | undefined)[]
}

export interface BarChart {
  title: string
  /** Shown after each value and on the axis, e.g. `req/s`. */
  unit: string
  series: string[]
  groups: BarGroup[]
  /** A vertical dashed line, e.g. a target. */
  reference?: { value: number; label: string }
  /** Formats a bar's value label. */
  format?: (value: number) => string
}

const COLORS = ['#6b7280', '#2563eb', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6']
const WIDTH = 820
const LABEL_WIDTH = 230
const VALUE_ROOM = 110
const BAR = 16
const BAR_GAP = 3
const GROUP_GAP = 14
const TOP = 64

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

export const formatNumber = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value >= 10 ? value.toFixed(1) : value.toFixed(2)

export function barChart(chart: BarChart): string {
  const format = chart.format ?? formatNumber
  const values = chart.groups.flatMap((group) => group.values.filter((v): v is number => v !== undefined))
  const max = Math.max(...values, chart.reference?.value ?? 0, Number.MIN_VALUE)
  const plot = WIDTH - LABEL_WIDTH - VALUE_ROOM
  const scale = (value: number) => (value / max) * plot
  const groupHeight = chart.series.length * (BAR + BAR_GAP) - BAR_GAP
  const height = TOP + chart.groups.length * (groupHeight + GROUP_GAP) + 24
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="600" fill="#111827">${escapeXml(chart.title)}</text>`,
  ]
  let legendX = 12
  chart.series.forEach((name, i) => {
    parts.push(
      `<rect x="${legendX}" y="34" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/>`,
      `<text x="${legendX + 16}" y="44" fill="#374151">${escapeXml(name)}</text>`,
    )
    legendX += 28 + name.length * 7
  })
  chart.groups.forEach((group, g) => {
    const y0 = TOP + g * (groupHeight + GROUP_GAP)
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${y0 + groupHeight / 2 + 4}" text-anchor="end" fill="#111827">${escapeXml(group.label)}</text>`,
    )
    group.values.forEach((value, s) => {
      if (value === undefined) return
      const y = y0 + s * (BAR + BAR_GAP)
      const w = Math.max(1, scale(value))
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${COLORS[s % COLORS.length]}"><title>${escapeXml(`${chart.series[s]}: ${format(value)} ${chart.unit}`)}</title></rect>`,
        `<text x="${(LABEL_WIDTH + w + 4).toFixed(1)}" y="${y + BAR - 4}" fill="#374151">${escapeXml(`${format(value)} ${chart.unit}`)}</text>`,
      )
    })
  })
  const axisY = height - 18
  parts.push(`<line x1="${LABEL_WIDTH}" y1="${TOP - 6}" x2="${LABEL_WIDTH}" y2="${axisY}" stroke="#9ca3af"/>`)
  if (chart.reference !== undefined) {
    const x = LABEL_WIDTH + scale(chart.reference.value)
    parts.push(
      `<line x1="${x.toFixed(1)}" y1="${TOP - 6}" x2="${x.toFixed(1)}" y2="${axisY}" stroke="#dc2626" stroke-dasharray="4 3"/>`,
      `<text x="${x.toFixed(1)}" y="${axisY + 13}" text-anchor="middle" fill="#dc2626">${escapeXml(chart.reference.label)}</text>`,
    )
  }
  parts.push('</svg>')
  return `${parts.join('\n')}\n`
}
