import { createApp, nullable, t } from 'fastbox'

export const app = createApp().post(
  '/orders/{shop}',
  {
    path: { shop: t.String({ minLength: 2 }) },
    query: {
      dry_run: t.Boolean({ default: false }),
      tag: t.Optional(t.Array(t.String())),
      coupon: nullable(t.String()),
    },
    headers: { x_request_id: t.String() }, // reads the `X-Request-Id` header
    cookies: { session: t.Optional(t.String()) },
    body: t.Object({
      items: t.Array(t.Object({ sku: t.String(), quantity: t.Integer({ minimum: 1 }) }), { minItems: 1 }),
    }),
    status: 201,
  },
  ({ path, query, headers, cookies, body }) => ({
    shop: path.shop,
    dryRun: query.dry_run,
    tags: query.tag ?? [],
    coupon: query.coupon, // string | null: null when the client leaves it out
    requestId: headers.x_request_id,
    loggedIn: cookies.session !== undefined,
    lines: body.items.length,
  }),
)
