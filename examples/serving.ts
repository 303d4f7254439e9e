import { createApp, t } from 'fastbox'

const renderPage = () => new Promise((resolve) => setTimeout(resolve, 100))

async function render(pages: number, signal: AbortSignal) {
  for (let page = 0; page < pages; page++) {
    // The deadline passed (or the client left): the answer is already sent, so stop working.
    if (signal.aborted) return undefined
    await renderPage()
  }
  return { pages }
}

const Pages = { pages: t.Integer({ minimum: 1 }) }

// Serve it with `fastbox run examples/serving.ts --workers 2`, or `fastbox dev examples/serving.ts`.
export const app = createApp({
  title: 'Reports',
  handlerTimeout: 1_000, // a report not ready within 1 s is answered 503
  shutdownTimeout: 20_000, // on SIGTERM, requests in progress get 20 s to finish
  underPressure: { maxEventLoopDelay: 500, retryAfter: 5 }, // shed load while the event loop lags
})
  .get('/reports', { query: Pages }, ({ query, request }) => render(query.pages, request.signal))
  // An export may take longer: its own deadline replaces the app's.
  .get('/exports', { query: Pages, handlerTimeout: 5_000 }, ({ query, request }) =>
    render(query.pages, request.signal),
  )
