// FastAPI's "Header Parameters" and "Cookie Parameters" tutorials, ported: docs_src/header_params/tutorial001_an_py310.py,
// tutorial002_an_py310.py, tutorial003_an_py310.py and docs_src/cookie_params/tutorial001_an_py310.py, at
// fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, nullable, t } from 'fastbox'

/** header_params tutorial001: `user_agent` reads the `User-Agent` header (underscores become hyphens). */
export const headerTutorial001 = createApp().get(
  '/items/',
  { headers: { user_agent: nullable(t.String()) } },
  function readItems({ headers }) {
    return { 'User-Agent': headers.user_agent }
  },
)

/**
 * header_params tutorial002: `Header(convert_underscores=False)` reads a header spelled `strange_header`.
 * Fastbox has no such switch: a header key's underscores always stand for hyphens (many proxies drop headers
 * with underscores), so this reads `strange-header`.
 */
export const headerTutorial002 = createApp().get(
  '/items/',
  { headers: { strange_header: nullable(t.String()) } },
  function readItems({ headers }) {
    return { strange_header: headers.strange_header }
  },
)

/** header_params tutorial003: a repeated header as a list. */
export const headerTutorial003 = createApp().get(
  '/items/',
  { headers: { x_token: nullable(t.Array(t.String())) } },
  function readItems({ headers }) {
    return { 'X-Token values': headers.x_token }
  },
)

/** cookie_params tutorial001. */
export const cookieTutorial001 = createApp().get(
  '/items/',
  { cookies: { ads_id: nullable(t.String()) } },
  function readItems({ cookies }) {
    return { ads_id: cookies.ads_id }
  },
)
