// FastAPI's "Query Parameters and String Validations" tutorials, ported:
// docs_src/query_params_str_validations/tutorial004_an_py310.py, tutorial010_an_py310.py, tutorial011_an_py310.py,
// tutorial012_an_py310.py and tutorial014_an_py310.py, at fastapi/fastapi@c3f316b7e814667e8ee81e03a7330d00ee61e45c.
import { createApp, nullable, t } from 'fastbox'

const results = (q: string | null) => ({
  items: [{ item_id: 'Foo' }, { item_id: 'Bar' }],
  ...(q ? { q } : {}),
})

/** tutorial004: `Query(min_length=3, max_length=50, pattern="^fixedquery$")`. */
export const tutorial004 = createApp().get(
  '/items/',
  { query: { q: nullable(t.String({ minLength: 3, maxLength: 50, pattern: '^fixedquery$' })) } },
  function readItems({ query }) {
    return results(query.q)
  },
)

/**
 * tutorial010: `alias="item-query"`, a title, a description and `deprecated=True`. A Fastbox parameter is named
 * by its key, so the alias is the key; the handler reads `query['item-query']`.
 */
export const tutorial010 = createApp().get(
  '/items/',
  {
    query: {
      // The parameter's description and deprecation go on the outer schema (the `X | None`), its checks inside.
      'item-query': nullable(
        t.String({ title: 'Query string', minLength: 3, maxLength: 50, pattern: '^fixedquery$' }),
        {
          description: 'Query string for the items to search in the database that have a good match',
          deprecated: true,
        },
      ),
    },
  },
  function readItems({ query }) {
    return results(query['item-query'])
  },
)

/** tutorial011: `list[str] | None`, from repeated keys. */
export const tutorial011 = createApp().get(
  '/items/',
  { query: { q: nullable(t.Array(t.String())) } },
  function readItems({ query }) {
    return { q: query.q }
  },
)

/** tutorial012: a list with a default. */
export const tutorial012 = createApp().get(
  '/items/',
  { query: { q: t.Array(t.String(), { default: ['foo', 'bar'] }) } },
  function readItems({ query }) {
    return { q: query.q }
  },
)

/**
 * tutorial014: `Query(include_in_schema=False)`. Fastbox has no per-parameter switch (`includeInSchema` hides a
 * whole route): the parameter is documented.
 */
export const tutorial014 = createApp().get(
  '/items/',
  { query: { hidden_query: nullable(t.String()) } },
  function readItems({ query }) {
    return { hidden_query: query.hidden_query ? query.hidden_query : 'Not found' }
  },
)
